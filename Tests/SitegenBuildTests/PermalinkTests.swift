import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/permalinks`: `[permalinks]` patterns per section (issue #3),
/// inherited by nested sections, and everything that links to a page following them.
@Suite struct PermalinkTests {
    @Test func pagesAreWrittenWhereTheirSectionPatternSays() {
        let site = BuiltSite.fixture("permalinks")
        site.expectClean()
        expectFileList(site, [
            "2024/03/custom/index.html", "2024/04/trip/index.html", "2024/04/trip/photo.png", "2024/05/hello/index.html",
            "about/index.html", "api/value-types/index.html", "atom.xml",
            "docs/api/atom.xml", "docs/api/index.html", "docs/atom.xml", "docs/guide/atom.xml", "docs/guide/file.pdf",
            "docs/guide/index.html", "docs/index.html", "index.html",
            "manual/docs/guide/install/index.html", "manual/docs/intro/index.html", "old/hello/index.html",
            "posts/atom.xml", "posts/diagram.png", "posts/index.html", "robots.txt", "sitemap.xml",
            "tags/index.html", "tags/swift/atom.xml", "tags/swift/index.html",
        ])
    }

    /// `[x](other.md)` and `[x](../docs/guide/install.md#steps)` point at the new URLs;
    /// `lower`/`higher` too; a bundle's files move with its page.
    @Test func linksAndNeighboursUseThePermalinks() {
        let site = BuiltSite.fixture("permalinks")
        expectFiles(site, [
            "2024/05/hello/index.html": """
                <h1>Hello</h1>
                <p class="permalink">https://example.org/2024/05/hello/</p>
                <a rel="prev" href="https://example.org/2024/04/trip/">A trip</a>
                <p>See <a href="/2024/03/custom/">the other post</a>, the <a href="/manual/docs/guide/install/#steps">install steps</a> and the <a href="/docs/guide/file.pdf">guide PDF</a>.</p>
                <p><img src="/posts/diagram.png" alt="A diagram" /></p>


                """,
            "2024/04/trip/index.html": """
                <h1>A trip</h1>
                <p class="permalink">https://example.org/2024/04/trip/</p>
                <a rel="prev" href="https://example.org/2024/03/custom/">Other</a>
                <a rel="next" href="https://example.org/2024/05/hello/">Hello</a>
                <img src="/2024/04/trip/photo.png">
                <p><img src="/2024/04/trip/photo.png" alt="Photo" /></p>


                """,
            // docs/api has its own pattern; :title is the slugified title.
            "api/value-types/index.html": """
                <h1>Value Types</h1>
                <p class="permalink">https://example.org/api/value-types/</p>
                <p>Values, as in <a href="/manual/docs/intro/">the introduction</a>.</p>


                """,
        ])
        #expect(site.text("index.html")?.contains(
            #"<a href="/2024/05/hello/">hello</a>, the <a href="/manual/docs/guide/install/#steps">manual</a> or the <a href="/api/value-types/">API</a>"#) == true)
        #expect(site.text("about/index.html")?.contains("https://example.org/about/") == true, "no pattern at the top: the default URL")
    }

    @Test func sectionsListTaxonomiesAndAliasesFollow() {
        let site = BuiltSite.fixture("permalinks")
        let posts = #"<li><a href="https://example.org/2024/05/hello/">Hello</a></li>"#
            + "\n" + #"<li><a href="https://example.org/2024/04/trip/">A trip</a></li>"#
            + "\n" + #"<li><a href="https://example.org/2024/03/custom/">Other</a></li>"#
        #expect(site.text("posts/index.html")?.contains(posts) == true, "\(site.text("posts/index.html") ?? "")")
        #expect(site.text("docs/guide/index.html")?.contains(#"<a href="https://example.org/manual/docs/guide/install/">Install</a>"#) == true)
        #expect(site.text("tags/swift/index.html")?.contains(
            #"<li><a href="https://example.org/2024/05/hello/">Hello</a></li>"# + "\n"
                + #"<li><a href="https://example.org/2024/03/custom/">Other</a></li>"#) == true)
        #expect(site.text("old/hello/index.html")?.contains(#"<meta http-equiv="refresh" content="0; url=https://example.org/2024/05/hello/">"#) == true)
    }

    @Test func feedsAndSitemapUseThePermalinks() {
        let site = BuiltSite.fixture("permalinks")
        let locs = (site.text("sitemap.xml") ?? "").split(separator: "\n")
            .filter { $0.contains("<loc>") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(locs == [
            "https://example.org/", "https://example.org/2024/03/custom/", "https://example.org/2024/04/trip/",
            "https://example.org/2024/05/hello/", "https://example.org/about/", "https://example.org/api/value-types/",
            "https://example.org/docs/", "https://example.org/docs/api/", "https://example.org/docs/guide/",
            "https://example.org/manual/docs/guide/install/", "https://example.org/manual/docs/intro/",
            "https://example.org/posts/", "https://example.org/tags/", "https://example.org/tags/swift/",
        ].map { "<loc>" + $0 + "</loc>" })
        let feed = site.text("posts/atom.xml") ?? ""
        for url in ["https://example.org/2024/05/hello/", "https://example.org/2024/04/trip/", "https://example.org/2024/03/custom/"] {
            #expect(feed.contains("<id>" + url + "</id>"), "\(url) in posts/atom.xml")
            #expect(feed.contains(#"<link href=""# + url + #"" rel="alternate" type="text/html"/>"#))
        }
        #expect(!feed.contains("https://example.org/posts/hello/"), "the default URL is gone")
        #expect(site.text("tags/swift/atom.xml")?.contains("<id>https://example.org/2024/03/custom/</id>") == true)
    }

    @Test func everyInternalLinkOfTheOutputResolves() {
        let site = BuiltSite.fixture("permalinks")
        let audit = SiteAudit(output: site.output, baseURL: "https://example.org")
        #expect(audit.brokenLinks() == [])
        #expect(audit.xmlProblems() == [])
    }

    // MARK: Patterns

    @Test(arguments: [
        ("/:year/:month/:day/:slug/", "/2024/05/01/hello-world/"),
        ("/:year/:slug", "/2024/hello-world/"),
        (":section/:filename/", "/docs/first-post/"),
        ("/manual/:sections/:slug/", "/manual/docs/guide/hello-world/"),
        ("/:title/", "/hello-there/"),
        ("/:year-:month-:slug.html/", "/2024-05-hello-world.html/"),
        ("/a//:slug///", "/a/hello-world/"),
    ])
    func patternsFillInTheirTokens(_ pattern: String, _ path: String) throws {
        let fields = PermalinkPattern.Fields(
            slug: "hello-world", filename: "first-post", title: "hello-there", sections: "docs/guide", date: DateValue(iso: "2024-05-01"))
        #expect(try PermalinkPattern(parsing: pattern).path(for: fields) == path)
    }

    @Test func emptySectionsAndTitlesCollapseOrFallBack() throws {
        let fields = PermalinkPattern.Fields(slug: "about")
        #expect(try PermalinkPattern(parsing: "/:section/:title/").path(for: fields) == "/about/")
        #expect(try PermalinkPattern(parsing: "/:sections/").path(for: fields) == "/")
    }

    @Test func unknownTokensSayWhereTheyAre() {
        #expect(throws: PermalinkPattern.UnknownToken(name: "yaer", offset: 1, length: 5)) { try PermalinkPattern(parsing: "/:yaer/:slug/") }
        #expect(throws: PermalinkPattern.UnknownToken(name: "Slug", offset: 7, length: 5)) { try PermalinkPattern(parsing: "/:year/:Slug/") }
        #expect(throws: Never.self) { try PermalinkPattern(parsing: "/a:1/:/") }
    }

    @Test func nestedFoldersInheritTheNearestPattern() {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig(parsing: """
            [permalinks]
            docs = "/manual/:slug/"
            "docs/api/" = "/api/:slug/"
            """, file: "sitegen.toml", diagnostics: &diagnostics)
        #expect(diagnostics == [])
        #expect(config.permalinkRule(forFolder: "docs")?.pattern.source == "/manual/:slug/")
        #expect(config.permalinkRule(forFolder: "docs/guide/deep")?.pattern.source == "/manual/:slug/")
        #expect(config.permalinkRule(forFolder: "docs/api/v2")?.pattern.source == "/api/:slug/")
        #expect(config.permalinkRule(forFolder: "posts") == nil)
        #expect(config.permalinkRule(forFolder: "") == nil)
    }

    @Test func permalinksMustBeATableOfStrings() {
        var diagnostics: [Diagnostic] = []
        _ = SiteConfig(parsing: "[permalinks]\nposts = 3\n", file: "sitegen.toml", diagnostics: &diagnostics)
        #expect(diagnostics.map(\.message) == ["'permalinks.posts' has the wrong type"])
    }

    /// Front matter `slug` still names the page inside a pattern; a page with `:year` but no
    /// date is the error the `permalink-missing-date` invalid site prints.
    @Test func frontMatterSlugFillsTheSlugToken() {
        let site = SiteFixture([
            "sitegen.toml": SiteFixture.minimalConfig + "\n[permalinks]\nposts = \"/:year/:slug/\"\n",
            "templates/page.html": "{{ page.permalink }}", "templates/section.html": "",
            "content/posts/a.md": "---\ntitle: A\ndate: 2023-12-31\nslug: renamed\n---\n",
        ]).build()
        site.expectClean()
        #expect(site.text("2023/renamed/index.html") == "https://example.org/2023/renamed/")
    }
}

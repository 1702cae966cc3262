import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/assets-data`: a local theme whose CSS/JS is fingerprinted, site
/// static files over the theme's, `data/` files, `get_section`, `get_page`, `url()`, 404.html.
@Suite struct AssetsAndDataTests {
    /// FNV-1a 64, the first 8 hex digits: what the fingerprint is documented to be.
    static func fingerprint(_ bytes: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(8))
    }

    @Test func themeCSSAndJSAreFingerprintedAndLinked() throws {
        let site = BuiltSite.fixture("assets-data")
        site.expectClean()
        let theme = Repo.site("assets-data") + "/themes/mini/static/"
        let css = try #require(FileManager.default.contents(atPath: theme + "style.css"))
        let js = try #require(FileManager.default.contents(atPath: theme + "js/app.js"))
        let cssName = "style." + Self.fingerprint(css) + ".css"
        let jsName = "js/app." + Self.fingerprint(js) + ".js"
        #expect(cssName == "style.495b8139.css")
        expectFileList(site, [
            "404.html", "favicon.txt", "img/logo.svg", "index.html", jsName, "posts/again/index.html",
            "posts/hello/index.html", "posts/index.html", "robots.txt", "sitemap.xml", cssName,
        ])
        #expect(site.data(cssName) == css)
        #expect(site.data(jsName) == js)
        #expect(!site.exists("style.css"), "only the fingerprinted name is published")
        #expect(site.result.assetCount == 4)
    }

    @Test func siteStaticFilesWinOverTheTheme() {
        let site = BuiltSite.fixture("assets-data")
        #expect(site.text("favicon.txt") == "site favicon\n")
    }

    @Test func fingerprintChangesWithTheContent() {
        let site = SiteFixture(copying: Repo.site("assets-data"))
        let before = site.build()
        site.write(["themes/mini/static/style.css": "body { color: red; }\n"])
        let after = site.build()
        let name = "style." + Self.fingerprint(Data("body { color: red; }\n".utf8)) + ".css"
        #expect(!before.exists(name))
        #expect(after.exists(name))
        #expect(after.text("posts/hello/index.html")?.contains("href=\"/" + name + "\"") == true)
    }

    @Test func templatesSeeDataGetSectionGetPageAndURL() {
        let site = BuiltSite.fixture("assets-data")
        expectFiles(site, [
            "index.html": """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Assets &amp; Data</title>
                <link rel="stylesheet" href="/style.495b8139.css">
                <script src="/js/app.388b2256.js" defer></script>
                </head>
                <body>
                <h1>Welcome</h1>
                <p>Posts: 2 pages</p>
                <ul>
                <li><a href="/posts/again/">Again</a></li>
                <li><a href="/posts/hello/">Hello</a></li>
                </ul>
                <p>get_page: Hello https://example.org/posts/hello/</p>
                <p>Authors: Ada (editor) Grace (author)</p>
                <p>Menu: Home=/ Posts=/posts/</p>
                <p>Stats: 42 visits, en/fr</p>
                <img src="/img/logo.svg" alt="logo">
                <a href="/favicon.txt">favicon</a>
                </body>
                </html>

                """,
            // The theme's page.html, since the site has none.
            "posts/hello/index.html": """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Hello · Assets &amp; Data</title>
                <link rel="stylesheet" href="/style.495b8139.css">
                <script src="/js/app.388b2256.js" defer></script>
                </head>
                <body>
                <h1>Hello</h1>
                <p>Hi.</p>

                </body>
                </html>

                """,
            "404.html": """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Not found</title>
                <link rel="stylesheet" href="/style.495b8139.css">
                <script src="/js/app.388b2256.js" defer></script>
                </head>
                <body>
                <h1>Not found</h1>
                <p><a href="/">Home</a></p>
                </body>
                </html>

                """,
        ])
    }

    @Test func siteTemplatesOverrideTheThemes() {
        let site = BuiltSite.fixture("assets-data")
        #expect(site.text("posts/index.html")?.contains("<h1>Posts</h1>") == true)
        #expect(site.text("posts/index.html")?.contains("Theme section") == false)
    }

    @Test func urlRejectsAMissingContentFile() {
        let site = SiteFixture([
            "templates/page.html": "{{ url(path='posts/nope.md') }}",
            "templates/section.html": "",
            "content/a.md": "---\ntitle: A\n---\n",
        ]).build()
        #expect(!site.result.succeeded)
        #expect(site.errors.count == 1)
        #expect(site.errors.first?.message.contains("url(\"posts/nope.md\"): no such content file") == true, "\(site.printedDiagnostics)")
    }

    @Test func getSectionSuggestsANearName() {
        let site = SiteFixture([
            "templates/page.html": "{{ get_section(path='post').title }}",
            "templates/section.html": "",
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "content/posts/a.md": "---\ntitle: A\n---\n",
        ]).build()
        #expect(!site.result.succeeded)
        #expect(site.printedDiagnostics.contains("fix: did you mean 'posts'?"), "\(site.printedDiagnostics)")
    }

    /// `get_taxonomy` gives the value the taxonomy's own page gets as `taxonomy`.
    @Test func getTaxonomyGivesWhatTheTaxonomyPageSees() throws {
        let listing = "{{ t.name }} {{ t.permalink }}:{% for x in t.terms %} {{ x.name }}/{{ x.slug }}={{ x.pages | length }}@{{ x.path }}{% endfor %}"
        let site = SiteFixture(copying: Repo.site("listing"))
        site.write(["templates/page.html": "{% set t = get_taxonomy(kind='tags') %}" + listing,
                    "templates/taxonomy.html": "{% set t = taxonomy %}" + listing])
        let built = site.build()
        built.expectClean()
        let page = try #require(built.text("posts/alpha/index.html"))
        #expect(page.hasPrefix("tags https://example.org/tags/: "), "\(page)")
        #expect(page.contains("/tags/swift/"), "\(page)")
        #expect(page == built.text("tags/index.html"))

        site.write(["templates/page.html": "{{ get_taxonomy(kind='tag').name }}"])
        let missing = site.build()
        #expect(missing.errors.first?.message.contains("get_taxonomy(\"tag\"): no such taxonomy") == true, "\(missing.printedDiagnostics)")
    }

    @Test(arguments: ["toml", "yaml", "json"])
    func brokenDataFilesAreLocatedErrors(format: String) {
        let broken = ["toml": "a = [1,\n", "yaml": "a: [1,\n", "json": "{\"a\": [1,}\n"][format]!
        let site = SiteFixture([
            "templates/page.html": "", "templates/section.html": "",
            "data/bad.\(format)": broken,
        ]).build()
        #expect(!site.result.succeeded)
        #expect(site.errors.first?.location?.file == "data/bad.\(format)", "\(site.printedDiagnostics)")
    }
}

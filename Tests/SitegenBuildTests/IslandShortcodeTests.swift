import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// `{{< island name="likes" slug="…" >}}fallback{{< /island >}}` in Markdown is a suspense
/// boundary: the same markup and recorded section as `{% suspense %}` in a template.
@Suite struct IslandShortcodeTests {
    static let files = [
        "functions/likes.swift": SuspenseTests.files["functions/likes.swift"]!,
        "templates/section.html": "",
        "templates/page.html": "<main>{{ page.content }}</main>",
        "templates/tag.html": """
            <main><p>Likes: {% suspense "likes" with { slug: "a", n: 2, on: true } %}<em>Loading</em>…{% endsuspense %}</p>
            </main>
            """,
        "content/a.md": """
            ---
            title: A
            ---
            Likes: {{< island name="likes" slug="a" n=2 on=true >}}*Loading*…{{< /island >}}
            """,
        "content/b.md": "---\ntitle: B\nlayout: tag\n---\n",
    ]

    @Test func markdownIslandMatchesTheTemplateTag() throws {
        let site = SiteFixture(Self.files).build()
        site.expectClean()
        let fromMarkdown = try #require(site.text("a/index.html"))
        let fromTemplate = try #require(site.text("b/index.html"))
        func boundary(_ html: String) -> Substring? {
            guard let start = html.range(of: "<sg-b "), let end = html.range(of: "</sg-b>") else { return nil }
            return html[start.lowerBound..<end.upperBound]
        }
        let expected = try #require(boundary(fromTemplate))
        #expect(boundary(fromMarkdown) == expected)
        #expect(expected.hasPrefix("<sg-b id=\"sg-b1\" data-src=\"/_sg/island/likes?a="))
        #expect(site.result.suspendedPages["/a/"] == site.result.suspendedPages["/b/"])
        #expect(site.result.suspendedPages["/a/"]?.first?.arguments == ["slug": "a", "n": 2, "on": true])
        #expect(fromMarkdown.contains("sg-b[data-src]"), "the page carries the deferred loader")
        #expect(!fromMarkdown.contains("sg-suspense"), "no marker comment is left")
    }

    @Test func boundariesAreNumberedWithTheTemplatesOwn() throws {
        var files = Self.files
        files["templates/page.html"] = """
            {% suspense "likes" with { slug: "first" } %}1{% endsuspense %}{{ page.content }}{% suspense "likes" with { slug: "last" } %}3{% endsuspense %}
            """
        let site = SiteFixture(files).build()
        site.expectClean()
        let sections = try #require(site.result.suspendedPages["/a/"])
        #expect(sections.map(\.id) == [1, 2, 3])
        #expect(sections.map { $0.arguments["slug"]?.stringValue ?? "" } == ["first", "a", "last"])
        let html = site.text("a/index.html") ?? ""
        #expect(html.contains("<sg-b id=\"sg-b2\""), "\(html)")
    }

    @Test func feedsShowTheFallback() {
        var files = Self.files
        files["sitegen.toml"] = SiteFixture.minimalConfig.replacingOccurrences(of: "atom = false", with: "atom = true")
        files["content/a.md"] = files["content/a.md"]!.replacingOccurrences(of: "title: A", with: "title: A\ndate: 2024-01-01")
        let site = SiteFixture(files).build()
        site.expectClean()
        let feed = site.text("atom.xml") ?? ""
        #expect(feed.contains("Loading"), "\(feed)")
        #expect(!feed.contains("sg-suspense"), "\(feed)")
    }

    @Test func unknownLoaderIsALocatedErrorInTheContentFile() throws {
        var files = Self.files
        files["content/a.md"] = "---\ntitle: A\n---\nLikes: {{< island name=\"likez\" slug=\"a\" >}}…{{< /island >}}\n"
        let site = SiteFixture(files).build()
        #expect(!site.result.succeeded)
        let error = try #require(site.errors.first, "\(site.printedDiagnostics)")
        #expect(error.message == "no loader 'likez' for this island")
        #expect(error.location == SourceLocation(file: "content/a.md", line: 4, column: 19))
        #expect(error.fix == "did you mean 'likes'?")
    }
}

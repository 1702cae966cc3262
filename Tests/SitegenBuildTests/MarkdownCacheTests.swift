import Foundation
import Testing
@testable import SitegenBuild

/// `sitegen preview` keeps rendered Markdown between builds: unchanged pages are reused,
/// and the output is exactly what a build without the cache writes.
@Suite struct MarkdownCacheTests {
    static let files: [String: String] = [
        "sitegen.toml": "title = \"Cache\"\nbase_url = \"https://example.org\"\n",
        "templates/page.html": "<h1>{{ page.title }}</h1>{{ page.content }}",
        "templates/section.html": "{% for p in section.pages %}<a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% endfor %}",
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/a.md": "---\ntitle: A\n---\nSee [b](b.md#two) and *more*.\n",
        "content/b.md": "---\ntitle: B\n---\n## Two\n\nText of b.\n",
        "content/c.md": "---\ntitle: C\n---\nPlain c.\n",
    ]

    @Test func unchangedPagesAreReusedAndTheOutputIsTheSame() throws {
        let site = SiteFixture(Self.files)
        let cache = MarkdownCache()
        site.build { $0.markdownCache = cache }.expectClean()
        #expect(cache.hits == 0)

        site.write(["content/c.md": "---\ntitle: C\n---\nPlain c, edited.\n"])
        let cached = site.build { $0.markdownCache = cache }
        cached.expectClean()
        #expect(cache.hits == 2, "a and b are reused, c is rendered again")
        let fresh = site.build()
        for path in ["a/index.html", "b/index.html", "c/index.html", "index.html"] {
            #expect(cached.text(path) == fresh.text(path), "\(path)")
        }
        #expect(cached.text("c/index.html")?.contains("Plain c, edited.") == true)
        #expect(cached.text("a/index.html")?.contains("href=\"/b/#two\"") == true)
    }

    @Test func aMovedLinkTargetRendersThePagesAgain() throws {
        let site = SiteFixture(Self.files)
        let cache = MarkdownCache()
        site.build { $0.markdownCache = cache }.expectClean()
        // b gets another URL: a's link to it must follow, so nothing may come from the cache.
        site.write(["content/b.md": "---\ntitle: B\nslug: bee\n---\n## Two\n\nText of b.\n"])
        let cached = site.build { $0.markdownCache = cache }
        cached.expectClean()
        #expect(cache.hits == 0)
        #expect(cached.text("a/index.html")?.contains("href=\"/bee/#two\"") == true, "\(cached.text("a/index.html") ?? "")")
    }

    @Test func brokenLinksAreStillReportedForReusedPages() throws {
        var files = Self.files
        files["content/a.md"] = "---\ntitle: A\n---\nSee [gone](gone.md).\n"
        let site = SiteFixture(files)
        let cache = MarkdownCache()
        let first = site.build { $0.markdownCache = cache }
        site.write(["content/c.md": "---\ntitle: C\n---\nEdited.\n"])
        let second = site.build { $0.markdownCache = cache }
        #expect(cache.hits == 2)
        #expect(first.warnings.map(\.formatted) == second.warnings.map(\.formatted))
        #expect(second.warnings.contains { $0.message.contains("broken link to 'gone.md'") }, "\(second.printedDiagnostics)")
    }
}

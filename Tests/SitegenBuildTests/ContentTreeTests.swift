import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/content-tree`: nested sections, page bundles, drafts, future and
/// expired pages, slugs and aliases.
@Suite struct ContentTreeTests {
    static let publishedFiles = [
        "blog/custom-slug/index.html", "blog/first/index.html", "blog/hello-world/index.html", "blog/index.html",
        "blog/trip/index.html", "blog/trip/maps/route.svg", "blog/trip/photo.png",
        "docs/guide/index.html", "docs/guide/install/index.html", "docs/index.html", "docs/orphan/deep/index.html",
        "index.html", "legacy.html", "old/renamed/index.html", "robots.txt", "sitemap.xml",
    ]

    @Test func defaultBuildPublishesOnlyCurrentNonDraftPages() {
        let site = BuiltSite.fixture("content-tree")
        site.expectClean()
        #expect(site.result.pageCount == 6)
        expectFileList(site, Self.publishedFiles)
    }

    @Test func sectionsListTheirPagesAndNestedSubsections() {
        let site = BuiltSite.fixture("content-tree")
        expectFiles(site, [
            "index.html": """
                <!doctype html>
                <title>Home</title>
                <h1>Home</h1>
                <ul class="pages">
                </ul>
                <ul class="sections">
                <li><a href="/blog/">Blog</a> (4)</li>
                <li><a href="/docs/">Docs</a> (1)</li>
                </ul>

                """,
            "blog/index.html": """
                <!doctype html>
                <title>Blog</title>
                <h1>Blog</h1>
                <ul class="pages">
                <li><a href="https://example.org/blog/trip/">A trip</a></li>
                <li><a href="https://example.org/blog/hello-world/">Hello World</a></li>
                <li><a href="https://example.org/blog/custom-slug/">Renamed</a></li>
                <li><a href="https://example.org/blog/first/">First post</a></li>
                </ul>
                <ul class="sections">
                </ul>

                """,
            // docs/orphan has no _index.md, so its page belongs to docs.
            "docs/index.html": """
                <!doctype html>
                <title>Docs</title>
                <h1>Docs</h1>
                <ul class="pages">
                <li><a href="https://example.org/docs/orphan/deep/">Deep</a></li>
                </ul>
                <ul class="sections">
                <li><a href="/docs/guide/">Guide</a> (1)</li>
                </ul>

                """,
            "docs/guide/install/index.html": """
                <!doctype html>
                <title>Install</title>
                <h1>Install</h1>
                <p class="meta">section=docs/guide slug=install draft=false</p>
                <p>Run the installer.</p>


                """,
        ])
    }

    /// Relative links to a bundle's files become absolute, so they also work in summaries and feeds.
    @Test func pageBundleCopiesItsFilesNextToIndexHTML() throws {
        let site = BuiltSite.fixture("content-tree")
        expectFiles(site, [
            "blog/trip/index.html": """
                <!doctype html>
                <title>A trip</title>
                <h1>A trip</h1>
                <p class="meta">section=blog slug=trip draft=false</p>
                <img src="/blog/trip/maps/route.svg">
                <img src="/blog/trip/photo.png">
                <p><img src="/blog/trip/photo.png" alt="Photo" /></p>


                """,
        ])
        for asset in ["photo.png", "maps/route.svg"] {
            let source = try #require(FileManager.default.contents(atPath: Repo.site("content-tree") + "/content/blog/trip/" + asset))
            #expect(site.data("blog/trip/" + asset) == source, "bundle file \(asset) is copied byte for byte")
        }
        #expect(!site.exists("blog/trip/index.md"), "the bundle's Markdown is rendered, not copied")
    }

    @Test func slugsComeFromFileNamesOrFrontMatter() {
        let site = BuiltSite.fixture("content-tree")
        #expect(site.exists("blog/hello-world/index.html"), "'Hello World.md' is slugified")
        #expect(site.exists("blog/custom-slug/index.html"), "slug: custom-slug replaces the file name")
        #expect(!site.exists("blog/renamed/index.html"))
        #expect(site.text("blog/custom-slug/index.html")?.contains("slug=custom-slug") == true)
    }

    @Test func aliasesWriteRedirectPages() {
        let site = BuiltSite.fixture("content-tree")
        let redirect = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Redirecting…</title><link rel="canonical" href="https://example.org/blog/custom-slug/"><meta http-equiv="refresh" content="0; url=https://example.org/blog/custom-slug/"></head><body><p>This page has moved to <a href="https://example.org/blog/custom-slug/">https://example.org/blog/custom-slug/</a>.</p></body></html>

            """
        expectFiles(site, ["old/renamed/index.html": redirect, "legacy.html": redirect])
    }

    @Test func draftsAreBuiltOnlyWithIncludeDrafts() {
        let plain = BuiltSite.fixture("content-tree")
        #expect(!plain.exists("blog/draft/index.html"))
        #expect(plain.text("blog/index.html")?.contains("Unfinished") == false)

        let withDrafts = BuiltSite.fixture("content-tree") { $0.includeDrafts = true }
        withDrafts.expectClean()
        #expect(withDrafts.result.pageCount == 7)
        #expect(withDrafts.text("blog/draft/index.html")?.contains("draft=true") == true)
        #expect(withDrafts.text("blog/index.html")?.contains("<li><a href=\"https://example.org/blog/draft/\">Unfinished</a></li>") == true)
    }

    @Test func futurePagesWaitForTheirDateUnlessIncludeFuture() {
        let plain = BuiltSite.fixture("content-tree")
        #expect(!plain.exists("blog/future/index.html"), "date 2030-01-01 is after now")
        #expect(!plain.exists("blog/scheduled/index.html"), "publish_date 2024-07-01 is after now (2024-06-01)")

        let withFuture = BuiltSite.fixture("content-tree") { $0.includeFuture = true }
        withFuture.expectClean()
        #expect(withFuture.exists("blog/future/index.html"))
        #expect(withFuture.exists("blog/scheduled/index.html"))

        let later = BuiltSite.fixture("content-tree") { $0.now = "2024-07-02T00:00:00Z" }
        #expect(later.exists("blog/scheduled/index.html"), "publish_date has passed")
        #expect(!later.exists("blog/future/index.html"))
    }

    @Test func expiredPagesAreNeverBuilt() {
        let everything = BuiltSite.fixture("content-tree") {
            $0.includeDrafts = true
            $0.includeFuture = true
        }
        #expect(!everything.exists("blog/expired/index.html"), "expiry_date 2024-01-01 has passed")
        let before = BuiltSite.fixture("content-tree") { $0.now = "2023-06-01T00:00:00Z" }
        #expect(before.exists("blog/expired/index.html"), "before its expiry date the page is live")
    }

    @Test func expiryAndPublishDatesRespectTimeOfDayAndOffset() {
        let site = SiteFixture([
            "templates/page.html": "{{ page.title }}",
            "templates/section.html": "",
            // 10:00+02:00 is 08:00Z: published at now = 09:00Z.
            "content/east.md": "---\ntitle: East\ndate: 2024-06-01T10:00:00+02:00\n---\n",
            // 10:00Z is after 09:00Z: not yet.
            "content/utc.md": "---\ntitle: UTC\ndate: 2024-06-01T10:00:00Z\n---\n",
            // Expired at 08:59Z.
            "content/gone.md": "---\ntitle: Gone\nexpiry_date: 2024-06-01T08:59:00Z\n---\n",
        ])
        let built = site.build { $0.now = "2024-06-01T09:00:00Z" }
        built.expectClean()
        #expect(built.exists("east/index.html"))
        #expect(!built.exists("utc/index.html"))
        #expect(!built.exists("gone/index.html"))
    }

    @Test func sitemapListsEveryPublishedURLWithLastmod() {
        let site = BuiltSite.fixture("content-tree")
        let urls = [
            ("https://example.org/", nil), ("https://example.org/blog/", nil),
            ("https://example.org/blog/custom-slug/", "2024-02-01"), ("https://example.org/blog/first/", "2024-01-10"),
            ("https://example.org/blog/hello-world/", "2024-03-01"), ("https://example.org/blog/trip/", "2024-04-01"),
            ("https://example.org/docs/", nil), ("https://example.org/docs/guide/", nil),
            ("https://example.org/docs/guide/install/", nil), ("https://example.org/docs/orphan/deep/", nil),
        ]
        var expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (loc, lastmod) in urls {
            expected += "  <url>\n    <loc>\(loc)</loc>\n"
            if let lastmod { expected += "    <lastmod>\(lastmod)</lastmod>\n" }
            expected += "  </url>\n"
        }
        expected += "</urlset>\n"
        expectFiles(site, ["sitemap.xml": expected])
    }
}

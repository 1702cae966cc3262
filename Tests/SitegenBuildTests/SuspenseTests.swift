import Foundation
import Testing
@testable import SitegenBuild

/// Pages with `{% suspense %}` boundaries: the build renders the fallback, records the
/// boundary in `Result.suspendedPages` for the server component, and (for static hosts)
/// gives the boundary a signed `data-src` that the deferred loader script fetches.
@Suite struct SuspenseTests {
    static let files = [
        "functions/likes.swift": """
            import SitegenHTML
            import SitegenServer

            func likes(_ arguments: Object) throws(FunctionError) -> Value {
                ["count": .double(0)]
            }
            """,
        "templates/page.html": """
            <!doctype html><html><head><title>{{ page.title }}</title></head><body>
            <h1>{{ page.title }}</h1>
            {% suspense "likes" with { slug: page.slug } %}<span class="fallback">…</span>{% endsuspense %}
            </body></html>
            """,
        "templates/section.html": "",
        "content/a.md": "---\ntitle: A\n---\n",
        "content/b.md": "---\ntitle: B\n---\n",
    ]

    @Test func boundariesAreRecordedPerPage() throws {
        let site = SiteFixture(Self.files).build()
        site.expectClean()
        #expect(site.result.suspendedPages.keys.sorted() == ["/a/", "/b/"])
        let sections = try #require(site.result.suspendedPages["/a/"])
        #expect(sections.count == 1)
        #expect(sections.first?.loader == "likes")
        #expect(sections.first?.arguments["slug"]?.stringValue == "a")
    }

    @Test func fallbackIsRenderedWithASignedSource() throws {
        let site = SiteFixture(Self.files).build()
        let html = try #require(site.text("a/index.html"))
        #expect(html.contains("<span class=\"fallback\">…</span></sg-b>"), "\(html)")
        #expect(html.contains("data-src=\"/_sg/island/likes?a="), "\(html)")
        #expect(html.contains("&amp;s=") || html.contains("&s="), "the source is signed: \(html)")
        #expect(html.contains("sg-b[data-src]"), "pages with deferred boundaries carry the loader script")
    }

    @Test func pagesWithoutBoundariesHaveNoLoaderScript() {
        var files = Self.files
        files["templates/page.html"] = "<h1>{{ page.title }}</h1>"
        let site = SiteFixture(files).build()
        site.expectClean()
        #expect(site.result.suspendedPages.isEmpty)
        #expect(site.text("a/index.html") == "<h1>A</h1>")
    }

    @Test func unknownLoaderIsALocatedError() {
        var files = Self.files
        files["functions/likes.swift"] = nil
        let site = SiteFixture(files).build()
        #expect(!site.result.succeeded)
        #expect(site.errors.first?.message == "no loader 'likes' for this suspense boundary", "\(site.printedDiagnostics)")
        #expect(site.errors.first?.location?.file == "templates/page.html")
        #expect(site.errors.first?.location?.line == 3)
    }
}

import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// Files that are not Markdown, sitting in section folders (`content/posts/diagram.png`),
/// are copied to the same path of the output, and links to them resolve (issue #3).
@Suite struct ContentFilesTests {
    @Test func sectionFolderFilesAreCopiedByteForByte() throws {
        let site = BuiltSite.fixture("permalinks")
        for path in ["posts/diagram.png", "docs/guide/file.pdf"] {
            let source = try #require(FileManager.default.contents(atPath: Repo.site("permalinks") + "/content/" + path))
            #expect(site.data(path) == source, "\(path) is copied as it is")
        }
        #expect(!site.exists("posts/_index.md") && !site.exists("posts/hello.md"), "Markdown is rendered, not copied")
    }

    /// Relative links from pages, sections and bundles become absolute URLs, wherever the
    /// page itself lives; `url()` knows the files too.
    @Test func linksToContentFilesAreRewritten() {
        let site = BuiltSite.fixture("permalinks")
        #expect(site.text("posts/index.html")?.contains(#"<p><img src="/posts/diagram.png" alt="Diagram" /></p>"#) == true)
        #expect(site.text("posts/index.html")?.contains(#"<img src="/posts/diagram.png">"#) == true, "url(path=\"posts/diagram.png\")")
        #expect(site.text("docs/guide/index.html")?.contains(#"<a href="/docs/guide/file.pdf">a PDF</a>"#) == true)
        #expect(site.text("manual/docs/intro/index.html")?.contains(#"<a href="/docs/guide/file.pdf">guide</a>"#) == true)
        #expect(site.text("manual/docs/guide/install/index.html")?.contains(#"<a href="/docs/guide/file.pdf#page=2">the PDF</a>"#) == true,
                "the fragment stays")
    }

    @Test func hiddenAndEditorFilesAreIgnored() {
        let site = SiteFixture([
            "templates/page.html": "{{ page.title }}", "templates/section.html": "",
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "content/posts/data.json": "{}",
            "content/posts/sub/notes.txt": "notes",
            "content/posts/.DS_Store": "x", "content/posts/.hidden/secret.txt": "x",
            "content/posts/hello.md~": "x", "content/posts/#hello.md#": "x", "content/posts/.hello.md.swp": "x",
            "content/posts/~$report.docx": "x", "content/posts/Thumbs.db": "x",
            "content/posts/trip/index.md": "---\ntitle: Trip\n---\n",
            "content/posts/trip/photo.png": "png", "content/posts/trip/photo.png~": "x", "content/posts/trip/.DS_Store": "x",
        ]).build()
        site.expectClean()
        expectFileList(site, [
            "index.html", "posts/data.json", "posts/index.html", "posts/sub/notes.txt",
            "posts/trip/index.html", "posts/trip/photo.png", "robots.txt", "sitemap.xml",
        ])
    }

    @Test func linksToMissingFilesWarnAndExistingOnesDoNot() {
        let site = SiteFixture([
            "templates/page.html": "{{ page.content }}", "templates/section.html": "",
            "content/posts/diagram.png": "png",
            "content/docs/manual.pdf": "pdf",
            "content/posts/hello.md": """
                ---
                title: Hello
                ---
                ![ok](diagram.png) [ok](../docs/manual.pdf) [ok](@/posts/hello.md)
                ![gone](diagrm.png)
                [away](https://example.org/x.png) [root](/x.png) [folder](guide/)
                """,
        ]).build()
        #expect(site.result.succeeded, "broken links are warnings")
        #expect(site.result.diagnostics == [
            .brokenFileLink("diagrm.png", resolved: "posts/diagrm.png", suggestion: "diagram.png",
                            at: SourceLocation(file: "content/posts/hello.md", line: 5, column: 1),
                            sourceLine: "![gone](diagrm.png)", length: 19),
        ], "\(site.printedDiagnostics)")
        #expect(site.text("posts/hello/index.html") == """
            <p><img src="/posts/diagram.png" alt="ok" /> <a href="/docs/manual.pdf">ok</a> <a href="/posts/hello/">ok</a>
            <img src="diagrm.png" alt="gone" />
            <a href="https://example.org/x.png">away</a> <a href="/x.png">root</a> <a href="guide/">folder</a></p>

            """)
    }

    @Test func filesUnderABasePathGetIt() {
        let site = SiteFixture([
            "sitegen.toml": SiteFixture.minimalConfig.replacingOccurrences(of: "https://example.org", with: "https://example.org/blog/"),
            "templates/page.html": "{{ page.content }}", "templates/section.html": "",
            "content/posts/diagram.png": "png",
            "content/posts/hello.md": "---\ntitle: Hello\n---\n![d](diagram.png)\n",
        ]).build()
        site.expectClean()
        #expect(site.text("posts/hello/index.html") == "<p><img src=\"/blog/posts/diagram.png\" alt=\"d\" /></p>\n")
    }

    @Test func aStaticFileAtTheSamePathIsAWarning() {
        let site = SiteFixture([
            "templates/page.html": "", "templates/section.html": "",
            "content/posts/logo.svg": "<svg id=content/>",
            "static/posts/logo.svg": "<svg id=static/>",
        ]).build()
        #expect(site.result.diagnostics == [.contentFileCollision("content/posts/logo.svg", output: "posts/logo.svg", other: "static/posts/logo.svg")])
        #expect(site.text("posts/logo.svg") == "<svg id=content/>")
    }
}

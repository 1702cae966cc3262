import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/default-theme`: `theme = "default"` with no `themes/` of its own,
/// so the build finds the repository's `themes/default` by walking up parent folders.
@Suite struct DefaultThemeTests {
    @Test func findsTheThemeInAParentFolder() {
        let site = BuiltSite.fixture("default-theme")
        site.expectClean()
        let html = site.text("posts/hello/index.html") ?? ""
        #expect(html.contains("<header class=\"site-header\">"), "the theme's base.html is used")
        #expect(html.contains("<a href=\"/posts/\" aria-current=\"true\">Posts</a>"), "menu from [[menu.main]]")
        #expect(html.contains("<title>Hello theme · Default Theme</title>"))
        #expect(html.contains("© 2024 Fixture Author"))
    }

    /// `[[menu.main]]` (issue 9): entries in weight order, the current page marked
    /// `aria-current="page"`, its section `aria-current="true"`, and no menu without entries.
    @Test func mainMenuFollowsWeightsAndMarksTheCurrentPage() throws {
        let site = SiteFixture([
            "sitegen.toml": "theme = \"default\"\n" + SiteFixture.minimalConfig + """

                [[menu.main]]
                name = "About"
                url = "/about/"
                weight = 20

                [[menu.main]]
                name = "Posts"
                url = "/posts/"
                weight = 10

                """,
            "content/about.md": "---\ntitle: About\n---\n",
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n",
        ]).build { $0.themeSearchPaths = [Repo.root + "/themes"] }
        site.expectClean()
        func nav(_ path: String) -> String {
            let html = site.text(path) ?? ""
            guard let start = html.range(of: "<nav class=\"site-nav\""), let end = html[start.upperBound...].range(of: "</nav>") else { return "" }
            return String(html[start.lowerBound..<end.upperBound])
        }
        let about = nav("about/index.html")
        let posts = try #require(about.range(of: ">Posts<")), aboutEntry = try #require(about.range(of: ">About<"))
        #expect(posts.lowerBound < aboutEntry.lowerBound, "weight 10 before weight 20")
        #expect(about.contains("<a href=\"/about/\" aria-current=\"page\">About</a>"), "\(about)")
        #expect(nav("posts/a/index.html").contains("<a href=\"/posts/\" aria-current=\"true\">Posts</a>"))
        #expect(!nav("index.html").contains("aria-current"))

        let bare = SiteFixture(["sitegen.toml": "theme = \"default\"\n" + SiteFixture.minimalConfig, "content/about.md": "---\ntitle: About\n---\n"])
            .build { $0.themeSearchPaths = [Repo.root + "/themes"] }
        #expect(bare.text("about/index.html")?.contains("site-nav") == false, "no menu, no empty <nav>")
    }

    @Test func themeStylesheetIsFingerprintedAndLinked() throws {
        let site = BuiltSite.fixture("default-theme")
        let css = try #require(site.files.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let source = try #require(FileManager.default.contents(atPath: Repo.root + "/themes/default/static/style.css"))
        #expect(css == "style." + AssetsAndDataTests.fingerprint(source) + ".css")
        #expect(site.data(css) == source)
        #expect(site.text("index.html")?.contains("<link rel=\"stylesheet\" href=\"/\(css)\">") == true)
    }

    /// This fixture keeps `[build] precompress` on: `.gz`/`.br` beside compressible files,
    /// each decompressing to the original, and (gzip headers carry no mtime) deterministic.
    @Test func precompressedVariantsSitBesideTheirFiles() throws {
        let site = BuiltSite.fixture("default-theme")
        let variants = site.files.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".br") }
        #expect(!variants.isEmpty, "precompression is on by default")
        for variant in variants {
            let original = String(variant.dropLast(3))
            #expect(site.exists(original), "\(variant) has its original")
        }
        let css = try #require(site.files.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let gz = try #require(site.data(css + ".gz"), "the stylesheet is large enough to compress")
        let unzipped = try gunzip(gz)
        #expect(unzipped == site.data(css))
    }

    @Test func paginatedSectionAndTermPagesUseTheThemeTemplates() {
        let site = BuiltSite.fixture("default-theme")
        let pager = site.text("posts/page/2/index.html") ?? ""
        #expect(pager.contains("Page 2 of 2"), "\(pager)")
        #expect(pager.contains("href=\"https://example.org/posts/\" rel=\"prev\""))
        let term = site.text("tags/demo/index.html") ?? ""
        #expect(term.contains("<h1 class=\"page-title\">#demo</h1>"))
        #expect(site.exists("tags/demo/atom.xml") && site.exists("tags/more/rss.xml"))
    }

    @Test func outputPassesTheSiteAudit() {
        let site = BuiltSite.fixture("default-theme")
        let audit = SiteAudit(output: site.output, baseURL: "https://example.org")
        #expect(audit.htmlParseProblems() == [])
        #expect(audit.brokenLinks() == [])
        #expect(audit.xmlProblems() == [])
    }
}

/// Decompresses gzip data with the system `gzip -dc` (Foundation has no gzip reader on Linux).
func gunzip(_ data: Data) throws -> Data {
    let directory = TemporaryDirectory("gunzip")
    let path = directory.path + "/file.gz"
    try data.write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return out
}

import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// The sites CI builds: the repository's own docs (`sitegen.toml` + `content/` at the root,
/// with `themes/default`) and `Examples/blog`. Each must build without a single diagnostic,
/// parse as HTML, have every internal link and anchor resolve, and have well-formed feeds
/// and sitemap.
///
/// The sites are copied to a temporary folder with `[server] component = false` (and the
/// theme found through `themeSearchPaths`): server.wasm is covered by SitegenEndToEndTests,
/// and linking it here would only make these checks depend on the wasm toolchain.
@Suite(.serialized) struct WholeSiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "docs (repository root)", source: Repo.root),
        Case(name: "Examples/blog", source: Repo.root + "/Examples/blog"),
    ]

    /// Copies the parts of a site folder a build reads, with the server component off.
    static func copy(_ source: String) throws -> SiteFixture {
        let fixture = SiteFixture([:])
        fixture.remove("sitegen.toml")
        let fm = FileManager.default
        // The repository root holds the sources too: take only the site's folders there.
        let entries = source == Repo.root
            ? ["content", "static", "templates", "data", "functions", "themes"]
            : ((try? fm.contentsOfDirectory(atPath: source)) ?? []).filter { !$0.hasPrefix(".") && $0 != "dist" && $0 != "sitegen.toml" }
        for entry in entries where fm.fileExists(atPath: source + "/" + entry) {
            try fm.copyItem(atPath: source + "/" + entry, toPath: fixture.source + "/" + entry)
        }
        let config = try String(contentsOfFile: source + "/sitegen.toml", encoding: .utf8)
        fixture.write(["sitegen.toml": SiteFixture.fast(config.contains("[server]") ? config : config + "\n[server]\ncomponent = false\n")])
        return fixture
    }

    static func build(_ c: Case) throws -> (BuiltSite, String) {
        try #require(FileManager.default.fileExists(atPath: c.source + "/sitegen.toml"), "\(c.source)/sitegen.toml is missing")
        let site = try copy(c.source)
        let built = site.build {
            $0.themeSearchPaths = [Repo.root + "/themes"]
            $0.now = nil  // the real clock: what `sitegen build` does
        }
        var config: [Diagnostic] = []
        let baseURL = SiteConfig(parsing: (try? String(contentsOfFile: site.source + "/sitegen.toml", encoding: .utf8)) ?? "",
                                 file: "sitegen.toml", diagnostics: &config).baseURL
        return (built, baseURL)
    }

    @Test(arguments: cases)
    func buildsWithoutDiagnostics(_ c: Case) throws {
        let (site, _) = try Self.build(c)
        #expect(site.result.diagnostics.isEmpty, "\(c.name) must build with zero warnings:\n\(site.printedDiagnostics)")
        #expect(site.result.succeeded)
        #expect(site.result.pageCount > 0)
        #expect(site.exists("index.html") && site.exists("404.html") && site.exists("sitemap.xml") && site.exists("robots.txt"))
    }

    @Test(arguments: cases)
    func everyPageParsesAsHTML(_ c: Case) throws {
        let (site, baseURL) = try Self.build(c)
        try #require(site.result.succeeded, "\(site.printedDiagnostics)")
        let audit = SiteAudit(output: site.output, baseURL: baseURL)
        #expect(audit.files.filter { $0.hasSuffix(".html") }.count > 5)
        let problems = audit.htmlParseProblems()
        #expect(problems.isEmpty, "libxml2's HTML parser reports:\n\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: cases)
    func everyInternalLinkAndAnchorResolves(_ c: Case) throws {
        let (site, baseURL) = try Self.build(c)
        try #require(site.result.succeeded, "\(site.printedDiagnostics)")
        let problems = SiteAudit(output: site.output, baseURL: baseURL).brokenLinks()
        #expect(problems.isEmpty, "broken internal links:\n\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: cases)
    func feedsAndSitemapAreWellFormedXML(_ c: Case) throws {
        let (site, baseURL) = try Self.build(c)
        try #require(site.result.succeeded, "\(site.printedDiagnostics)")
        let audit = SiteAudit(output: site.output, baseURL: baseURL)
        let xml = audit.files.filter { $0.hasSuffix(".xml") }
        #expect(xml.contains("sitemap.xml") && xml.contains("atom.xml") && xml.contains("rss.xml"), "\(xml)")
        let problems = audit.xmlProblems()
        #expect(problems.isEmpty, "not well-formed:\n\(problems.joined(separator: "\n"))")
        for file in xml {
            let root = LibXML.xmlRootName(Array(site.data(file) ?? Data()))
            #expect(["feed", "rss", "urlset"].contains(root ?? ""), "\(file) has root <\(root ?? "?")>")
        }
    }

    /// The link checker itself: it must notice what it is there to notice.
    @Test func auditFindsBrokenLinksAnchorsAndBadHTML() {
        let site = SiteFixture([
            "templates/page.html": """
                <!doctype html><html><head><title>t</title></head><body>
                <h2 id="here">Here</h2>
                <a href="/a/">ok</a> <a href="/a/#here">ok anchor</a> <a href="#here">ok local</a>
                <a href="https://example.org/a/">ok absolute</a> <a href="https://elsewhere.example/x">external</a>
                <a href="/missing/">missing</a> <a href="/a/#nowhere">bad anchor</a> <img src="/nope.png">
                <p>unclosed <b>bold</i></p>
                </body></html>
                """,
            "templates/section.html": "",
            "content/a.md": "---\ntitle: A\n---\n",
        ]).build()
        site.expectClean()
        let audit = SiteAudit(output: site.output, baseURL: "https://example.org")
        #expect(audit.brokenLinks() == [
            "a/index.html:5: '/missing/' → no file 'missing/index.html'",
            "a/index.html:5: '/a/#nowhere' → no id 'nowhere' in 'a/index.html'",
            "a/index.html:5: '/nope.png' → no file 'nope.png'",
        ])
        #expect(!audit.htmlParseProblems().isEmpty, "a mismatched end tag is a parse error")
        #expect(audit.xmlProblems().isEmpty)
    }
}

import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/InvalidSites/<case>/`: each a broken site and `expected-diagnostics.txt`,
/// the exact diagnostics as `sitegen build` prints them, in order. `SITEGEN_RECORD=1`
/// rewrites the files (and fails with "Recorded new baseline").
@Suite struct InvalidSiteTests {
    static let root = Repo.fixtures + "/InvalidSites"

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
        .filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: root + "/" + $0 + "/sitegen.toml") }
        .sorted()

    @Test func everyCaseIsThere() {
        let wanted = [
            "bad-date", "broken-file-link", "broken-internal-link", "duplicate-permalink", "missing-anchor", "missing-layout",
            "missing-template", "permalink-missing-date", "permalink-unknown-section", "permalink-unknown-token",
            "shortcode-bad-arguments", "shortcode-island-misuse", "shortcode-island-unknown-loader", "shortcode-unclosed",
            "shortcode-unknown", "strict-template-unknown-variable", "unknown-config-key", "unknown-filter", "unknown-front-matter-key",
            "yaml-syntax-error",
        ]
        #expect(Set(wanted).isSubset(of: Set(Self.cases)), "cases found: \(Self.cases)")
    }

    @Test(arguments: cases)
    func printsTheExpectedDiagnostics(_ name: String) {
        let site = BuiltSite.build(source: Self.root + "/" + name)
        #expect(!site.result.diagnostics.isEmpty, "an invalid site must report something")
        assertBaseline(site.printedDiagnostics, at: Self.root + "/" + name + "/expected-diagnostics.txt")
        // Warnings alone never fail a build; any error does, and then nothing is written.
        let hasErrors = site.result.diagnostics.contains { $0.severity == .error }
        #expect(site.result.succeeded == !hasErrors)
        #expect(FileManager.default.fileExists(atPath: site.output) == !hasErrors)
        #expect(BuiltSite.files(in: site.directory.path).allSatisfy { $0.hasPrefix("dist/") }, "no staging folder is left behind")
    }

    @Test func diagnosticsAreInFileOrder() {
        for name in Self.cases {
            let diagnostics = BuiltSite.build(source: Self.root + "/" + name).result.diagnostics
            #expect(diagnostics == diagnostics.sorted(by: Diagnostic.fileOrder), "\(name)")
        }
    }

    /// The caret under a link problem should mark the link's destination (or the whole
    /// link), not the first characters of the link text: `[the other page](other.md)`
    /// underlines `[the oth` today.
    @Test(arguments: ["broken-file-link", "broken-internal-link", "missing-anchor"])
    func linkDiagnosticsUnderlineTheDestination(_ name: String) throws {
        let site = BuiltSite.build(source: Self.root + "/" + name)
        for d in site.result.diagnostics {
            let line = try #require(d.sourceLine)
            let column = try #require(d.location?.column)
            let scalars = Array(line.unicodeScalars)
            let start = min(scalars.count, column - 1)
            let underlined = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + d.length)]))
            // The destination is what the message quotes: 'other.md', '#instal', …
            let quoted = d.message.split(separator: "'").dropFirst().first.map(String.init) ?? ""
            #expect(underlined.contains(quoted),
                    "\(d.location!.description): underlines '\(underlined)', not '\(quoted)'")
        }
    }

    @Test func noConfigIsOneClearError() {
        let directory = TemporaryDirectory()
        let site = BuiltSite.build(source: directory.path)
        #expect(site.printedDiagnostics == """
            error: no sitegen.toml in '\(directory.path)'
              fix: run sitegen in a site folder, pass --source DIR, or create one with 'sitegen new site NAME'

            """)
        #expect(!site.result.succeeded)
    }

    @Test func unknownThemeIsAnError() {
        let site = SiteFixture([
            "sitegen.toml": SiteFixture.minimalConfig.replacingOccurrences(of: "taxonomies = []", with: "taxonomies = []\ntheme = \"nope-\(UUID().uuidString)\""),
            "templates/page.html": "", "templates/section.html": "",
        ]).build()
        #expect(!site.result.succeeded)
        #expect(site.errors.first?.message.hasPrefix("theme 'nope-") == true, "\(site.printedDiagnostics)")
    }
}

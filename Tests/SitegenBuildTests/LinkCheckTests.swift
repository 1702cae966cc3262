import ArgumentParser
import Foundation
import Testing
@testable import SitegenBuild
@testable import SitegenCLI

/// `sitegen check` (issue 9): broken internal links and anchors by page, and external
/// links checked against a local server on loopback (no internet in tests).
@Suite struct LinkCheckTests {
    static let internalSite = [
        "templates/page.html": "{{ page.content }}",
        "templates/section.html": "{{ section.content }}",
        "content/_index.md": "---\ntitle: Home\n---\nSee [about](about.md), [setup](docs/setup.md#instal) and [the logo](/logo.svg).\n",
        "content/about.md": "---\ntitle: About\n---\n# About\n\n[home](_index.md) [gone](gone.md)\n\n[top](#about) [nowhere](#nowhere) [root](/about/) [missing](/nope/)\n",
        "content/docs/setup.md": "---\ntitle: Setup\n---\n## Install\n",
        "static/logo.svg": "<svg/>",
    ]

    static func options(_ site: SiteFixture, external: Bool = false) -> LinkCheckOptions {
        var options = LinkCheckOptions(source: site.source)
        options.build.now = fixtureNow
        options.build.cacheDirectory = site.directory.path + "/cache"
        options.external = external
        return options
    }

    @Test func reportsBrokenInternalLinksByPage() async {
        let site = SiteFixture(Self.internalSite)
        let report = await LinkChecker(options: Self.options(site)).run()
        #expect(report.formatted == """
            content/_index.md
              4:24  docs/setup.md#instal: link to a missing anchor '#instal' (did you mean '#install'?)
            content/about.md
              6:19  gone.md: broken link to 'gone.md' (create content/gone.md or fix the link)
              8:15  #nowhere: link to a missing anchor '#nowhere' (link to one of its headings, or remove the '#nowhere')
              8:51  /nope/: no such file in the built site

            """)
        #expect(report.problemCount == 4)
        #expect(!FileManager.default.fileExists(atPath: site.source + "/dist"), "check never writes the site's dist/")
    }

    /// The documentation site (`content/`) has no broken internal link; CI runs `sitegen check` on it.
    @Test func docsSitePassesTheCheck() async {
        var options = LinkCheckOptions(source: Repo.root)
        options.build.now = fixtureNow
        options.cacheFile = nil
        let report = await LinkChecker(options: options).run()
        #expect(report.buildErrors.isEmpty, "\(report.buildErrors.map(\.formatted))")
        #expect(report.formatted == "")
        #expect(report.internalLinksChecked > 50)
    }

    @Test func commandExitsNonZeroOnBrokenLinks() throws {
        let broken = SiteFixture(Self.internalSite)
        var command = try SitegenCommand.parseAsRoot(["check", "--source", broken.source])
        #expect(throws: ExitCode(1)) { try command.run() }

        var files = Self.internalSite
        files["content/about.md"] = "---\ntitle: About\n---\n# About\n\n[home](_index.md)\n"
        files["content/_index.md"] = "---\ntitle: Home\n---\n[about](about.md#about)\n"
        let clean = SiteFixture(files)
        command = try SitegenCommand.parseAsRoot(["check", "--source", clean.source])
        try command.run()
    }

    /// 200, 404, a slow answer (timeout), redirects, and a server that refuses HEAD.
    static func server() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { method, path in
            switch path {
            case "/ok", "/ok-too": return .init(status: 200)
            case "/missing": return .init(status: 404)
            case "/slow": return .init(status: 200, delay: 5)
            case "/moved": return .init(status: 301, headers: [("Location", "/ok")])
            case "/moved-to-nothing": return .init(status: 302, headers: [("Location", "/missing")])
            case "/no-head": return .init(status: method == "HEAD" ? 405 : 200)
            default: return .init(status: 500)
            }
        }
    }

    static func externalSite(_ base: String) -> SiteFixture {
        SiteFixture([
            "templates/page.html": "{{ page.content }}",
            "templates/section.html": "",
            "content/links.md": """
                ---
                title: Links
                ---
                [ok](\(base)/ok) and [ok again](\(base)/ok#part) and [missing](\(base)/missing)

                [slow](\(base)/slow)
                [moved](\(base)/moved) [moved to nothing](\(base)/moved-to-nothing)
                [no head](\(base)/no-head) [ok too](\(base)/ok-too)
                """,
        ])
    }

    @Test func externalLinksAgainstALoopbackServer() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let site = Self.externalSite(server.base)
        var options = Self.options(site, external: true)
        // Long enough for a loaded machine running the other tests at once (the
        // quick answers once missed 1 s there); "/slow" takes longer still.
        options.timeout = 2
        options.perHostInterval = .milliseconds(10)
        let report = await LinkChecker(options: options).run()
        let b = server.base
        // Columns depend on the port's digits: where each link starts in its line.
        func column(_ text: String, in line: String) -> Int { line.distance(from: line.startIndex, to: line.range(of: text)!.lowerBound) + 1 }
        let missing = column("[missing]", in: "[ok](\(b)/ok) and [ok again](\(b)/ok#part) and [missing](\(b)/missing)")
        let nothing = column("[moved to nothing]", in: "[moved](\(b)/moved) [moved to nothing](\(b)/moved-to-nothing)")
        #expect(report.formatted == """
            content/links.md
              4:\(missing)  \(b)/missing: 404 Not Found
              6:1   \(b)/slow: timed out after 2 s
              7:\(nothing)  \(b)/moved-to-nothing: 404 Not Found

            """)
        #expect(report.externalLinksChecked == 7, "/ok and /ok#part are one URL")
        #expect(server.requests.filter { $0.hasSuffix(" /ok") }.count == 2, "/ok once, and once more through /moved: \(server.requests)")
        #expect(server.requests.contains("GET /no-head"), "a server refusing HEAD gets a GET")

        // A rerun answers the working URLs from the cache file and asks only for the broken ones again.
        let cache = try #require(options.cacheFile)
        #expect(FileManager.default.fileExists(atPath: cache))
        let before = server.requests.count
        let rerun = await LinkChecker(options: options).run()
        #expect(rerun.cachedURLs == 4)
        #expect(rerun.problemCount == 3)
        let asked = server.requests[before...].map { String($0.split(separator: " ")[1]) }
        #expect(Set(asked) == ["/missing", "/slow", "/moved-to-nothing"], "\(asked)")
    }

    @Test func requestsToOneHostAreSpacedOut() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(status: 200) }
        defer { server.stop() }
        let checker = ExternalLinkChecker(timeout: 5, concurrency: 8, perHostInterval: .milliseconds(150))
        let clock = ContinuousClock()
        let start = clock.now
        let results = await checker.check((1...5).map { server.base + "/page" + String($0) })
        let elapsed = clock.now - start
        #expect(results.values.allSatisfy { $0 == .status(200) })
        #expect(elapsed >= .milliseconds(600), "five requests to one host, 150 ms apart: \(elapsed)")
    }
}

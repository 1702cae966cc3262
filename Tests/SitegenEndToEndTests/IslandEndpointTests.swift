import Foundation
import SitegenHTML
import SitegenServerCore
import Testing

/// `GET /_sg/island/<loader>?a=…&s=…` on `wasmtime serve`: the URLs the build wrote
/// into pages answer the island's HTML; anything not signed by an accepted key is a
/// 400; and during a rolling deploy (`SITEGEN_ISLAND_KEYS=new,old`) pages signed with
/// the old key keep working.
@Suite("Island endpoint", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct IslandEndpointTests {
    /// The first `data-src` of a built page for `loader`, unescaped.
    static func source(in site: BuiltSite, page: String, loader: String = "slow") throws -> String {
        let html = String(decoding: try #require(site.file(page)), as: UTF8.self)
        let sources = html.matches(of: #/data-src="([^"]+)"/#).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
        return try #require(sources.first { $0.hasPrefix("/_sg/island/" + loader + "?") }, "no '\(loader)' boundary in \(page)")
    }

    /// A URL for loader `slow` with `arguments`, signed with `key`.
    static func signed(_ arguments: String, key: String, loader: String = "slow") -> String {
        let encoded = Base64URL.encode(Array(arguments.utf8))
        return "/_sg/island/\(loader)?a=\(encoded)&s=" + IslandSignature.sign(loader: loader, encodedArguments: encoded, key: Array(key.utf8))
    }

    @Test("a page's island URL answers the section's HTML, marked noindex and not cached")
    func islandAnswers() throws {
        let site = try StreamingSite.built()
        let url = try Self.source(in: site, page: "one/index.html")
        try withWasmtime(site) { server in
            let response = try server.get(url)
            #expect(response.status == 200, "\(url) → \(response.summary)")
            #expect(response.text.hasPrefix("<b class=\"loaded\" data-label=\"a\">loaded a after"), "\(response.text)")
            #expect(response.header("x-robots-tag") == "noindex")
            #expect(response.header("cache-control") == "no-store")
            #expect(response.header("content-type") == "text/html; charset=utf-8")

            // A failing loader: 502 with the island's own error view, marked for the loader script.
            let broken = try Self.source(in: site, page: "failing/index.html", loader: "broken")
            let failed = try server.get(broken)
            #expect(failed.status == 502 && failed.header("x-sitegen-island") == "error", "\(broken) → \(failed.summary)")
            #expect(failed.text.contains("the broken section failed (on purpose)"), "\(failed.text)")
        }
    }

    @Test("forged, altered or unsigned island requests get a 400 with a JSON reason")
    func forgedSignatures() throws {
        let site = try StreamingSite.built()
        let url = try Self.source(in: site, page: "one/index.html")
        let parts = url.components(separatedBy: "&s=")
        let signature = parts[1]
        let flipped = String(signature.dropLast()) + (signature.hasSuffix("0") ? "1" : "0")
        let key = try Self.signingKey(of: site)
        let forged: [(String, String)] = [
            ("a flipped signature bit", parts[0] + "&s=" + flipped),
            ("other arguments under the page's signature", parts[0].replacingOccurrences(of: "?a=", with: "?a=e30") + "&s=" + signature),
            ("a signature from another key", Self.signed(#"{"label":"a","ms":300}"#, key: "not-the-site-key")),
            ("the page's signature on another loader", url.replacingOccurrences(of: "/_sg/island/slow?", with: "/_sg/island/broken?")),
            ("no signature", parts[0]),
            ("no arguments", "/_sg/island/slow?s=" + signature),
        ]
        try withWasmtime(site) { server in
            // Signed by the site's key, any arguments work: the key is what is trusted.
            let ours = try server.get(Self.signed(#"{"label":"mine","ms":1}"#, key: key))
            #expect(ours.status == 200 && ours.text.contains("loaded mine"), "\(ours.summary) \(ours.text)")
            for (label, target) in forged {
                let response = try server.get(target)
                #expect(response.status == 400, "\(label): \(target) → \(response.summary) \(response.text)")
                #expect(response.header("content-type") == "application/json", "\(label)")
                #expect(!response.text.contains("loaded"), "\(label): \(response.text)")
            }
        }
    }

    @Test("a rolling deploy: a component built with new,old keys accepts pages signed with either")
    func rollingKeys() throws {
        guard let sitegen = Self.sitegenBinary else { try Test.cancel("skipped: the sitegen binary is not built (swift build)") }
        let source = BlogSite.workRoot + "/rolling-src"
        let dist = BlogSite.workRoot + "/rolling-dist"
        try? FileManager.default.removeItem(atPath: source)
        try FileManager.default.copyItem(atPath: StreamingSite.fixture, toPath: source)
        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_ISLAND_KEYS"] = "e2e-new-key,e2e-old-key"
        environment["SITEGEN_RUNTIME"] = Repo.root
        let (status, output) = try HostTools.run(sitegen, ["build", "--source", source, "--output", dist],
                                                 environment: environment, timeout: 600)
        try #require(status == 0, "sitegen build failed:\n\(output)")
        let site = BuiltSite(backend: .filesystem, source: source, dist: dist, world: try BuiltSite.world(of: dist))
        let page = try Self.source(in: site, page: "one/index.html")
        let encoded = try #require(page.firstMatch(of: #/\?a=([^&]+)&s=/#)).1
        #expect(page.hasSuffix("&s=" + IslandSignature.sign(loader: "slow", encodedArguments: String(encoded), key: Array("e2e-new-key".utf8))),
                "the first key signs: \(page)")
        try withWasmtime(site) { server in
            for (label, target, expected) in [
                ("the page (new key)", page, 200),
                ("a page of the previous deploy (old key)", Self.signed(#"{"label":"old","ms":1}"#, key: "e2e-old-key"), 200),
                ("a retired key", Self.signed(#"{"label":"x","ms":1}"#, key: "e2e-retired-key"), 400),
            ] {
                let response = try server.get(target)
                #expect(response.status == expected, "\(label): \(response.summary) \(response.text)")
            }
        }
    }

    /// The key the build signed with: the first of `SITEGEN_ISLAND_KEYS` (other suites of
    /// this test process may set it), else the site's `.sitegen/island.key`.
    static func signingKey(of site: BuiltSite) throws -> String {
        if let keys = ProcessInfo.processInfo.environment["SITEGEN_ISLAND_KEYS"], let first = keys.split(separator: ",").first {
            return String(first)
        }
        return try String(contentsOfFile: site.source + "/.sitegen/island.key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `.build/<configuration>/sitegen`, beside the test bundle.
    static let sitegenBinary: String? = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let path = directory.appendingPathComponent("sitegen").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
}

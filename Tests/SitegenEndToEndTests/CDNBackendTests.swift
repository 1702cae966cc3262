import Foundation
import SitegenBuild
import Testing

/// The cdn backend when the CDN cannot be reached: the component answers 502 with a
/// small page (never a 200 with a cut-off body).
@Suite("CDN backend faults", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct CDNBackendTests {
    @Test("an unreachable CDN gives 502 for files and streamed pages")
    func unreachableCDN() throws {
        let good = try BlogSite.built(.cdn)
        let dist = BlogSite.workRoot + "/cdn-down/dist"
        try? FileManager.default.removeItem(atPath: dist)
        try FileManager.default.createDirectory(atPath: BlogSite.workRoot + "/cdn-down", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: good.dist, toPath: dist)
        var assets = SiteConfig.AssetOptions()
        assets.cdnURL = "http://127.0.0.1:\(try RawHTTPClient.freePort())"  // nothing listens there
        let diagnostics = BlogSite.serialized { Recomposer(output: dist, backend: "cdn", options: assets).run() }
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.formatted))")
        let site = BuiltSite(backend: .cdn, source: good.source, dist: dist, world: try BuiltSite.world(of: dist))
        try withWasmtime(site) { server in
            for target in ["/", "/robots.txt", "/posts/desk-setup/cover.png", "/about/"] {
                let response = try server.get(target)
                #expect(response.status == 502, "\(target) → \(response.summary)")
                #expect(response.header("content-type") == "text/html; charset=utf-8", "\(target)")
                #expect(response.text.contains("could not be read"), "\(target): \(response.text)")
            }
            // What needs no bytes still works: a 304 comes from the manifest alone.
            let etag = "\"" + StreamedPageTests.fnv1a(try #require(site.file("index.html"))) + "\""
            let notModified = try server.get("/", [("if-none-match", etag)])
            #expect(notModified.status == 304, "\(notModified.summary)")
            #expect(server.log.contains("asset backend"), Comment(rawValue: server.logComment))
        }
    }
}

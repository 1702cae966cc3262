import Foundation
import SitegenBuild
import SitegenCLI
import SitegenPreview
import Testing

/// `sitegen new site` → `sitegen preview`: a site made by the scaffold serves at once,
/// islands included — the like button's server function counts, and the streamed page
/// shows the count.
@Suite("A new site in preview", .serialized, .enabled(if: WasmToolchain.isAvailable, WasmToolchain.missing),
       .timeLimit(.minutes(20)))
struct ScaffoldPreviewTests {
    @Test("a scaffolded site builds and serves through sitegen preview")
    func scaffoldServes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-new-preview-" + UUID().uuidString.prefix(8)).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/my-notes"
        try SiteScaffold(title: "My Notes", date: "2026-05-01").write(to: site)

        var options = PreviewOptions(source: site)
        options.port = try TestHTTPClient.freePort()
        options.cacheDirectory = BuildOptions.defaultCacheDirectory
        options.keyValueDirectory = root + "/kv"
        options.themeSearchPaths = [Repo.themes]
        options.now = "2026-06-01T00:00:00Z"
        let log = LogCollector()
        options.log = { log.append($0) }
        let server = PreviewServer(options: options)
        try server.start()
        defer { server.stop() }
        let port = options.port

        let home = try TestHTTPClient.request("GET", "/", port: port, headers: [("accept", "text/html")])
        #expect(home.status == 200, "\(home.text.prefix(2000))\n\(log.text)")
        #expect(home.text.contains("My Notes") && home.text.contains("href=\"/posts/hello-world/\""), "\(home.text.prefix(2000))")

        let origin = "http://127.0.0.1:\(port)"
        for expected in 1...2 {
            let like = try TestHTTPClient.request("POST", "/_sg/fn/like", port: port,
                headers: [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")],
                body: Array(#"{"slug": "hello-world"}"#.utf8))
            #expect(like.status == 200 && like.text.contains("\"count\":\(expected)"), "\(like.status) \(like.text)\n\(log.text)")
        }
        let post = try TestHTTPClient.request("GET", "/posts/hello-world/", port: port, headers: [("accept", "text/html")])
        #expect(post.status == 200, "\(log.text)")
        // Both boundaries (the Markdown island and the partial's) are filled by the streamed sections.
        let filled = post.text.matches(of: #/<template id="sg-t\d+"><span class="likes-count">2 likes</span>/#).count
        #expect(filled == 2, "\(post.text.suffix(3000))")
    }
}

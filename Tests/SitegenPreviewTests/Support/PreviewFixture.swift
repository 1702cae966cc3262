import Foundation
// `Repo` and the HTTP client, shared with the other tests, for every file here.
@_exported import SitegenTestSupport
import SitegenBuild
import SitegenPreview

/// Collects the preview's terminal lines.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
    var text: String { all.joined(separator: "\n") }
}

/// A preview server on a temporary copy of Examples/blog, started once per test process
/// and stopped at exit.
///
/// The copy's `[extra] upstream_url` points at `static/latest.json` on the preview
/// itself, so the "latest" section makes a real outgoing HTTP call. Compiled runtime
/// objects come from the shared cache (`BuildOptions.defaultCacheDirectory`), as for
/// `sitegen build`: the emitter locks it and gives each build its own work folder.
final class PreviewFixture: @unchecked Sendable {
    let root: String
    let site: String
    let port: Int
    let server: PreviewServer
    let log = LogCollector()

    static let shared = Result { try PreviewFixture() }

    /// Generous: a rebuild relinks the component (tens of seconds on a busy 2-core machine).
    static let rebuildTimeout = 600.0

    private init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-preview-tests-\(ProcessInfo.processInfo.processIdentifier)-" + UUID().uuidString.prefix(8)).path
        site = root + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Repo.blog) where !name.hasPrefix(".") && name != "dist" {
            try FileManager.default.copyItem(atPath: Repo.blog + "/" + name, toPath: site + "/" + name)
        }
        port = try TestHTTPClient.freePort()
        var config = try String(contentsOfFile: site + "/sitegen.toml", encoding: .utf8)
        guard config.contains("\n[extra]\n") else { throw TestClientError(description: "Examples/blog/sitegen.toml has no [extra] table") }
        config = config.replacingOccurrences(of: "\n[extra]\n", with: "\n[extra]\nupstream_url = \"http://127.0.0.1:\(port)/latest.json\"\n")
        try config.write(toFile: site + "/sitegen.toml", atomically: true, encoding: .utf8)
        try #"{"items": [{"title": "Preview news", "url": "https://example.org/news"}]}"#
            .write(toFile: site + "/static/latest.json", atomically: true, encoding: .utf8)

        var options = PreviewOptions(source: site)
        options.port = port
        options.cacheDirectory = BuildOptions.defaultCacheDirectory
        options.keyValueDirectory = root + "/kv"
        options.themeSearchPaths = [Repo.themes]
        options.now = "2026-06-01T00:00:00Z"
        options.pollInterval = 50
        // Every request, and every connection closed early, in the log a failure prints.
        options.verbose = true
        let log = self.log
        options.log = { log.append($0) }
        server = PreviewServer(options: options)
        try server.start()
        let server = self.server, root = self.root
        PreviewFixture.cleanup = { server.stop(); try? FileManager.default.removeItem(atPath: root) }
        atexit { PreviewFixture.cleanup() }
    }

    nonisolated(unsafe) private static var cleanup: () -> Void = {}

    /// The preview build's output folder.
    var output: String { site + "/.sitegen/preview" }

    func get(_ target: String, headers: [(String, String)] = [("accept", "text/html")]) throws -> TestResponse {
        try TestHTTPClient.request("GET", target, port: port, headers: headers)
    }

    /// Rewrites a site file (relative path) and returns its old text.
    @discardableResult
    func edit(_ path: String, _ transform: (String) -> String) throws -> String {
        let old = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
        try transform(old).write(toFile: site + "/" + path, atomically: true, encoding: .utf8)
        return old
    }
}

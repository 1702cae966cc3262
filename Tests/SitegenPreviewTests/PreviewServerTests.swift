import Foundation
import Testing
import WasmKit
@testable import SitegenPreview

/// Whether this machine can build the site component (the build skips it otherwise).
enum WasmToolchain {
    static let isAvailable: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let hasTool = { (name: String) in path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
        return hasTool("swiftc") && hasTool("wasm-tools") && FileManager.default.fileExists(atPath: "/usr/lib/wasm32-wasi/libc.a")
    }()

    static let missing = Comment(rawValue: "needs the wasm toolchain (Swift 6.3 with wasm32 support, wasm-tools, wasi-libc; scripts/setup.sh)")
}

/// The preview server against a copy of Examples/blog: one server for the whole suite
/// (each build relinks the component, which is slow), tests one after another.
@Suite("Preview server", .serialized, .enabled(if: WasmToolchain.isAvailable, WasmToolchain.missing),
       .timeLimit(.minutes(20)))
struct PreviewServerTests {
    var fixture: PreviewFixture {
        get throws { try PreviewFixture.shared.get() }
    }

    @Test("the host implements every import of the built site.core.wasm")
    func importsCovered() throws {
        let path = try fixture.output + "/components/site.core.wasm"
        let module = try parseWasm(bytes: Array(try #require(FileManager.default.contents(atPath: path))))
        let imports = module.imports.map { $0.module + "#" + $0.name }
        #expect(imports.count > 20, "a site with functions and suspense imports much of WASI")
        #expect(GuestModule.missingImports(of: module) == [])
        // Signatures too: instantiating checks every import's type against the host's.
        let guest = try GuestModule(path: path)
        _ = try GuestInstance(module: guest, configuration: WASIHost.Configuration(siteRoot: try fixture.output, keyValueRoot: try fixture.root + "/kv-scratch"))
    }

    @Test("pages come through the component, with the live-reload script")
    func page() throws {
        let fixture = try fixture
        let response = try fixture.get("/about/")
        #expect(response.status == 200)
        let script = try #require(response.text.range(of: "data-sitegen-preview"))
        #expect(script.lowerBound < (response.text.range(of: "</body>")?.lowerBound ?? response.text.startIndex))
        // A page without suspense boundaries is a static asset: the component's router
        // gives it validators, and they work through the preview.
        let list = try fixture.get("/posts/")
        #expect(list.status == 200)
        let etag = try #require(list.header("etag"), "the component's router sets validators")
        let revalidated = try fixture.get("/posts/", headers: [("accept", "text/html"), ("if-none-match", etag)])
        #expect(revalidated.status == 304)
        let head = try TestHTTPClient.request("HEAD", "/posts/", port: fixture.port)
        #expect(head.status == 200 && head.body.isEmpty)
        let missing = try fixture.get("/no-such-page/")
        #expect(missing.status == 404)
    }

    @Test("assets come from the component with its validators and ranges; pages come unencoded with the script")
    func assets() throws {
        let fixture = try fixture
        // A preview build makes no .br/.gz variants (seconds per edit, for nothing on loopback).
        let feed = try fixture.get("/atom.xml", headers: [("accept-encoding", "br")])
        #expect(feed.status == 200)
        #expect(feed.header("content-encoding") == nil)
        let tag = try #require(feed.header("etag"), "the component's validators")
        #expect(try fixture.get("/atom.xml", headers: [("if-none-match", tag)]).status == 304)
        let page = try fixture.get("/posts/", headers: [("accept", "text/html"), ("accept-encoding", "br, gzip")])
        #expect(page.header("content-encoding") == nil, "a page is served unencoded so the script can go in")
        #expect(page.text.contains("/_sg/preview/events"))
        let range = try fixture.get("/latest.json", headers: [("range", "bytes=0-9")])
        #expect(range.status == 206)
        #expect(range.text == #"{"items": "#)
    }

    @Test("a streamed page sends its shell first and each section as it resolves")
    func streaming() throws {
        let fixture = try fixture
        let response = try fixture.get("/posts/caching-headers/")
        #expect(response.status == 200)
        #expect(response.header("transfer-encoding") == "chunked")
        let text = response.text
        #expect(text.contains("<template id=\"sg-t1\">"))
        #expect(text.contains("Preview news"), "the latest section came from an outgoing HTTP call")
        #expect(text.components(separatedBy: "data-sitegen-preview").count == 2, "one script, once")
        #expect(response.arrivals.count >= 2, "the shell and the sections arrive separately")
    }

    @Test("a server function call works and its key-value data persists in .sitegen/kv")
    func serverFunction() throws {
        let fixture = try fixture
        let origin = "http://127.0.0.1:\(fixture.port)"
        let call = {
            try TestHTTPClient.request("POST", "/_sg/fn/comment", port: fixture.port,
                                       headers: [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")],
                                       body: Array(#"{"slug": "footnotes", "name": "Ada", "text": "<b>hi</b>"}"#.utf8))
        }
        let first = try call()
        #expect(first.status == 200, "\(first.text)")
        #expect(first.text.contains(#""count":1"#))
        #expect(try call().text.contains(#""count":2"#))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/kv/default/comments.footnotes"))
        let page = try fixture.get("/posts/footnotes/")
        #expect(page.text.contains("&lt;b&gt;hi&lt;/b&gt;"), "the comments island renders the stored comment, escaped")
        let refused = try TestHTTPClient.request("POST", "/_sg/fn/comment", port: fixture.port,
                                                 headers: [("origin", "https://evil.example"), ("content-type", "application/json")],
                                                 body: Array("{}".utf8))
        #expect(refused.status == 403)
    }
}

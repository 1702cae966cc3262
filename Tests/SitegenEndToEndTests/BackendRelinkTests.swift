import Foundation
import SitegenBuild
import Testing

/// Switching the asset backend (`--assets`, which overrides `[assets] backend`) recomposes
/// `server.wasm` from cached objects: nothing is compiled (ComponentEmitter: "switching
/// backends recompiles nothing").
@Suite("Switching the asset backend", HostTools.required, .timeLimit(.minutes(10)))
struct BackendRelinkTests {
    @Test("changing only the backend relinks server.wasm without running swiftc")
    func relinkWithoutCompiler() throws {
        // The shared builds fill the blog's cache first (and compile, if the runtime changed).
        _ = try BlogSite.built(.filesystem)
        _ = try BlogSite.built(.embedded)
        let dist = BlogSite.workRoot + "/relink/dist"

        let firstTrace = try Self.build(output: dist, backend: .filesystem)
        let cacheBefore = try Self.cacheSnapshot(Repo.cache)
        #expect(cacheBefore.keys.contains { $0.hasPrefix("runtime-") }, "no runtime-* objects in \(Repo.cache) after a build")
        let siteBefore = try #require(FileManager.default.contents(atPath: dist + "/components/site.wasm"))
        let worldBefore = try BuiltSite.world(of: dist)
        #expect(worldBefore.contains("wasi:filesystem"), "the filesystem server should import wasi:filesystem:\n\(worldBefore)")

        let secondTrace = try Self.build(output: dist, backend: .embedded)

        // Compiled objects (runtime, the site's functions) were neither rewritten nor added.
        let cacheAfter = try Self.cacheSnapshot(Repo.cache)
        for (path, stamp) in cacheBefore where path.hasPrefix("runtime-") && !path.contains(".tmp-") && !path.hasSuffix(".lock") {
            #expect(cacheAfter[path] == stamp, "\(path) changed: \(stamp) → \(cacheAfter[path] ?? "removed")")
        }
        // The cache is shared with other tests running at the same time (other sites add
        // their own function objects); a new runtime build would be ours.
        let added = cacheAfter.keys.filter { cacheBefore[$0] == nil && $0.hasPrefix("runtime-") && !$0.contains(".tmp-") }
        #expect(added.isEmpty, "new compiled objects after switching only the backend: \(added.sorted())")
        if let secondTrace {
            let compiles = Self.compilerRuns(in: secondTrace)
            #expect(compiles.isEmpty, "swiftc ran when only the backend changed:\n\(compiles.joined(separator: "\n"))")
            #expect(secondTrace.contains("wasm-tools compose"), "server.wasm was not recomposed:\n\(secondTrace)")
            #expect(secondTrace.contains("build-adapters.sh"), "the embedded adapter was not built:\n\(secondTrace)")
        }
        if let firstTrace, !Self.compilerRuns(in: firstTrace).isEmpty {
            print("note: the first relink build compiled (the cache was cold)")
        }

        // Same site component, another adapter: the composed server no longer needs a preopen.
        #expect(FileManager.default.contents(atPath: dist + "/components/site.wasm") == siteBefore,
                "components/site.wasm changed although only the backend did")
        #expect(FileManager.default.fileExists(atPath: dist + "/components/assets-embedded.wasm"))
        let relinked = BuiltSite(backend: .embedded, source: Repo.blog, dist: dist, world: try BuiltSite.world(of: dist))
        #expect(!relinked.world.contains("wasi:filesystem"), "the embedded server still imports wasi:filesystem:\n\(relinked.world)")

        try withWasmtime(relinked) { server in
            let home = try server.get("/")
            #expect(home.status == 200, "\(home.summary)")
            #expect(home.body == relinked.file("index.html"))
            let image = try server.get("/posts/desk-setup/cover.png")
            #expect(image.status == 200, "\(image.summary)")
            #expect(image.body == relinked.file("posts/desk-setup/cover.png"))
        }

        // And back: the filesystem backend is fused into the site's core instance
        // (`component new --adapt`), again without a compiler run.
        let thirdTrace = try Self.build(output: dist, backend: .filesystem)
        if let thirdTrace {
            #expect(Self.compilerRuns(in: thirdTrace).isEmpty, "swiftc ran when only the backend changed:\n\(thirdTrace)")
            // The trace names a tool and its first argument: `component` (new --adapt), not `compose`.
            #expect(thirdTrace.contains("wasm-tools component") && !thirdTrace.contains("wasm-tools compose"),
                    "the filesystem adapter was not fused:\n\(thirdTrace)")
        }
        #expect(FileManager.default.contents(atPath: dist + "/components/site.wasm") == siteBefore)
        let fused = BuiltSite(backend: .filesystem, source: Repo.blog, dist: dist, world: try BuiltSite.world(of: dist))
        #expect(fused.world.contains("wasi:filesystem"), "the filesystem server should import wasi:filesystem:\n\(fused.world)")
        try withWasmtime(fused) { server in
            let image = try server.get("/posts/desk-setup/cover.png")
            #expect(image.status == 200, "\(image.summary)")
            #expect(image.body == fused.file("posts/desk-setup/cover.png"))
        }
    }

    @Test("the filesystem backend shares the site's memory: server.wasm defines one linear memory")
    func filesystemBackendIsFused() throws {
        let site = try BlogSite.built(.filesystem)
        let definitions = try Self.definedMemories(in: site.dist + "/server.wasm")
        #expect(definitions.count == 1, "memories defined in server.wasm: \(definitions)")
        // Composed (the other backends), the adapter brings a second one.
        let embedded = try BlogSite.built(.embedded)
        #expect(try Self.definedMemories(in: embedded.dist + "/server.wasm").count == 2)
    }

    /// `sitegen build --source Examples/blog --output OUTPUT --assets BACKEND`, run as the
    /// `sitegen` executable beside the test bundle with tool tracing on; returns the trace
    /// (stderr). Without the executable, builds in process and returns nil: the cache
    /// snapshot is then the only evidence.
    static func build(output: String, backend: Backend) throws -> String? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("sitegen").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            _ = try BlogSite.build(backend, into: output)
            return nil
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_TRACE_TOOLS"] = "1"
        environment["SITEGEN_RUNTIME"] = Repo.root
        environment["SOURCE_DATE_EPOCH"] = "1780272000"  // 2026-06-01, the in-process builds' "now"
        let arguments = ["build", "--source", Repo.blog, "--output", output, "--assets", backend.rawValue]
        let (status, log) = try HostTools.run(binary, arguments, environment: environment, timeout: 300)
        guard status == 0 else {
            throw EndToEndError(description: "sitegen \(arguments.joined(separator: " ")) exited with \(status):\n\(log)")
        }
        guard FileManager.default.fileExists(atPath: output + "/server.wasm") else {
            throw EndToEndError(description: "sitegen build made no server.wasm:\n\(log)")
        }
        return log
    }

    /// The memory definitions of every core module in a component (`wasm-tools print
    /// --skeleton`); an imported memory reads `(import "env" "memory" (memory …` and is not one.
    static func definedMemories(in path: String) throws -> [Substring] {
        let tool = try #require(HostTools.wasmTools)
        let (status, output) = try HostTools.run(tool, ["print", "--skeleton", path], timeout: 60)
        guard status == 0 else { throw EndToEndError(description: "wasm-tools print --skeleton \(path) failed:\n\(output)") }
        return output.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("(memory ") }
    }

    /// Trace lines of swiftc runs other than `swiftc --version` (run for the cache key).
    static func compilerRuns(in trace: String) -> [String] {
        trace.split(separator: "\n").map(String.init).filter { line in
            guard let match = line.firstMatch(of: #/\[\d+ ms\] (\S+)(?: (\S+))?/#) else { return false }
            return match.output.1 == "swiftc" && match.output.2 != "--version"
        }
    }

    /// Every compiled artifact in the cache (`runtime-*` folders and their files,
    /// `site-functions-*.o`, `site-component-*`) with its inode, size and modification time.
    static func cacheSnapshot(_ cache: String) throws -> [String: String] {
        var snapshot: [String: String] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter {
            ($0.hasPrefix("runtime-") || $0.hasPrefix("site-functions-") || $0.hasPrefix("site-component-")) && !$0.contains(".tmp")
        }
        for name in names {
            var paths = [name]
            if let enumerator = FileManager.default.enumerator(atPath: cache + "/" + name) {
                while let child = enumerator.nextObject() as? String { paths.append(name + "/" + child) }
            }
            for path in paths {
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: cache + "/" + path) else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                snapshot[path] = "inode \(attributes[.systemFileNumber] ?? "?") size \(attributes[.size] ?? "?") mtime \(modified)"
            }
        }
        return snapshot
    }
}

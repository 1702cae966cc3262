import Foundation

/// Where the server runtime's sources, the WIT and the adapter builder live: the
/// sitegen checkout (found from the binary, `.build/*/sitegen`), `SITEGEN_RUNTIME`, or
/// `<prefix>/share/sitegen` beside an installed binary.
struct RuntimeSources: Sendable {
    let root: String

    var wit: String { root + "/wit" }
    var shim: String { root + "/Sources/SitegenServer/Runtime/shim.c" }
    /// The allocator (segregated free lists; replaces wasi-libc's dlmalloc).
    var allocator: String { root + "/Sources/SitegenServer/Runtime/allocator.c" }

    var swiftSources: (core: [String], html: [String], server: [String]) {
        (Self.swiftFiles(in: root + "/Sources/SitegenServerCore"), Self.swiftFiles(in: root + "/Sources/SitegenHTML"),
         Self.swiftFiles(in: root + "/Sources/SitegenServer"))
    }

    static func locate() -> RuntimeSources? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SITEGEN_RUNTIME"] { candidates.append(env) }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.path)
            candidates.append(directory.path + "/share/sitegen")
            directory.deleteLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/Sources/SitegenServer/Runtime/shim.c")
            && FileManager.default.fileExists(atPath: candidate + "/wit/world.wit") {
            return RuntimeSources(root: URL(fileURLWithPath: candidate).standardizedFileURL.path)
        }
        return nil
    }

    /// Builds (or takes from the cache) the adapter for `backend` into the `components`
    /// folder: `assets-<backend>.wasm`, and for `filesystem` also `assets-filesystem.core.wasm`.
    func buildAdapter(_ backend: String, options: SiteConfig.AssetOptions, site: String, into components: String, toolchain: Toolchain) throws {
        let script = root + "/scripts/build-adapters.sh"
        // The script finds wasm-tools, clang and wasm-ld on PATH: put the ones this build uses first.
        let prefix = URL(fileURLWithPath: toolchain.wasmTools).deletingLastPathComponent().path + ":"
            + URL(fileURLWithPath: toolchain.clang).deletingLastPathComponent().path
        func run(_ arguments: [String]) throws { try Toolchain.run("/bin/bash", [script] + arguments, pathPrefix: prefix) }
        let path = components + "/assets-" + backend + ".wasm"
        switch backend {
        case "filesystem":
            // The component (for composing by hand) and the core adapter `link` fuses into server.wasm.
            try run(["filesystem", path])
            try run(["filesystem-core", components + "/assets-filesystem.core.wasm"])
        case "embedded": try run(["embedded", site, path])
        case "kv": try run(["kv", "--bucket", options.bucket, path])
        case "blobstore": try run(["blobstore", "--container", options.container, path])
        case "cdn":
            guard let url = options.cdnURL else {
                throw Toolchain.ToolError(command: "build adapter cdn", output: "the cdn backend needs [assets] cdn_url = \"https://cdn.example.org\" in sitegen.toml")
            }
            try run(["cdn", url, path])
        default: throw Toolchain.ToolError(command: "build adapter " + backend, output: "unknown asset backend '" + backend + "'")
        }
    }

    static func swiftFiles(in directory: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let name = e.nextObject() as? String {
            if name.hasSuffix(".swift") { files.append(directory + "/" + name) }
        }
        return files.sorted()
    }
}

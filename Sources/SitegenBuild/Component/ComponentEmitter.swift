import Foundation
import SitegenHTML

/// Step "Build server component": `dist/server.wasm`, a WASI 0.2 `wasi:http/proxy`
/// component serving the built site.
///
/// The runtime (Embedded Swift: `Sources/SitegenServerCore` + `Sources/SitegenServer`)
/// is compiled once per sitegen version and cached; per site only the asset manifest
/// (a C file of bytes) is compiled and linked. The site component imports
/// `sitegen:site/assets`; the chosen backend adapter is composed in at bytecode level
/// (`wasm-tools compose`), so switching backends recompiles nothing.
struct ComponentEmitter {
    let toolchain: Toolchain
    let runtime: RuntimeSources
    let cache: String
    /// The host the component is built for: its key-value bindings and its WIT world.
    var hostProfile: HostProfile = .wasmtime

    /// `SITEGEN_KEEP_NAMES=1`: for looking inside a component. The build also leaves
    /// `components/site.named.wasm` (the optimised core module with its name section, for
    /// `Benchmarks/component/size.py`) and `components/Registration.swift` (the generated
    /// registration and compiled island templates).
    static var keepNames: Bool { ProcessInfo.processInfo.environment["SITEGEN_KEEP_NAMES"] == "1" }

    /// The Embedded Swift flags (research/embedded-swift-wasm.md).
    static let swiftFlags = [
        "-target", "wasm32-unknown-none-wasm", "-enable-experimental-feature", "Embedded",
        "-enable-experimental-feature", "Extern", "-wmo", "-Osize", "-parse-as-library", "-swift-version", "6",
        "-Xfrontend", "-disable-stack-protector",
        // LLVM inlines only where inlining shrinks the code (a static function's one call
        // site): -Osize alone leaves the blog's component ~10% larger (Benchmarks/README.md).
        "-Xllvm", inlineThreshold,
        // Embedded Swift checks exclusivity at run time only with the experimental
        // EmbeddedDynamicExclusivity feature; without it `swift_beginAccess` is an empty
        // function, yet each class property and global access still sets up a scratch
        // buffer and calls it. This drops those calls; the compile-time checks still run (-2.5 KB).
        "-enforce-exclusivity=unchecked",
        // Whole-program LTO: each module compiles to LLVM bitcode, and wasm-ld optimises the
        // runtime, the site's functions and the standard library code they use as one
        // program (with ``linkerFlags``): functions only one module calls are inlined or
        // dropped across module boundaries. -13 KB for the blog, -6.6 KB static-only; the
        // link takes ~1.8 s instead of 0.1 s (ThinLTO would be cached, but saves nothing).
        "-lto=llvm-full",
        // No Swift function merging in each module's compile: a merged function gets a new
        // local name (`…Tm`), so the copies of a standard-library or SitegenHTML function that
        // two modules emit no longer fold into one at the link (-1.8 KB for the blog).
        "-Xfrontend", "-disable-llvm-merge-functions-pass",
        // A failed check may share its trap with the function's other checks. Swift keeps
        // one trap per check in optimised builds so that a native crash names its line; a
        // wasm trap names no line anyway, and it still traps (-1.5 KB for the blog).
        "-Xfrontend", "-mergeable-traps",
    ]

    /// LLVM's inlining threshold, for the compile (``swiftFlags``) and the link-time
    /// optimisation (``linkerFlags``) alike.
    static let inlineThreshold = "-inline-threshold=-100"

    /// What wasm-ld adds for the link-time optimisation (``swiftFlags``' `-lto=llvm-full`):
    /// the same inlining threshold as the compile, or LTO's inliner undoes it (+17 KB); no
    /// jump threading, which copies blocks to skip a branch, and identical tails of blocks
    /// merged however short (-0.5 KB together).
    static let linkerFlags = ["-mllvm", inlineThreshold, "-mllvm", "-jump-threading-threshold=0", "-mllvm", "-tail-merge-size=1"]

    /// What `wasm-opt` runs on the linked core module: `-Oz`, then the control flow
    /// flattened and rebuilt by the Relooper (`--flatten --rereloop`: branches that LLVM's
    /// wasm backend emits as nested blocks come out as fewer, smaller ones), then `-Oz`
    /// twice to clean up after it. 4.6 KB smaller than `-Oz` alone for the blog, for about
    /// 1.5 s more when the site component is linked (Benchmarks/README.md).
    static let wasmOptPasses = ["-Oz", "--flatten", "--rereloop", "-Oz", "-Oz"]

    /// Builds `components/site.wasm`, the adapters and the composed `server.wasm` into `output`.
    /// - Returns: the bytes of the site component's core module (for size reports).
    func emit(manifest: [UInt8], site: SiteInputs, output: String, backend: String, options: SiteConfig.AssetOptions) throws -> Int {
        let runtimeBuild = try runtimeObjects(functions: site.isDynamic, profile: hostProfile)
        var objects = runtimeBuild.objects
        if site.isDynamic { objects.append(try siteObject(site, modules: runtimeBuild.modules)) }
        let components = output + "/components"
        try FileManager.default.createDirectory(atPath: components, withIntermediateDirectories: true)
        if Self.keepNames && site.isDynamic {
            try site.registration.write(toFile: components + "/Registration.swift", atomically: true, encoding: .utf8)
        }
        // An unchanged site (same manifest, same runtime, same WIT world) reuses its component.
        var key = manifest + site.data + Array(objects.joined().utf8) + Array(hostProfile.siteWorld.utf8)
            + Array((Self.linkerFlags + Self.wasmOptPasses + [UnreachableCode.version]).joined(separator: " ").utf8)
        if Self.keepNames { key += Array("names".utf8) }
        for file in StaticAssets.files(in: runtime.wit) {
            key += FileManager.default.contents(atPath: runtime.wit + "/" + file).map { Array($0) } ?? []
        }
        let cached = cache + "/site-component-" + ContentHash.hex(key) + ".wasm"
        var coreSize = 0
        // `site.core.wasm` is the core module inside `site.wasm`: what `sitegen preview` runs in
        // its in-process host, which provides the imports (assets included) itself.
        if FileManager.default.fileExists(atPath: cached), FileManager.default.fileExists(atPath: cached + ".core") {
            for (from, to) in [(cached, "/site.wasm"), (cached + ".core", "/site.core.wasm")] {
                try? FileManager.default.removeItem(atPath: components + to)
                try FileManager.default.copyItem(atPath: from, toPath: components + to)
            }
        } else {
            coreSize = try buildSiteComponent(manifest: manifest, siteData: site.data, objects: objects, into: components + "/site.wasm",
                                              world: hostProfile.siteWorld)
            for (from, to) in [("/site.wasm", cached), ("/site.core.wasm", cached + ".core")] {
                try? FileManager.default.removeItem(atPath: to)
                try? FileManager.default.copyItem(atPath: components + from, toPath: to)
            }
        }
        try runtime.buildAdapter(backend, options: options, site: output, into: components, toolchain: toolchain)
        try Self.link(components: components, backend: backend, into: output + "/server.wasm", wasmTools: toolchain.wasmTools)
        return coreSize
    }

    /// Links the site with the backend's adapter from `components` (as ``RuntimeSources/buildAdapter``
    /// left it there) into `destination`, without compiling anything:
    /// - `filesystem`: the core adapter `assets-filesystem.core.wasm` is fused into the site's
    ///   core instance (`wasm-tools component new --adapt`), sharing its memory. `wasmtime serve`
    ///   instantiates the composition per request, and a second memory and table cost about a
    ///   third of a static page's time (Benchmarks/README.md).
    /// - every other backend: the site component and the adapter component are composed
    ///   (`wasm-tools compose`), each keeping its own memory.
    ///
    /// The result has no name sections (~11 KB for the blog; debugging names only) and is validated.
    static func link(components: String, backend: String, into destination: String, wasmTools: String) throws {
        let named = destination + ".named"
        defer { try? FileManager.default.removeItem(atPath: named) }
        if backend == "filesystem" {
            try Toolchain.run(wasmTools, ["component", "new", components + "/site.core.wasm",
                                          "--adapt", "sitegen:site/assets@0.1.0=" + components + "/assets-filesystem.core.wasm", "-o", named])
        } else {
            try Toolchain.run(wasmTools, ["compose", components + "/site.wasm", "-d", components + "/assets-" + backend + ".wasm", "-o", named])
        }
        try Toolchain.run(wasmTools, ["strip", "--all", named, "-o", destination])
        try Toolchain.run(wasmTools, ["validate", destination])
    }

    /// Where a preview build leaves the asset manifest in the output (the runtime's `Site.externalPath`).
    static let externalManifestPath = "_sitegen/manifest.sgam"
    /// Its hash, written after it (`Site.stampPath` in the runtime).
    static let externalManifestStampPath = "_sitegen/manifest.stamp"

    /// For `sitegen preview`: only `components/site.core.wasm` (what the in-process host
    /// runs), linked with an empty manifest and not optimised, so it depends on the
    /// functions and the site data alone and a content edit reuses it from the cache. The
    /// preview host implements `wasi:keyvalue@0.2.0-draft`, so the host profile is ignored.
    /// - Returns: the bytes of the core module.
    func emitPreview(site: SiteInputs, output: String) throws -> Int {
        let runtimeBuild = try runtimeObjects(functions: site.isDynamic, profile: .wasmtime)
        var objects = runtimeBuild.objects
        if site.isDynamic { objects.append(try siteObject(site, modules: runtimeBuild.modules)) }
        let components = output + "/components"
        try FileManager.default.createDirectory(atPath: components, withIntermediateDirectories: true)
        let key = Array("preview\n".utf8) + site.data + Array(objects.joined().utf8)
            + Array((Self.linkerFlags + [UnreachableCode.version]).joined(separator: " ").utf8)
        let cached = cache + "/preview-core-" + ContentHash.hex(key) + ".wasm"
        if !FileManager.default.fileExists(atPath: cached) {
            _ = try buildSiteComponent(manifest: [], siteData: site.data, objects: objects, into: components + "/site.wasm", optimize: false)
            try? FileManager.default.removeItem(atPath: cached)
            try FileManager.default.copyItem(atPath: components + "/site.core.wasm", toPath: cached)
            try? FileManager.default.removeItem(atPath: components + "/site.wasm")
            return (try? FileManager.default.attributesOfItem(atPath: cached)[.size] as? Int) ?? 0
        }
        try? FileManager.default.removeItem(atPath: components + "/site.core.wasm")
        try FileManager.default.copyItem(atPath: cached, toPath: components + "/site.core.wasm")
        return 0
    }

    /// Compiles the manifest, links it with the runtime, optimises (unless told not to)
    /// and wraps it as a component.
    /// - Parameter world: the world of `wit/world.wit` the core module's imports belong to
    ///   (``HostProfile/siteWorld``).
    func buildSiteComponent(manifest: [UInt8], siteData: [UInt8], objects: [String], into destination: String,
                            world: String = HostProfile.wasmtime.siteWorld, optimize: Bool = true) throws -> Int {
        let work = cache + "/site-" + UUID().uuidString
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        // Without a manifest (a preview build), the runtime reads the one in the site's files.
        try ManifestSource.write(manifest, symbol: "sitegen_manifest", to: work + "/manifest.c", readsExternal: manifest.isEmpty)
        try ManifestSource.write(siteData, symbol: "sitegen_site_data", to: work + "/sitedata.c")
        for name in ["manifest", "sitedata"] {
            try Toolchain.run(toolchain.clang, ["--target=wasm32-unknown-unknown", "-Os", "-c", work + "/" + name + ".c", "-o", work + "/" + name + ".o"])
        }
        try Toolchain.run(toolchain.wasmLD, [
            "--no-entry", "--gc-sections", "--strip-debug", "-L", toolchain.resourceDirectory,
        ] + Self.linkerFlags + objects + [work + "/manifest.o", work + "/sitedata.o", "-l:embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a",
            toolchain.libc] + (toolchain.builtins.map { [$0] } ?? []) + ["-o", work + "/core.wasm"])
        var core = work + "/core.wasm"
        // Before wasm-opt, which then drops what only the stubbed functions called.
        let linked = try UnreachableCode.stub(Array(try Data(contentsOf: URL(fileURLWithPath: core))))
        if linked.replaced > 0 { try Data(linked.module).write(to: URL(fileURLWithPath: core)) }
        if optimize, let wasmOpt = toolchain.wasmOpt {
            // binaryen 108 needs the features named; run it before stripping (embedded-swift-wasm.md §4).
            // Nothing lives below 1 KB (wasm-ld's global base), which lets it fold offsets (-4 KB).
            // SITEGEN_KEEP_NAMES=1 also leaves the optimised module with its name section (``keepNames``).
            let keepNames = Self.keepNames
            try Toolchain.run(wasmOpt, Self.wasmOptPasses + ["--low-memory-unused", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                                        "--enable-mutable-globals", "--enable-multivalue", "--enable-reference-types",
                                        core, "-o", work + "/core.opt.wasm"] + (keepNames ? ["-g"] : []))
            core = work + "/core.opt.wasm"
            if keepNames {
                let named = URL(fileURLWithPath: destination).deletingLastPathComponent().path + "/site.named.wasm"
                try? FileManager.default.removeItem(atPath: named)
                try FileManager.default.copyItem(atPath: core, toPath: named)
            }
        }
        try Toolchain.run(toolchain.wasmTools, ["strip", "--all", core, "-o", work + "/core.min.wasm"])
        let coreSize = (try? FileManager.default.attributesOfItem(atPath: work + "/core.min.wasm")[.size] as? Int) ?? 0
        try Toolchain.run(toolchain.wasmTools, ["component", "embed", runtime.wit, "-w", world, work + "/core.min.wasm", "-o", work + "/embedded.wasm"])
        // site.core.wasm keeps the world it imports from (a custom section, which a core
        // runtime ignores): `link` fuses an adapter into it without the WIT at hand.
        let coreModule = URL(fileURLWithPath: destination).deletingLastPathComponent().path + "/site.core.wasm"
        try? FileManager.default.removeItem(atPath: coreModule)
        try FileManager.default.copyItem(atPath: work + "/embedded.wasm", toPath: coreModule)
        try Toolchain.run(toolchain.wasmTools, ["component", "new", work + "/embedded.wasm", "-o", destination])
        try Toolchain.run(toolchain.wasmTools, ["validate", destination])
        return coreSize
    }

    /// The site-independent objects and module interfaces, compiled once per runtime source hash.
    /// - Parameter functions: the variant with server functions and streaming (`-D SITEGEN_FUNCTIONS`).
    /// - Parameter profile: the host whose key-value draft the bindings import
    ///   (``HostProfile/runtimeDefines``); only the variant with functions uses key-value,
    ///   so the static variant is one build for every host.
    func runtimeObjects(functions: Bool, profile: HostProfile) throws -> (objects: [String], modules: String) {
        let sources = runtime.swiftSources
        let variantFlags = functions ? ["-D", "SITEGEN_FUNCTIONS"] + profile.runtimeDefines : []
        var hashInput: [UInt8] = Array((Self.swiftFlags + variantFlags).joined(separator: " ").utf8)
        hashInput += Array(((try? Toolchain.run(toolchain.swiftc, ["--version"])) ?? "").utf8)
        // Paths relative to the runtime's root: a checkout and an installed share/sitegen
        // with the same sources share the compiled objects.
        for file in sources.core + sources.html + sources.server + [runtime.shim, runtime.allocator] {
            let relative = file.hasPrefix(runtime.root + "/") ? String(file.dropFirst(runtime.root.count + 1)) : file
            hashInput += Array(relative.utf8) + ((FileManager.default.contents(atPath: file)).map { Array($0) } ?? [])
        }
        let directory = cache + "/runtime-" + ContentHash.hex(hashInput)
        let names = ["SitegenServerCore", "SitegenHTML", "SitegenServer"]
        // shim.o first: its .bss variable then starts .bss (see `sitegen_initialize` in shim.c).
        // allocator.o before libc: its malloc and free are the ones linked.
        let objects = [directory + "/shim.o", directory + "/allocator.o"] + names.map { directory + "/" + $0 + ".o" }
        if objects.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return (objects, directory + "/modules") }
        // One compile at a time per cache (parallel builds and tests share it); whoever
        // waited finds the objects there.
        let lock = try CacheLock(cache + "/runtime.lock")
        defer { lock.release() }
        if objects.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return (objects, directory + "/modules") }
        let temp = directory + ".tmp-" + UUID().uuidString
        try? FileManager.default.removeItem(atPath: temp)
        try FileManager.default.createDirectory(atPath: temp + "/modules", withIntermediateDirectories: true)
        for (name, files) in [("SitegenServerCore", sources.core), ("SitegenHTML", sources.html), ("SitegenServer", sources.server)] {
            try Toolchain.run(toolchain.swiftc, Self.swiftFlags + variantFlags + [
                "-module-name", name, "-I", temp + "/modules",
                "-emit-module", "-emit-module-path", temp + "/modules/" + name + ".swiftmodule",
            ] + files + ["-c", "-o", temp + "/" + name + ".o"])
        }
        // reference-types: `_initialize` writes the function table with `table.set`.
        try Toolchain.run(toolchain.clang, ["--target=wasm32-unknown-unknown", "-Os", "-mreference-types", "-c", runtime.shim, "-o", temp + "/shim.o"])
        try Toolchain.run(toolchain.clang, ["--target=wasm32-unknown-unknown", "-Os", "-c", runtime.allocator, "-o", temp + "/allocator.o"])
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.moveItem(atPath: temp, toPath: directory)
        return (objects, directory + "/modules")
    }

    /// The site's own module: `functions/*.swift` plus the generated registration,
    /// compiled against the runtime's interfaces; cached by the sources' hash.
    func siteObject(_ site: SiteInputs, modules: String) throws -> String {
        var hashInput = Array(modules.utf8) + Array(site.registration.utf8)
        for file in site.functionFiles {
            hashInput += Array(file.utf8) + ((FileManager.default.contents(atPath: file)).map { Array($0) } ?? [])
        }
        let object = cache + "/site-functions-" + ContentHash.hex(hashInput) + ".o"
        if FileManager.default.fileExists(atPath: object) { return object }
        let work = cache + "/functions-" + UUID().uuidString
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try site.registration.write(toFile: work + "/Registration.swift", atomically: true, encoding: .utf8)
        // Builds of the same site may run at once (tests, preview): each compiles to its own
        // file, and whoever comes second keeps the first one's object.
        let temporary = work + "/SiteFunctions.o"
        do {
            try Toolchain.run(toolchain.swiftc, Self.swiftFlags + ["-module-name", "SiteFunctions", "-I", modules]
                + site.functionFiles + [work + "/Registration.swift", "-c", "-o", temporary])
        } catch let error as Toolchain.ToolError {
            throw FunctionCompileError(output: error.output)
        }
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: object)
        } catch where FileManager.default.fileExists(atPath: object) {}
        return object
    }
}

/// An exclusive `flock` on a file in the cache.
final class CacheLock {
    private let descriptor: Int32

    init(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX) }
    }

    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// What the component needs from the site besides its files.
struct SiteInputs: Equatable, Sendable {
    /// `functions/*.swift`, absolute paths.
    var functionFiles: [String]
    /// The generated registration source.
    var registration: String
    /// The site data blob (streamed pages, island templates, config).
    var data: [UInt8]
    /// Whether the site has server functions or streamed pages (the larger runtime variant).
    var isDynamic: Bool
}

/// `functions/*.swift` did not compile for Embedded wasm32; `output` has swiftc's errors.
struct FunctionCompileError: Error, CustomStringConvertible {
    var output: String
    var description: String { output }
}

/// The manifest as a C file the runtime reads through `sitegen_manifest()`.
enum ManifestSource {
    /// - Parameter readsExternal: Also define `sitegen_refresh_external_manifest` (shim.c has
    ///   an empty weak default) to call the runtime's reader of the manifest in the site's
    ///   files, `sitegen_site_refresh_external` (`Site.swift`).
    static func write(_ bytes: [UInt8], symbol: String, to path: String, readsExternal: Bool = false) throws {
        var text = "// Generated by sitegen build. DO NOT EDIT.\n"
        text += "static const unsigned char data[" + String(max(1, bytes.count)) + "] __attribute__((aligned(8))) = {"
        let digits = Array("0123456789abcdef".utf8)
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count * 5)
        for (i, b) in bytes.enumerated() {
            if i % 24 == 0 { body.append(0x0A) }
            body += [0x30, 0x78, digits[Int(b >> 4)], digits[Int(b & 15)], 0x2C]
        }
        text += String(decoding: body, as: UTF8.self)
        text += "\n};\nconst unsigned char *" + symbol + "(unsigned *length) { *length = " + String(bytes.count) + "u; return data; }\n"
        if readsExternal {
            text += "void sitegen_site_refresh_external(void);\n"
            text += "void sitegen_refresh_external_manifest(void) { sitegen_site_refresh_external(); }\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

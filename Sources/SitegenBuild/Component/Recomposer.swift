import Foundation
import SitegenHTML

/// `sitegen compose --assets X`: relinks an already built site component with another
/// asset backend, at bytecode level. Nothing is compiled: the site component is reused
/// as it is, and the filesystem adapter comes from the cache.
public struct Recomposer {
    public var output: String
    public var backend: String
    public var options: SiteConfig.AssetOptions

    public init(output: String, backend: String, options: SiteConfig.AssetOptions = SiteConfig.AssetOptions()) {
        self.output = output
        self.backend = backend
        self.options = options
    }

    /// Writes `<output>/server.wasm` from `<output>/components/site.wasm` and the backend's adapter.
    public func run() -> [Diagnostic] {
        let site = output + "/components/site.wasm"
        guard FileManager.default.fileExists(atPath: site) else {
            return [Diagnostic(.error, "no site component at '" + site + "'", fix: "run 'sitegen build' first")]
        }
        guard SiteConfig.assetBackends.contains(backend) else {
            return [Diagnostic(.error, "unknown asset backend '" + backend + "'",
                               expected: "one of " + SiteConfig.assetBackends.map { "'" + $0 + "'" }.joined(separator: ", "),
                               fix: Suggestion.nearest(to: backend, in: SiteConfig.assetBackends).map { "did you mean '" + $0 + "'?" })]
        }
        let (toolchain, missing) = Toolchain.find()
        guard let toolchain else { return [Diagnostic(.error, "cannot compose: " + (missing ?? ""))] }
        guard let runtime = RuntimeSources.locate() else {
            return [Diagnostic(.error, "cannot compose: the sitegen runtime sources were not found",
                               fix: "set SITEGEN_RUNTIME to the sitegen checkout or its share/sitegen folder")]
        }
        // A site component built for Spin imports key-value at draft2 (a static one imports
        // none, and then nothing here tells its profile): refuse what Spin cannot serve.
        if let reason = HostProfile.spin.unsupportedReason(assetBackend: backend),
           let wit = try? Toolchain.run(toolchain.wasmTools, ["component", "wit", site]),
           ComponentWorld(wit: wit).version(of: "wasi:keyvalue") == HostProfile.spin.keyValueVersion {
            return [.unsupportedAssetBackend(backend, profile: .spin, reason: reason)]
        }
        do {
            try runtime.buildAdapter(backend, options: options, site: output, into: output + "/components", toolchain: toolchain)
            let composed = output + "/.server.wasm.tmp"
            try ComponentEmitter.link(components: output + "/components", backend: backend, into: composed, wasmTools: toolchain.wasmTools)
            _ = try? FileManager.default.removeItem(atPath: output + "/server.wasm")
            try FileManager.default.moveItem(atPath: composed, toPath: output + "/server.wasm")
            return []
        } catch {
            return [Diagnostic(.error, "composing server.wasm failed", notes: [String(describing: error)])]
        }
    }
}

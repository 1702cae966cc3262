import Foundation
import SitegenHTML

/// The wording of host-profile diagnostics.
extension Diagnostic {
    /// `--host-profile NAME` with an asset backend that host cannot serve from.
    static func unsupportedAssetBackend(_ backend: String, profile: HostProfile, reason: String) -> Diagnostic {
        let supported = SiteConfig.assetBackends.filter { profile.unsupportedReason(assetBackend: $0) == nil }
        return Diagnostic(
            .error, "asset backend '" + backend + "' is not supported with --host-profile " + profile.rawValue,
            expected: "one of " + supported.map { "'" + $0 + "'" }.joined(separator: ", "),
            fix: "build with --assets filesystem (mount dist/ in the host) or --assets embedded (the files inside server.wasm)",
            notes: [reason])
    }

    /// `--host-profile spin` with a `[server] kv_store` (or `--kv-store`) that Spin cannot name.
    static func invalidSpinStoreLabel(_ store: String) -> Diagnostic {
        Diagnostic(
            .error, "key-value store '" + store + "' cannot be named in spin.toml",
            expected: "a kebab-case or snake_case label of lower-case letters and digits, e.g. 'default' or 'site-data'",
            fix: "set [server] kv_store (or --kv-store) to such a label, or leave it unset for Spin's store 'default'",
            notes: ["Spin opens only the stores a component lists in key_value_stores, and accepts only such labels there"])
    }
}

extension SiteBuilder {
    /// Whether the site has server functions (`functions/*.swift`), the only source of
    /// key-value and config imports.
    static func hasFunctions(root: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/functions")) ?? []
        return files.contains { $0.hasSuffix(".swift") }
    }

    /// What the host profile cannot do with this configuration, checked before anything is built.
    static func hostProfileDiagnostics(_ profile: HostProfile, config: SiteConfig, root: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let reason = profile.unsupportedReason(assetBackend: config.assetBackend) {
            diagnostics.append(.unsupportedAssetBackend(config.assetBackend, profile: profile, reason: reason))
        }
        if profile == .spin, hasFunctions(root: root), !HostProfile.isSpinLabel(config.keyValueStore) {
            diagnostics.append(.invalidSpinStoreLabel(config.keyValueStore))
        }
        return diagnostics
    }
}

/// Which host the component is built for: hosts link different drafts of the same WASI
/// proposals, and a component links only if every import matches the host's version and
/// shape exactly (research: `shared/research/hosts.md`, "which draft versions each host links").
///
/// `sitegen build --host-profile NAME`. Only the key-value interfaces differ (the runtime
/// imports no `wasi:config`); everything else is WASI 0.2.0 on every host.
///
/// ```swift
/// var options = BuildOptions(source: "Examples/blog")
/// options.hostProfile = .spin   // imports wasi:keyvalue/store@0.2.0-draft2, opens the store "default"
/// ```
public enum HostProfile: String, CaseIterable, Sendable {
    /// `wasmtime serve` (`-S keyvalue`, `-S config`).
    ///
    /// Pros: the reference host, fastest measured (0.23 ms per request).
    /// Cons: its key-value store is in memory and answers only the empty identifier.
    case wasmtime
    /// wasmCloud: `wash dev` and `wash host` (same versions as wasmtime, so the same build).
    ///
    /// Pros: file, Redis or NATS JetStream key-value stores; lattices of many hosts.
    /// Cons: about 5 ms per request inside wash.
    case wasmcloud
    /// Spin (3.0 and later), whose world imports `wasi:keyvalue@0.2.0-draft2` and
    /// `wasi:config@0.2.0-draft-2024-09-27`: the runtime is compiled with its draft2
    /// key-value bindings (`Sources/SitegenServer/WASI/Imports+KeyValueDraft2.swift`) and
    /// opens the store `default` unless `[server] kv_store` names another.
    ///
    /// Pros: a common serverless host; its default key-value store (SQLite) persists.
    /// Cons: no `wasi:blobstore`, so no blobstore asset backend; the kv asset backend is not
    /// built for it (see ``unsupportedReason(assetBackend:)``). Not run here: the
    /// component is checked against Spin's WIT world, not served by Spin.
    case spin

    /// The `wasi:keyvalue` version the component imports on this host.
    public var keyValueVersion: String { self == .spin ? "0.2.0-draft2" : "0.2.0-draft" }
    /// The `wasi:config` version this host links (the runtime imports none today; recorded
    /// for `sitegen deploy` and the docs).
    public var configVersion: String { self == .spin ? "0.2.0-draft-2024-09-27" : "0.2.0-rc.1" }

    /// The world of `wit/world.wit` the site component is built against.
    var siteWorld: String { self == .spin ? "site-spin" : "site" }

    /// The `swiftc` flags that select the runtime's key-value bindings for this host's draft
    /// (`Sources/SitegenServer/WASI/Imports+KeyValue.swift` or `…Draft2.swift`).
    var runtimeDefines: [String] { self == .spin ? ["-D", "SITEGEN_KEYVALUE_DRAFT2"] : [] }

    /// The host store server functions open for a configured `[server] kv_store`.
    ///
    /// wasmtime's in-memory store answers only `""`, the default. Spin refuses any store a
    /// component's `key_value_stores` in `spin.toml` does not list, and `""` is no valid
    /// label there, so on Spin an empty name means the store every Spin app has, `default`.
    public func keyValueStore(configured: String) -> String {
        self == .spin && configured.isEmpty ? "default" : configured
    }

    /// Why the component cannot serve its assets from `backend` on this host; nil when it can.
    public func unsupportedReason(assetBackend backend: String) -> String? {
        guard self == .spin else { return nil }
        switch backend {
        case "blobstore":
            return "Spin links no wasi:blobstore interface, so a component importing wasi:blobstore@0.2.0-draft does not start there"
        case "kv":
            return "the kv asset adapter imports wasi:keyvalue/store@0.2.0-draft, which Spin does not link, "
                + "and 'sitegen publish' cannot fill Spin's key-value store"
        default:
            return nil
        }
    }

    /// Whether `label` can name a Spin key-value store: `key_value_stores` in `spin.toml`
    /// takes kebab-case or snake_case words of lower-case ASCII letters and digits, each
    /// starting with a letter (`default`, `site-data`, `likes_v2`; not `likes_2026`).
    static func isSpinLabel(_ label: String) -> Bool {
        for separator in ["-", "_"] as [Character] {
            let words = label.split(separator: separator, omittingEmptySubsequences: false)
            let valid = words.allSatisfy { word in
                guard let first = word.first, first.isASCII, first.isLowercase else { return false }
                return word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
            if valid { return true }
        }
        return false
    }
}

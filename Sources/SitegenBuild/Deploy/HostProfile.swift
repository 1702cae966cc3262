/// Which host the component is built for: hosts link different drafts of the same WASI
/// proposals, and a component links only if every import matches the host's version and
/// shape exactly (research: `shared/research/hosts.md`, "which draft versions each host links").
///
/// `sitegen build --host-profile NAME`. Only the key-value and config interfaces differ;
/// everything else is WASI 0.2.0 on every host.
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
    /// Fermyon Spin, whose SDK WIT uses `wasi:keyvalue@0.2.0-draft2` and
    /// `wasi:config@0.2.0-draft-2024-09-27`.
    ///
    /// Pros: a common serverless host.
    /// Cons: not supported for sites with server functions yet: the runtime's
    /// hand-written key-value bindings (`Sources/SitegenServer/WASI/Imports+Functions.swift`,
    /// `wit/`) implement only the `0.2.0-draft` shapes (see ``unsupportedReason``).
    case spin

    /// The `wasi:keyvalue` version the component imports on this host.
    public var keyValueVersion: String { self == .spin ? "0.2.0-draft2" : "0.2.0-draft" }
    /// The `wasi:config` version this host links.
    public var configVersion: String { self == .spin ? "0.2.0-draft-2024-09-27" : "0.2.0-rc.1" }

    /// Why a site with server functions cannot be built for this profile yet; nil when it can.
    public var unsupportedReason: String? {
        guard self == .spin else { return nil }
        return "the runtime's key-value bindings implement wasi:keyvalue@0.2.0-draft only; Spin links 0.2.0-draft2, "
            + "whose store.open, list-keys (cursor: option<string>) and atomics.increment (delta: s64) have other signatures"
    }
}

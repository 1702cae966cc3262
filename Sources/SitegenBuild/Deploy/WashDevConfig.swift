import Foundation

/// The `.wash/config.yaml` that makes `wash dev` serve a built site.
///
/// wash dev takes no flags; it reads this file from its project folder. What goes in it
/// follows from the component's imports (``ComponentWorld``):
/// - `dev.volumes` mounts the built site at `/site` for the filesystem backend;
/// - `dev.wasi_keyvalue_path` keeps server-function state on disk (under `.sitegen/`),
///   so it outlives restarts;
/// - `workload.allowedHosts` (top level, not under `dev`) lets the component make outgoing
///   HTTP requests: wash 2.10 denies them otherwise, so the cdn backend gets its CDN's origin.
package struct WashDevConfig: Sendable, Equatable {
    /// `host:port` wash dev listens on.
    package var address: String
    /// The component, absolute or relative to the project folder.
    package var componentPath: String
    /// The built site folder to preopen as `/site`, when the component reads files.
    package var siteDirectory: String?
    /// Where wash keeps the key-value store (one file per key), when the component uses one.
    package var keyValuePath: String?
    /// Origins (`http://host:port`) the component may send requests to.
    package var allowedHosts: [String] = []

    /// A config for `world`: volumes, key-value path and allowed hosts only where it imports them.
    /// - Parameters:
    ///   - dist: the built site folder (holds `server.wasm`).
    ///   - keyValuePath: the store folder to use when the component imports `wasi:keyvalue`.
    ///   - allowedHosts: origins for outgoing HTTP, used when it imports `wasi:http/outgoing-handler`.
    package init(world: ComponentWorld, dist: String, address: String, keyValuePath: String, allowedHosts: [String]) {
        self.address = address
        componentPath = dist + "/server.wasm"
        siteDirectory = world.needsSiteDirectory ? dist : nil
        self.keyValuePath = world.needsKeyValue ? keyValuePath : nil
        self.allowedHosts = world.needsOutgoingHTTP ? allowedHosts : []
    }

    /// The YAML text. `dev.command` is `true`: the component is already built.
    package var yaml: String {
        var text = "# Written by sitegen deploy wasmcloud-dev.\ndev:\n"
        text += "  address: " + quoted(address) + "\n"
        text += "  command: \"true\"\n"
        text += "  component_path: " + quoted(componentPath) + "\n"
        if let keyValuePath { text += "  wasi_keyvalue_path: " + quoted(keyValuePath) + "\n" }
        if let siteDirectory {
            text += "  volumes:\n    - host_path: " + quoted(siteDirectory) + "\n      guest_path: /site\n"
        }
        if !allowedHosts.isEmpty {
            text += "workload:\n  allowedHosts: [" + allowedHosts.map(quoted).joined(separator: ", ") + "]\n"
        }
        return text
    }

    /// A YAML double-quoted scalar.
    private func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

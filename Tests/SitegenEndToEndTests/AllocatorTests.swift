import Foundation
import SitegenTestSupport
import Testing

@testable import SitegenBuild

/// The site component's allocator (`Sources/SitegenServer/Runtime/allocator.c`) on wasm32:
/// `Tests/AllocatorTests/allocator-test.c`, linked with it before wasi-libc as the component
/// is, runs under `wasmtime run`. Live blocks keep their bytes through thousands of mixed
/// allocations, frees and reallocs; the same work repeated fits in the memory the first
/// round grew to (what a host reusing one instance for many requests relies on); aligned
/// and zeroed allocations; sizes it refuses.
@Suite("Component allocator", HostTools.required, .timeLimit(.minutes(5)))
struct AllocatorTests {
    @Test("allocates, frees and reuses memory correctly under wasmtime")
    func allocatorUnderWasmtime() throws {
        let (found, missing) = Toolchain.find()
        guard let toolchain = found, let wasmtime = HostTools.wasmtime else {
            try Test.cancel(Comment(rawValue: "skipped: " + (missing ?? "wasmtime not found")))
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-allocator-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        // wasi-libc's folder (`/usr/lib/wasm32-wasi`) and its sysroot (`/usr`, headers in include/wasm32-wasi).
        let libDirectory = URL(fileURLWithPath: toolchain.libc).deletingLastPathComponent()
        let sysroot = libDirectory.deletingLastPathComponent().deletingLastPathComponent().path
        let steps: [(String, [String])] = [
            (toolchain.clang, ["--target=wasm32-unknown-unknown", "-Os", "-c", Repo.root + "/Sources/SitegenServer/Runtime/allocator.c",
                               "-o", work + "/allocator.o"]),
            (toolchain.clang, ["--target=wasm32-wasi", "--sysroot=" + sysroot, "-O2", "-c", Repo.root + "/Tests/AllocatorTests/allocator-test.c",
                               "-o", work + "/test.o"]),
            (toolchain.wasmLD, [libDirectory.path + "/crt1-command.o", work + "/allocator.o", work + "/test.o", toolchain.libc]
                + (toolchain.builtins.map { [$0] } ?? []) + ["-o", work + "/test.wasm"]),
        ]
        for (tool, arguments) in steps {
            let (status, output) = try HostTools.run(tool, arguments)
            try #require(status == 0, "\(tool) \(arguments.joined(separator: " ")) failed:\n\(output)")
        }
        let (status, output) = try HostTools.run(wasmtime, ["run", work + "/test.wasm"], timeout: 60)
        #expect(status == 0, "\(output)")
        for check in ["live blocks keep their bytes", "freed memory is reused", "over-aligned blocks", "calloc zeroes reused memory", "too large"] {
            #expect(output.contains("ok " + check + "\n"), "\(output)")
        }
    }
}

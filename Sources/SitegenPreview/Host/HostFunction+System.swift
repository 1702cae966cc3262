import Foundation
import WasmKit

/// Clocks, random, stderr, and `sitegen:site/assets` (read from the built site folder:
/// the preview host is its own asset backend, no adapter composed in).
extension HostFunction {
    static let system: [HostFunction] = [
        i64(WASIModule.monotonicClock, "now", []) { _, _ in MonotonicClock.now() },
        i32(WASIModule.monotonicClock, "subscribe-duration", [.i64]) { host, a in
            let (due, overflow) = MonotonicClock.now().addingReportingOverflow(a.u64(0))
            return host.table.insert(.pollable(.deadline(overflow ? UInt64.max : due)))
        },
        i64(WASIModule.random, "get-random-u64", []) { _, _ in UInt64.random(in: .min ... .max) },
        procedure(WASIModule.random, "get-random-bytes", [.i64, .i32]) { host, a in
            guard a.u64(0) <= 1 << 20 else { throw HostError("get-random-bytes(\(a.u64(0))) is too large") }
            let bytes = (0..<Int(a.u64(0))).map { _ in UInt8.random(in: .min ... .max) }
            try host.storeList(try host.lower(bytes), at: a.i32(1))
        },
        i32(WASIModule.stderr, "get-stderr", []) { host, _ in
            host.table.insert(.outputStream(OutputStream(.stderr)), persistent: true)
        },
        // read(path, offset, length) -> option<list<u8>>: u8 at 0, list at 4/8.
        procedure(WASIModule.assets, "read", [.i32, .i32, .i64, .i32, .i32]) { host, a in
            let memory = try host.guestMemory
            let path = try memory.string(a.i32(0), a.i32(1))
            let length = Int(min(UInt32(bitPattern: a.i32(3)), 1 << 20))
            guard let bytes = AssetReader.read(root: host.configuration.siteRoot, path: path, offset: a.u64(2), length: length) else {
                return try memory.storeU8(0, at: a.i32(4))
            }
            try memory.storeU8(1, at: a.i32(4))
            try host.storeList(try host.lower(bytes), at: a.i32(4) + 4)
        },
    ]
}

/// Reads byte ranges of the built site's files for the `assets` import.
enum AssetReader {
    /// Up to `length` bytes of `root/path` from `offset`; nil when there is no such file
    /// or the path tries to leave `root`.
    static func read(root: String, path: String, offset: UInt64, length: Int) -> [UInt8]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"),
              !segments.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return nil }
        let fd = open(root + "/" + path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard length > 0, offset < UInt64(info.st_size) else { return [] }
        var buffer = [UInt8](repeating: 0, count: length)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
        guard count >= 0 else { return nil }
        return Array(buffer[..<count])
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes and copies output files with `open`/`write`/`close`, so a failure keeps its
/// `errno`.
///
/// `FileManager.createFile` only says whether it worked: a full disk, a read-only file
/// system and a permission problem all look alike, and the build could only say "check
/// free disk space and permissions". Here every failure carries the real error, and a
/// file that could not be written completely is removed, so nothing half-written stays.
enum OutputFile {
    /// Why a file could not be written.
    struct Failure: Equatable, Sendable {
        /// The output path (relative to the output folder).
        var path: String
        /// The `errno` of the call that failed.
        var code: Int32
        /// The file being read, when reading it failed (a copy whose source vanished);
        /// nil when writing the output failed.
        var source: String?

        /// The system's text for ``code``, starting lower case ("no space left on device").
        var reason: String { OutputFile.describe(code) }
    }

    /// Writes `bytes` to `full` (created, or truncated), checking every short write;
    /// returns the `errno` of the first call that failed, after removing the partial file.
    static func write(_ bytes: UnsafeRawBufferPointer, to full: String) -> Int32? {
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return errno }
        if let code = writeAll(fd, bytes) {
            close(fd)
            unlink(full)
            return code
        }
        // Some file systems (NFS, quotas) report a full disk only when the file is closed.
        if close(fd) != 0 {
            let code = errno
            unlink(full)
            return code
        }
        return nil
    }

    /// Copies `source` to `full` in 64 KiB chunks (following symbolic links, keeping the
    /// permission bits); on failure removes the partial copy and says which side failed.
    static func copy(from source: String, to full: String) -> (code: Int32, reading: Bool)? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return (errno, true) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { return (errno, true) }
        if status.st_mode & S_IFMT == S_IFDIR { return (EISDIR, true) }
        let output = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, status.st_mode & 0o777)
        guard output >= 0 else { return (errno, false) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: (code: Int32, reading: Bool)?
        while failure == nil {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = (errno, true)
            } else if n == 0 {
                break
            } else if let code = buffer.withUnsafeBytes({ writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<n])) }) {
                failure = (code, false)
            }
        }
        if close(output) != 0, failure == nil { failure = (errno, false) }
        if failure != nil { unlink(full) }
        return failure
    }

    /// `write` until every byte is out: a short write is followed by another for the
    /// rest, and that one reports the error (ENOSPC once the disk is full).
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // A regular file never accepts 0 bytes of a non-empty write; do not spin.
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// `strerror(code)` with a lower-case first letter, as diagnostics are worded.
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error " + String(code) }
        return first.lowercased() + text.dropFirst()
    }
}

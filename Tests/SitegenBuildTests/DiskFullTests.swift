import Foundation
import SitegenHTML
import Testing

@testable import SitegenBuild

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, build faults: a disk that fills up during a build. The output goes to a real
/// tmpfs of a few hundred KiB (tests run as root in CI; elsewhere they are skipped), so
/// the build meets a real ENOSPC, not a simulated one (`RLIMIT_FSIZE` gives EFBIG and a
/// signal, which is a different failure).
@Suite(.serialized) struct DiskFullTests {
    @Test("a build that fills the disk: a clear error naming the file, the previous dist/ intact, nothing left over")
    func fullDiskIsAClearErrorAndKeepsThePreviousOutput() throws {
        let disk = try Tmpfs(kibibytes: 256)
        defer { disk.unmount() }
        let dist = disk.path + "/dist"
        var files = BuildFaultTests.validFiles
        files["templates/page.html"] = "<h1>{{ page.title }}</h1>\n{{ page.content }}"
        let site = SiteFixture(files)
        let first = BuiltSite.build(source: site.source) { $0.output = dist }
        first.expectClean()
        let before = AtomicOutputTests.tree(dist)
        #expect(before["a/index.html"] != nil, "the earlier build fits on the disk")
        let freeBefore = disk.freeBytes

        // 40 pages of ~20 KB each: ~800 KB, more than the whole disk.
        let words = String(repeating: "lorem ipsum dolor sit amet ", count: 750)
        for i in 0..<40 { site.write(["content/big-\(i).md": "---\ntitle: Big \(i)\n---\n" + words + "\n"]) }
        let second = BuiltSite.build(source: site.source) { $0.output = dist }
        let printed = Comment(rawValue: second.printedDiagnostics)
        #expect(!second.result.succeeded, printed)

        // One error for the whole disk, naming a file it could not write, with the system's words.
        let errors = second.errors
        #expect(errors.count == 1, printed)
        let error = try #require(errors.first)
        let prefix = "cannot write '" + dist + "/", suffix = "': no space left on device"
        #expect(error.message.hasPrefix(prefix) && error.message.hasSuffix(suffix), printed)
        let named = String(error.message.dropFirst(prefix.count).dropLast(suffix.count))
        #expect(named.hasPrefix("big-") && named.hasSuffix("/index.html"), "names a page the build was writing: \(named)")
        let others = errors.first?.notes.first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        #expect(error == .cannotWrite(OutputFile.Failure(path: named, code: ENOSPC), output: dist, others: others), printed)
        #expect(error.formatted.contains("fix: free some space on the disk that holds '" + dist + "'"), printed)

        // The previous output is untouched, no staging folder is left, and every byte the
        // failed build wrote was given back (no half-written file anywhere on the disk).
        #expect(AtomicOutputTests.tree(dist) == before, "the previous dist/ is intact")
        #expect(disk.entries == ["dist"], "no staging folder is left behind: \(disk.entries)")
        #expect(disk.freeBytes == freeBefore, "the failed build's files are all gone")

        // With room again, the same site builds.
        for i in 20..<40 { site.remove("content/big-\(i).md") }
        for i in 0..<20 { site.write(["content/big-\(i).md": "---\ntitle: Big \(i)\n---\nsmall\n"]) }
        BuiltSite.build(source: site.source) { $0.output = dist }.expectClean()
    }

    @Test("a write that does not fit: ENOSPC from the short write, and no partial file")
    func writeThatDoesNotFitLeavesNoPartialFile() throws {
        let disk = try Tmpfs(kibibytes: 64)
        defer { disk.unmount() }
        let path = disk.path + "/too-big.bin"
        let bytes = [UInt8](repeating: 0x61, count: 256 * 1024)
        let code = bytes.withUnsafeBytes { OutputFile.write($0, to: path) }
        #expect(code == ENOSPC)
        #expect(!FileManager.default.fileExists(atPath: path), "the partial file was removed")
        #expect(OutputFile.describe(ENOSPC) == "no space left on device")
        // A copy onto the full disk fails on the writing side, and leaves nothing either.
        let source = TemporaryDirectory("sitegen-copy-source")
        try Data(bytes).write(to: URL(fileURLWithPath: source.path + "/big"))
        let copied = OutputFile.copy(from: source.path + "/big", to: path)
        #expect(copied?.code == ENOSPC && copied?.reading == false)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

/// A tmpfs of a fixed size mounted on a fresh temporary folder; cancels the test (with the
/// reason) when this process may not mount. ``unmount()`` it when done; it also unmounts
/// when released, before the folder is deleted.
final class Tmpfs {
    private let directory = TemporaryDirectory("sitegen-tmpfs")
    private var mounted = false
    var path: String { directory.path }

    init(kibibytes: Int) throws {
        let options = "size=\(kibibytes)k,mode=0755"
        if mount("tmpfs", directory.path, "tmpfs", 0, options) != 0 {
            let code = errno
            if code == EPERM || code == EACCES {
                try Test.cancel(Comment(rawValue: "skipped: mounting a tmpfs is not permitted here (\(OutputFile.describe(code))); run as root"))
            }
            throw BuildTestError("mount -t tmpfs -o \(options) on \(directory.path) failed: \(OutputFile.describe(code))")
        }
        mounted = true
    }

    /// Bytes free on the file system.
    var freeBytes: UInt64 {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return UInt64(info.f_bfree) * UInt64(info.f_frsize)
    }

    /// The names at the top of the file system, hidden ones included.
    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func unmount() {
        guard mounted else { return }
        if umount2(path, 0) != 0 { _ = umount2(path, Int32(MNT_DETACH)) }
        mounted = false
    }

    deinit { unmount() }
}

struct BuildTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

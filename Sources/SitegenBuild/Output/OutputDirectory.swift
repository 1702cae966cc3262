import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The build's output, written into a temporary sibling folder and swapped into place
/// only when the whole build succeeded, so a failed or interrupted build never leaves
/// a half-written `dist/`.
final class OutputDirectory: @unchecked Sendable {
    /// The final location (`dist`).
    let destination: String
    /// Where files are written until `commit()`.
    let staging: String
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    /// The files of this build: written, copied or kept.
    var fileCount: Int { lock.withLock { keptUncounted ? written.count : counted } }
    private var counted = 0
    /// Set by ``keepPreviousFiles()``: every file is in ``written`` once, so that is the count.
    private var keptUncounted = false
    /// Writes go straight into `destination` (an incremental preview build, whose
    /// failures write nothing: it renders everything first).
    let isInPlace: Bool
    /// When tracking (preview builds): what every `write` of this build wrote, by path,
    /// so the next incremental build can skip files that come out the same.
    private(set) var written: [String: WrittenFile] = [:]
    /// The part of ``written`` that differs from what the previous build wrote (in-place
    /// builds: the files whose manifest entries change).
    private(set) var fresh: [String: WrittenFile] = [:]
    private let tracks: Bool
    private let previous: [String: WrittenFile]
    /// Files that could not be written or copied, each with its `errno`.
    private(set) var failures: [OutputFile.Failure] = []

    /// A file written through `write`: its ``ContentHash`` and size.
    struct WrittenFile: Equatable, Sendable {
        var hash: UInt64
        var size: Int
    }

    /// - Parameter tracking: remember what each `write` wrote (see ``written``).
    init(destination: String, tracking: Bool = false) throws {
        isInPlace = false
        tracks = tracking
        previous = [:]
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        self.destination = url.path
        let parent = url.deletingLastPathComponent().path
        staging = parent + "/." + url.lastPathComponent + ".sitegen-" + String(ProcessInfo.processInfo.processIdentifier)
        Self.removeAbandonedStaging(parent: parent, name: url.lastPathComponent)
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Writes into `destination` itself, skipping files whose bytes are the same as
    /// `previous` says they were.
    init(inPlace destination: String, previous: [String: WrittenFile]) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        staging = self.destination
        isInPlace = true
        tracks = true
        self.previous = previous
        written.reserveCapacity(previous.count)
    }

    /// Writes `bytes` to `path` (relative, no leading slash); safe from many threads.
    /// A failure is recorded with its `errno` (see ``failures``) and leaves no partial file.
    func write(_ path: String, _ bytes: [UInt8]) {
        let full = staging + "/" + path
        var file: WrittenFile?
        if tracks {
            file = WrittenFile(hash: ContentHash.value(bytes), size: bytes.count)
            if isInPlace, previous[path] == file {
                lock.withLock {
                    written[path] = file
                    counted += 1
                }
                return
            }
        }
        ensureDirectory(of: full)
        let code = bytes.withUnsafeBytes { OutputFile.write($0, to: full) }
        record(path, code.map { OutputFile.Failure(path: path, code: $0) })
        if code == nil, let file {
            lock.withLock {
                written[path] = file
                if isInPlace { fresh[path] = file }
            }
        }
    }

    /// Counts a file a previous build wrote and this one leaves as it is (in-place builds).
    func keep(_ path: String, _ file: WrittenFile) {
        lock.withLock {
            written[path] = file
            counted += 1
        }
    }

    /// Counts files a previous build wrote and this one leaves as they are, at once.
    func keep(_ files: [(path: String, file: WrittenFile)]) {
        lock.withLock {
            for (path, file) in files { written[path] = file }
            counted += files.count
        }
    }

    /// Keeps every file the previous build wrote and this one has not (yet) written, as
    /// it is, but those in `excluded`: for an in-place build that writes the same paths as
    /// the previous one but those. A later `write` of a kept file replaces its entry.
    func keepPreviousFiles(except excluded: [String]) {
        lock.withLock {
            let mine = written
            written = previous
            for path in excluded { written[path] = nil }
            for (path, file) in mine { written[path] = file }
            keptUncounted = true
        }
    }

    /// Keeps `paths` as the previous build wrote them (in-place builds); false, and nothing
    /// kept, when one of them is unknown.
    func keepPrevious(_ paths: [String]) -> Bool {
        guard isInPlace else { return false }
        let files = paths.compactMap { previous[$0] }
        guard files.count == paths.count else { return false }
        for (path, file) in zip(paths, files) { keep(path, file) }
        return true
    }

    /// Deletes an output file a previous build wrote (in-place builds).
    func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: staging + "/" + path)
    }

    func write(_ path: String, _ text: String) { write(path, Array(text.utf8)) }

    /// Copies a file into the output (its contents: a symbolic link is followed).
    func copy(from source: String, to path: String) {
        let full = staging + "/" + path
        ensureDirectory(of: full)
        let failure = OutputFile.copy(from: source, to: full)
        record(path, failure.map { OutputFile.Failure(path: path, code: $0.code, source: $0.reading ? source : nil) })
    }

    private func record(_ path: String, _ failure: OutputFile.Failure?) {
        lock.lock()
        if let failure { failures.append(failure) } else { counted += 1 }
        lock.unlock()
    }

    private func ensureDirectory(of file: String) {
        let directory = String(file[..<(file.utf8.lastIndex(of: UInt8(ascii: "/")) ?? file.endIndex)])
        lock.lock()
        let known = createdDirectories.contains(directory)
        lock.unlock()
        if known { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        lock.lock(); createdDirectories.insert(directory); lock.unlock()
    }

    /// Staging folders of builds that were killed (`.dist.sitegen-<pid>` whose process is
    /// gone): a SIGKILL leaves them behind, the next build clears them.
    static func removeAbandonedStaging(parent: String, name: String) {
        let prefix = "." + name + ".sitegen-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            let digits = rest.hasSuffix(".old") ? rest.dropLast(4) : rest
            guard let pid = Int32(digits), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // that build is still running
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Replaces `destination` with the staged output. On Linux the two folders are
    /// swapped in one `renameat2(RENAME_EXCHANGE)`, so there is no instant at which
    /// `dist` is missing, even if the build is killed right then; elsewhere (or on a
    /// file system without it): rename the old one aside, rename the new one in, delete the old.
    func commit() throws {
        if isInPlace { return }
        #if canImport(Glibc)
        if FileManager.default.fileExists(atPath: destination), Self.exchange(staging, destination) {
            try? FileManager.default.removeItem(atPath: staging)  // now the previous output
            return
        }
        #endif
        let fm = FileManager.default
        let old = staging + ".old"
        try? fm.removeItem(atPath: old)
        let hadOld = fm.fileExists(atPath: destination)
        if hadOld { try fm.moveItem(atPath: destination, toPath: old) }
        do {
            try fm.moveItem(atPath: staging, toPath: destination)
        } catch {
            if hadOld { try? fm.moveItem(atPath: old, toPath: destination) }
            throw error
        }
        if hadOld { try? fm.removeItem(atPath: old) }
    }

    #if canImport(Glibc)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28+), looked up at run time: Swift's Glibc module does not
    /// export it (it is behind `_GNU_SOURCE`).
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }

    /// Atomically swaps two paths (`RENAME_EXCHANGE`); false when unsupported.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let atCurrentDirectory: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
    #endif

    /// Drops the staged output; `destination` is untouched.
    func discard() {
        if isInPlace { return }
        try? FileManager.default.removeItem(atPath: staging)
    }
}

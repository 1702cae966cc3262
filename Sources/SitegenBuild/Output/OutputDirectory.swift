import Foundation

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
    private(set) var fileCount = 0
    private(set) var errors: [String] = []

    init(destination: String) throws {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        self.destination = url.path
        let parent = url.deletingLastPathComponent().path
        staging = parent + "/." + url.lastPathComponent + ".sitegen-" + String(ProcessInfo.processInfo.processIdentifier)
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `path` (relative, no leading slash); safe from many threads.
    func write(_ path: String, _ bytes: [UInt8]) {
        let full = staging + "/" + path
        ensureDirectory(of: full)
        let ok = bytes.withUnsafeBytes { FileManager.default.createFile(atPath: full, contents: Data($0)) }
        lock.lock()
        if ok { fileCount += 1 } else { errors.append(path) }
        lock.unlock()
    }

    func write(_ path: String, _ text: String) { write(path, Array(text.utf8)) }

    /// Copies a file into the output.
    func copy(from source: String, to path: String) {
        let full = staging + "/" + path
        ensureDirectory(of: full)
        do {
            try? FileManager.default.removeItem(atPath: full)
            try FileManager.default.copyItem(atPath: source, toPath: full)
            lock.lock(); fileCount += 1; lock.unlock()
        } catch {
            lock.lock(); errors.append(path); lock.unlock()
        }
    }

    private func ensureDirectory(of file: String) {
        let directory = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
        lock.lock()
        let known = createdDirectories.contains(directory)
        lock.unlock()
        if known { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        lock.lock(); createdDirectories.insert(directory); lock.unlock()
    }

    /// Replaces `destination` with the staged output: rename the old one aside, rename the new one in, delete the old.
    func commit() throws {
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

    /// Drops the staged output; `destination` is untouched.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

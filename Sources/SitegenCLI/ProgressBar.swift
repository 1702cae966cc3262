import Foundation

/// A one-line progress bar on stderr, shown only on a terminal and only once a build has
/// taken more than a second (short builds print just the summary).
final class ProgressBar: @unchecked Sendable {
    let isEnabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    private let started = Date()
    private let lock = NSLock()
    private var drawn = false

    func update(_ done: Int, _ total: Int) {
        guard isEnabled, Date().timeIntervalSince(started) > 1, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(done) + "/" + String(total) + " pages"
        lock.lock()
        drawn = true
        FileHandle.standardError.write(Data(line.utf8))
        lock.unlock()
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 60) + "\r").utf8)) }
    }
}

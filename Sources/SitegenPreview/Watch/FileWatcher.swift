import Foundation

/// Finds changed files by scanning modification times and sizes. A scan of a
/// 1,000-page site takes a few milliseconds; on Linux, inotify tells whether anything
/// happened at all, so a call with nothing new costs one `read` and no scan.
///
/// Hidden files and folders (`.git`, `.sitegen`, editor swap files such as `.x.swp`)
/// and names ending in `~` are ignored.
struct FileWatcher {
    /// A file's state: modification time (ns) and size.
    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
    }

    /// Folders and files to watch, absolute.
    var roots: [String]
    /// How paths are reported: relative to this folder when inside it.
    let base: String
    private(set) var snapshot: [String: Stamp] = [:]
    /// Tells whether the watched folders saw any event (Linux); nil: scan every time.
    private var events: ChangeEvents?

    init(roots: [String], base: String) {
        self.roots = roots
        self.base = base
        #if os(Linux)
        events = ChangeEvents()
        events?.watch(Self.directories(roots))
        #endif
        snapshot = Self.scan(roots)
    }

    /// The paths added, removed or modified since the last call, sorted.
    mutating func changes() -> [String] {
        if let events {
            guard events.drain() else { return [] }
            // New folders need watches of their own; adding a watch twice is harmless.
            events.watch(Self.directories(roots))
        }
        let current = Self.scan(roots)
        var changed: [String] = []
        for (path, stamp) in current where snapshot[path] != stamp { changed.append(path) }
        for path in snapshot.keys where current[path] == nil { changed.append(path) }
        snapshot = current
        return changed.map(display).sorted()
    }

    /// Replaces the watched roots (after `sitegen.toml` named another theme); the next
    /// `changes()` reports files only because they appeared or vanished from view.
    mutating func setRoots(_ roots: [String]) {
        self.roots = roots
        events?.watch(Self.directories(roots))
        events?.markChanged()
    }

    /// The watched folders: each root folder and every folder below it, and the folder of
    /// each root file (`sitegen.toml`: editors replace a file by renaming another onto it).
    static func directories(_ roots: [String]) -> [String] {
        var result: [String] = []
        func walk(_ path: String) {
            result.append(path)
            for name in entries(of: path) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { walk(path + "/" + name) }
            }
        }
        for root in roots {
            var info = stat()
            guard lstat(root, &info) == 0 else {
                // Not there yet: its parent sees it appear.
                result.append(String(root[..<(root.lastIndex(of: "/") ?? root.endIndex)]))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { walk(root) } else { result.append(String(root[..<(root.lastIndex(of: "/") ?? root.endIndex)])) }
        }
        return result
    }

    private func display(_ path: String) -> String {
        path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The names in a folder, without hidden ones and backups (`.x.swp`, `notes.md~`).
    static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") && !name.hasSuffix("~") { names.append(name) }
        }
        return names
    }

    static func scan(_ roots: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots { walk(root, into: &result) }
        return result
    }

    private static func walk(_ path: String, into result: inout [String: Stamp]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(of: path) { walk(path + "/" + name, into: &result) }
        } else if (info.st_mode & S_IFMT) == S_IFREG {
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            result[path] = Stamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
        }
    }
}

#if os(Linux)
/// An inotify instance over some folders: whether anything in them changed since the
/// last look. Events only mark the watcher dirty; the scan finds what changed.
final class ChangeEvents {
    private let fd: Int32
    private var watched: Set<String> = []
    private var pending = false

    init?() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func watch(_ directories: [String]) {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for directory in directories where !watched.contains(directory) {
            if inotify_add_watch(fd, directory, mask) >= 0 { watched.insert(directory) }
        }
    }

    /// Makes the next `drain()` true (the roots changed).
    func markChanged() { pending = true }

    /// Reads every queued event; true when there was any (or the queue overflowed).
    func drain() -> Bool {
        var any = pending
        pending = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            any = true
            // A removed or moved folder loses its watch: forget them all, `watch` re-adds.
            watched.removeAll()
        }
        return any
    }
}
#endif

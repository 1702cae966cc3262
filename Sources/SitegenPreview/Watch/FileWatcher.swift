import Foundation

/// Finds changed files by comparing modification times and sizes with the last look.
///
/// On Linux, inotify names the entries that saw events, and only those are looked at
/// again (a `stat` each; a folder that appeared, vanished or moved is walked): an edit
/// on a 10,000-page site costs microseconds, and a call with nothing new costs one
/// `read`. When the kernel's queue overflowed, and elsewhere, every watched file is
/// scanned (a few milliseconds for 1,000 files).
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
    /// Names the entries that changed (Linux); nil: scan every time.
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
        var changed: [String] = []
        // A folder inotify could not watch (the per-user limit, `fs.inotify.max_user_watches`)
        // would hide its changes: scan every time instead.
        if events?.missedFolders == true { events = nil }
        if let events {
            switch events.drain() {
            case .nothing:
                return []
            case .entries(let paths):
                for path in paths.sorted() where isWatched(path) { update(path, into: &changed) }
                return changed.map(display).sorted()
            case .everything:
                // New folders need watches of their own; adding a watch twice is harmless.
                events.watch(Self.directories(roots))
            }
        }
        let current = Self.scan(roots)
        for (path, stamp) in current where snapshot[path] != stamp { changed.append(path) }
        for path in snapshot.keys where current[path] == nil { changed.append(path) }
        snapshot = current
        return changed.map(display).sorted()
    }

    /// A root, or inside one, and neither hidden nor a backup.
    private func isWatched(_ path: String) -> Bool {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
        return roots.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Brings the snapshot up to date for one entry an event named.
    private mutating func update(_ path: String, into changed: inout [String]) {
        var info = stat()
        let exists = lstat(path, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists && kind == S_IFREG {
            let stamp = Self.stamp(info)
            if snapshot[path] != stamp {
                snapshot[path] = stamp
                changed.append(path)
            }
            return
        }
        if snapshot.removeValue(forKey: path) != nil { changed.append(path) }
        guard !exists || kind == S_IFDIR else { return }
        // A folder that appeared, vanished, moved, or was replaced: what is below it now
        // against what was. (A folder still watched reports its own entries' events.)
        if exists, events?.isWatching(path) == true { return }
        if exists { events?.watch(Self.directories([path])) }
        var current: [String: Stamp] = [:]
        if exists { Self.walk(path, into: &current) }
        let prefix = path + "/"
        for old in snapshot.keys where old.hasPrefix(prefix) && current[old] == nil {
            snapshot[old] = nil
            changed.append(old)
        }
        for (file, stamp) in current where snapshot[file] != stamp {
            snapshot[file] = stamp
            changed.append(file)
        }
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
            result[path] = stamp(info)
        }
    }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
    }
}

#if os(Linux)
/// An inotify instance over some folders: which entries in them saw events since the
/// last look.
final class ChangeEvents {
    enum Drained {
        case nothing
        /// Absolute paths of the entries named by events (a watched folder itself when
        /// the event was about it).
        case entries(Set<String>)
        /// The queue overflowed, or the roots changed: look at everything.
        case everything
    }

    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private var descriptors: [String: Int32] = [:]
    private var pending = false
    /// A folder could not be watched (other than one that vanished meanwhile).
    private(set) var missedFolders = false

    init?() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func isWatching(_ directory: String) -> Bool { descriptors[directory] != nil }

    func watch(_ directories: [String]) {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for directory in directories where descriptors[directory] == nil {
            let wd = inotify_add_watch(fd, directory, mask)
            guard wd >= 0 else {
                if errno != ENOENT && errno != ENOTDIR { missedFolders = true }
                continue
            }
            // The same folder under a new name (it moved) keeps its descriptor.
            if let old = folders[wd] { descriptors[old] = nil }
            folders[wd] = directory
            descriptors[directory] = wd
        }
    }

    /// Makes the next `drain()` say `.everything` (the roots changed).
    func markChanged() { pending = true }

    /// Reads every queued event.
    func drain() -> Drained {
        var paths: Set<String> = []
        var overflow = pending
        pending = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= n {
                    let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let name = String(decoding: raw[(offset + header)..<min(n, offset + header + length)].prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        overflow = true
                        continue
                    }
                    guard let folder = folders[wd] else { continue }
                    paths.insert(name.isEmpty ? folder : folder + "/" + name)
                    // The folder is gone or elsewhere: its watch no longer names it.
                    if mask & UInt32(IN_IGNORED | IN_MOVE_SELF | IN_DELETE_SELF) != 0 {
                        if mask & UInt32(IN_MOVE_SELF) != 0 { inotify_rm_watch(fd, wd) }
                        folders[wd] = nil
                        descriptors[folder] = nil
                    }
                }
            }
        }
        if overflow {
            // Watches may be stale: forget them all, `watch` adds them again.
            for wd in folders.keys { inotify_rm_watch(fd, wd) }
            folders = [:]
            descriptors = [:]
            return .everything
        }
        return paths.isEmpty ? .nothing : .entries(paths)
    }
}
#endif

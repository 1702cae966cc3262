import Foundation

/// Finds changed files by scanning modification times and sizes (portable: no inotify
/// or FSEvents). A scan of a 1,000-page site takes a few milliseconds.
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

    init(roots: [String], base: String) {
        self.roots = roots
        self.base = base
        snapshot = Self.scan(roots)
    }

    /// The paths added, removed or modified since the last call, sorted.
    mutating func changes() -> [String] {
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
    }

    private func display(_ path: String) -> String {
        path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
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
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                walk(path + "/" + name, into: &result)
            }
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

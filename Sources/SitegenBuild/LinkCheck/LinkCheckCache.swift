import Foundation

/// `.sitegen/linkcheck.json`: the URLs found working, with when they were checked, so a
/// rerun within the time to live skips the network for them. Broken URLs are not kept:
/// they are checked again on every run, which is what one wants after fixing them.
///
/// ```json
/// {"version": 1, "urls": {"https://swift.org/": {"status": 200, "checked": 1717200000}}}
/// ```
struct LinkCheckCache {
    struct Entry: Codable, Equatable {
        var status: Int
        /// Seconds since 1970.
        var checked: Int
    }

    private struct File: Codable {
        var version = 1
        var urls: [String: Entry] = [:]
    }

    let path: String
    private(set) var entries: [String: Entry] = [:]

    /// Reads the file; a missing or unreadable one is an empty cache.
    init(path: String) {
        self.path = path
        if let data = FileManager.default.contents(atPath: path), let file = try? JSONDecoder().decode(File.self, from: data), file.version == 1 {
            entries = file.urls
        }
    }

    /// The entry for `url` if it was checked less than `ttl` seconds before `now`.
    func fresh(_ url: String, now: Int, ttl: Int) -> Entry? {
        guard let entry = entries[url], now - entry.checked < ttl, now >= entry.checked else { return nil }
        return entry
    }

    mutating func record(_ url: String, status: Int, now: Int) {
        entries[url] = Entry(status: status, checked: now)
    }

    mutating func forget(_ url: String) { entries[url] = nil }

    /// Writes the file (creating `.sitegen/`), sorted so it diffs well.
    func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(File(urls: entries))
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

import Foundation

/// A new Markdown page (`sitegen new page posts/my-post.md`): front matter with a title
/// made from the file name, today's date and `draft: true`.
public struct PageScaffold {
    /// The path under `content/` (`posts/my-post.md`).
    public var path: String
    public var date: String

    /// - Parameters:
    ///   - path: Under `content/`; a leading `content/` is dropped, `.md` is added when missing,
    ///     and a path ending in `/` becomes a page bundle (`…/index.md`).
    ///   - date: Defaults to now (UTC, RFC 3339).
    public init(path: String, date: String = PageScaffold.now()) {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("content/") { p.removeFirst("content/".count) }
        if p.hasSuffix("/") { p += "index.md" }
        if !p.hasSuffix(".md") { p += ".md" }
        self.path = p
        self.date = date
    }

    /// `my-first_post.md` → "My first post"; a bundle's `index.md` takes its folder's name.
    public var title: String {
        var name = (path as NSString).lastPathComponent
        if name == "index.md" || name == "_index.md" {
            name = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        }
        if name.hasSuffix(".md") { name.removeLast(3) }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard let first = words.first else { return "Untitled" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }

    public var text: String {
        """
        ---
        title: "\(title.replacingOccurrences(of: "\"", with: "\\\""))"
        date: \(date)
        draft: true
        ---

        Write here. This page is a draft: `sitegen build` leaves it out until you remove
        `draft: true` (`sitegen preview --drafts` shows it).

        """
    }

    public enum Problem: Error, Equatable {
        case exists(String)
        case noSite(String)
        case outsideContent(String)
        case cannotWrite(String)
    }

    /// Writes `content/<path>` in `site`, never over an existing file.
    /// - Returns: The file written, relative to the site.
    @discardableResult
    public func write(inSite site: String) throws(Problem) -> String {
        guard FileManager.default.fileExists(atPath: site + "/sitegen.toml") else { throw .noSite(site) }
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { throw .outsideContent(path) }
        let relative = "content/" + path
        let full = site + "/" + relative
        guard !FileManager.default.fileExists(atPath: full) else { throw .exists(relative) }
        do {
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // `.withoutOverwriting`: a file that appeared since the check is not replaced either.
            try Data(text.utf8).write(to: URL(fileURLWithPath: full), options: .withoutOverwriting)
        } catch {
            throw FileManager.default.fileExists(atPath: full) ? .exists(relative) : .cannotWrite(relative)
        }
        return relative
    }

    /// Now in UTC as RFC 3339 (`2024-06-01T09:30:00Z`); `SOURCE_DATE_EPOCH` when set.
    public static func now() -> String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// Today in UTC (`2024-06-01`).
    public static func today() -> String { String(now().prefix(10)) }
}

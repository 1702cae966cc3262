import SitegenHTML

/// What `sitegen check` found: broken links grouped by the page that has them.
public struct LinkReport: Sendable {
    /// One broken link.
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        /// The link as written (`other.md#intro`, `https://example.com/gone`).
        public var destination: String
        /// Why it is broken: `404 Not Found`, `timed out after 10 s`, `no such page`.
        public var reason: String
    }

    /// Content file → its problems in line order.
    public var pages: [String: [Problem]] = [:]
    /// Build errors, when the site did not build (then no link was checked).
    public var buildErrors: [Diagnostic] = []
    public var internalLinksChecked = 0
    public var externalLinksChecked = 0
    /// External URLs answered from the cache file instead of the network.
    public var cachedURLs = 0

    public var problemCount: Int { pages.values.reduce(0) { $0 + $1.count } }
    public var isClean: Bool { problemCount == 0 && buildErrors.isEmpty }

    mutating func add(_ problem: Problem, in file: String) { pages[file, default: []].append(problem) }

    /// The report as `sitegen check` prints it: each page, then its problems with line numbers.
    ///
    /// ```text
    /// content/docs/cli.md
    ///   12:5  other.md#instal: link to a missing anchor '#instal' (did you mean '#install'?)
    ///   40:1  https://example.com/gone: 404 Not Found
    /// ```
    public var formatted: String {
        var out = ""
        for file in pages.keys.sorted() {
            out += file + "\n"
            let problems = pages[file]!.sorted { ($0.line, $0.column, $0.destination) < ($1.line, $1.column, $1.destination) }
            let width = problems.map { (String($0.line) + ":" + String($0.column)).count }.max() ?? 0
            for p in problems {
                let place = String(p.line) + ":" + String(p.column)
                out += "  " + place + String(repeating: " ", count: width - place.count) + "  " + p.destination + ": " + p.reason + "\n"
            }
        }
        return out
    }
}

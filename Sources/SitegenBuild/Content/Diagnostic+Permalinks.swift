import SitegenContent
import SitegenHTML

/// The wording of `[permalinks]`, duplicate-URL and content-file diagnostics. Tests call
/// these factories rather than repeating the strings.
extension Diagnostic {
    /// A `:token` in a `[permalinks]` pattern that sitegen does not know.
    static func unknownPermalinkToken(_ name: String, section: String, at place: DataFile.Place?, offset: Int, length: Int) -> Diagnostic {
        let known = PermalinkPattern.tokenNames
        var location = place?.location
        // The value's place is its opening quote; the token starts `offset` scalars later.
        location?.column += 1 + offset
        return Diagnostic(
            .error, "unknown permalink token ':" + name + "' in the pattern for '" + section + "'", at: location,
            expected: "one of " + known.map { "'" + $0 + "'" }.joined(separator: ", "),
            fix: Suggestion.nearest(to: ":" + name, in: known).map { "did you mean '" + $0 + "'?" }
                ?? "use one of the tokens, or write the text without a ':' in front",
            sourceLine: place?.sourceLine, length: length)
    }

    /// A `[permalinks]` key that names no folder of `content/`.
    static func unknownPermalinkSection(_ key: String, known: [String], at place: DataFile.Place?) -> Diagnostic {
        let examples = known.prefix(6).map { "'" + $0 + "'" }.joined(separator: ", ")
        return Diagnostic(
            .warning, "[permalinks] names '" + key + "', which is not a folder of content/", at: place?.location,
            expected: known.isEmpty ? "a folder of content/, like 'posts'" : "a folder of content/: " + examples,
            fix: Suggestion.nearest(to: key, in: known).map { "did you mean '" + $0 + "'?" }
                ?? "create content/" + key + "/ or remove this line",
            sourceLine: place?.sourceLine, length: place?.length ?? 1)
    }

    /// A page whose section pattern has `:year`, `:month` or `:day` but that has no `date`.
    static func permalinkNeedsDate(_ rule: PermalinkRule, file: String, firstLine: String?) -> Diagnostic {
        var notes: [String] = []
        if let place = rule.valuePlace {
            notes.append("the pattern '" + rule.pattern.source + "' is set for '" + rule.section + "' at " + place.location.description)
        }
        return Diagnostic(
            .error, "page has no date for its permalink pattern '" + rule.pattern.source + "'",
            at: SourceLocation(file: file, line: 1, column: 1),
            expected: "a 'date' in the front matter, like date: 2024-05-01",
            fix: "add a date to the front matter, or take :year, :month and :day out of the pattern for '" + rule.section + "'",
            notes: notes, sourceLine: firstLine, length: max(1, min(firstLine?.count ?? 1, 3)))
    }

    /// Two pages (or a page and a section) that would be written to the same URL.
    static func duplicatePermalink(_ path: String, file: String, firstLine: String?, other: String) -> Diagnostic {
        Diagnostic(
            .error, "'" + file + "' has the same permalink as '" + other + "': '" + path + "'",
            at: SourceLocation(file: file, line: 1, column: 1),
            expected: "one URL per page",
            fix: "give one of them another 'slug' in its front matter, or add a token such as :slug or :day to its [permalinks] pattern",
            sourceLine: firstLine, length: max(1, min(firstLine?.count ?? 1, 3)))
    }

    /// A file of `content/` copied to a path something else writes too.
    static func contentFileCollision(_ file: String, output: String, other: String) -> Diagnostic {
        Diagnostic(
            .warning, "'" + file + "' is copied to '" + output + "', which '" + other + "' also writes",
            at: SourceLocation(file: file, line: 1, column: 1),
            expected: "one source per output file",
            fix: "rename or remove one of them; the file from content/ is kept")
    }

    /// A relative link or image to a file that is neither next to the page in `content/` nor static.
    static func brokenFileLink(_ destination: String, resolved: String, suggestion: String?, at location: SourceLocation,
                               sourceLine: String?, length: Int) -> Diagnostic {
        Diagnostic(
            .warning, "broken link to '" + destination + "'", at: location,
            expected: "a file in content/, relative to this page (content files are copied next to their section or bundle)",
            fix: suggestion.map { "did you mean '" + $0 + "'?" } ?? "add content/" + resolved + " or fix the link",
            sourceLine: sourceLine, length: length)
    }
}

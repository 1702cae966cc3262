import SitegenHTML

/// The two languages front matter, config and data files may be written in.
///
/// In front matter they are told apart by their fences.
public enum DataFormat: String, Equatable, Sendable {
    /// Between `---` lines, as Hugo and Jekyll write it.
    case yaml
    /// Between `+++` lines, as Zola and Hugo write it.
    case toml

    var fence: String { self == .yaml ? "---" : "+++" }
}

/// A content file cut at its front-matter fences.
///
/// The opening fence must be the file's first line (after an optional byte-order
/// mark); the closing fence is the next line holding only the same three characters.
/// Trailing spaces and `\r` on fence lines are ignored.
struct FrontMatterSplit: Equatable {
    /// `nil` when the file has no front matter.
    var format: DataFormat?
    /// The text between the fences.
    var frontMatter: String
    /// The 1-based file line of the front matter's first line.
    var frontMatterLine: Int
    /// Everything after the closing fence.
    var body: String
    /// How many file lines come before the body.
    var bodyLineOffset: Int

    /// Why a file could not be split.
    enum Failure: Error, Equatable {
        /// The opening fence on line 1 has no closing fence.
        case unterminated(DataFormat)
    }

    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        var rest = Substring(text)
        if rest.unicodeScalars.first == "\u{FEFF}" { rest = Substring(rest.unicodeScalars.dropFirst()) }
        // "\r\n" is one Character in Swift, so it has to be named as a separator; the
        // parts are joined with "\n" again, which is all YAML, TOML and cmark need.
        let lines = rest.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let first = lines.first, let format = fenceFormat(first) else {
            return .success(FrontMatterSplit(
                format: nil, frontMatter: "", frontMatterLine: 1, body: String(rest), bodyLineOffset: 0))
        }
        guard let close = lines.indices.dropFirst().first(where: { fenceFormat(lines[$0]) == format }) else {
            return .failure(.unterminated(format))
        }
        let frontMatter = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(
            format: format, frontMatter: frontMatter, frontMatterLine: 2, body: body, bodyLineOffset: close + 1))
    }

    private static func fenceFormat(_ line: Substring) -> DataFormat? {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        switch line {
        case "---": return .yaml
        case "+++": return .toml
        default: return nil
        }
    }
}

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
        if !rest.utf8.contains(0x0D) { return splitLF(rest) }
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

    /// `split` for text without carriage returns (nearly all files): finds the fences by
    /// scanning bytes, and takes the body as it is, instead of splitting every line of the
    /// file into Characters (grapheme breaking) and joining them again.
    private static func splitLF(_ text: Substring) -> Result<FrontMatterSplit, Failure> {
        let utf8 = text.utf8
        func lineEnd(from start: Substring.UTF8View.Index) -> Substring.UTF8View.Index {
            utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
        }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard let format = fenceFormat(text[utf8.startIndex..<firstEnd]) else {
            return .success(FrontMatterSplit(format: nil, frontMatter: "", frontMatterLine: 1, body: String(text), bodyLineOffset: 0))
        }
        guard firstEnd < utf8.endIndex else { return .failure(.unterminated(format)) }
        let frontStart = utf8.index(after: firstEnd)
        var lineStart = frontStart
        var lineIndex = 1
        while true {
            let end = lineEnd(from: lineStart)
            if fenceFormat(text[lineStart..<end]) == format {
                // The front matter without the newline before the closing fence.
                let frontEnd = lineStart > frontStart ? utf8.index(before: lineStart) : lineStart
                let body = end < utf8.endIndex ? String(text[utf8.index(after: end)...]) : ""
                return .success(FrontMatterSplit(format: format, frontMatter: String(text[frontStart..<frontEnd]),
                                                 frontMatterLine: 2, body: body, bodyLineOffset: lineIndex + 1))
            }
            guard end < utf8.endIndex else { return .failure(.unterminated(format)) }
            lineStart = utf8.index(after: end)
            lineIndex += 1
        }
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

import SitegenHTML

/// Markdown scanned for shortcodes: the text as Unicode scalars and its top-level pieces.
///
/// ```swift
/// let document = ShortcodeScanner.scan("Hi {{< kbd key=\"K\" >}}.", file: "content/a.md", lineOffset: 3)
/// document.pieces   // [.source(0..<3), .shortcode(kbd), .source(22..<23)]
/// ```
public struct ShortcodeDocument: Sendable {
    /// The scanned text.
    public let scalars: [Unicode.Scalar]
    /// Offsets where lines start (the first is 0).
    let lineStarts: [Int]
    /// Source, escapes and shortcodes, in order, covering the whole text.
    public var pieces: [ShortcodePiece]
    /// Syntax errors: unclosed or mismatched tags, bad arguments.
    public var diagnostics: [Diagnostic]
    /// Diagnostics name this file and add this many lines (the front matter's).
    public let file: String
    public let lineOffset: Int

    init(scalars: [Unicode.Scalar], file: String, lineOffset: Int) {
        self.scalars = scalars
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
        self.pieces = []
        self.diagnostics = []
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Whether the text has any shortcode (or escape) at all.
    public var isPlain: Bool { pieces.allSatisfy { if case .source = $0 { return true } else { return false } } }

    /// The text of a range.
    public func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    /// 1-based line and column of an offset, in the text (without ``lineOffset``).
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The file location of an offset.
    public func location(of offset: Int) -> SourceLocation {
        let (line, column) = position(of: offset)
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// The text of the line holding `offset`, for a diagnostic's excerpt.
    public func line(at offset: Int) -> String {
        let line = position(of: offset).line
        let start = lineStarts[line - 1]
        var end = start
        while end < scalars.count && scalars[end] != "\n" { end += 1 }
        return text(start..<end)
    }

    /// An error underlining `range` (to the end of its first line).
    public func diagnostic(_ message: String, at range: Range<Int>, severity: Diagnostic.Severity = .error,
                           expected: String? = nil, fix: String? = nil, notes: [String] = []) -> Diagnostic {
        let excerpt = line(at: range.lowerBound)
        let column = position(of: range.lowerBound).column
        let length = max(1, min(range.count, excerpt.unicodeScalars.count - column + 1))
        return Diagnostic(severity, message, at: location(of: range.lowerBound), expected: expected, fix: fix,
                          notes: notes, sourceLine: excerpt, length: length)
    }

    /// Joins `pieces` into Markdown, each shortcode replaced by what `placeholder` returns,
    /// with the map from the joined text back to this one.
    public func assemble(_ pieces: [ShortcodePiece], placeholder: (Shortcode) -> String) -> (markdown: String, map: SourceMap) {
        var out = String.UnicodeScalarView()
        var map = SourceMap(original: self)
        for piece in pieces {
            switch piece {
            case .source(let range):
                map.add(at: out.count, original: range.lowerBound)
                out.append(contentsOf: scalars[range])
            case .literal(let text, let range):
                map.add(at: out.count, original: range.lowerBound)
                out.append(contentsOf: text.unicodeScalars)
            case .shortcode(let shortcode):
                map.add(at: out.count, original: shortcode.tag.lowerBound)
                out.append(contentsOf: placeholder(shortcode).unicodeScalars)
            }
        }
        map.finish(String(out))
        return (String(out), map)
    }
}

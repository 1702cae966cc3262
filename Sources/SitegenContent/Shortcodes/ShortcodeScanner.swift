import SitegenHTML

/// Finds shortcodes in Markdown before cmark-gfm sees it (cmark would turn `{{< … >}}`
/// into text and entities, and split it across nodes).
///
/// Shortcodes are recognised everywhere except in fenced code blocks and inline code
/// spans, so documentation can show them. Hugo's escape `{{</* name */>}}` (also inside
/// code) is written out as `{{< name >}}`, and so is `\{{< name >}}` outside code.
///
/// Whether `{{< name >}}` opens a paired shortcode is decided by `takesBody`: `true` or
/// `false` from the shortcode's declaration, or `nil` to look for a later `{{< /name >}}`.
///
/// ```swift
/// let document = ShortcodeScanner.scan(markdown, file: "content/a.md", lineOffset: 3) { name in
///     name == "note" ? true : nil
/// }
/// for d in document.diagnostics { print(d.formatted) }
/// ```
public struct ShortcodeScanner {
    var document: ShortcodeDocument
    var scalars: [Unicode.Scalar] { document.scalars }
    var count: Int { document.scalars.count }

    /// A tag found by the first pass.
    struct Tag {
        enum Kind { case open, close, selfClosing }
        var name: String
        var kind: Kind
        var arguments: [Shortcode.Argument]
        var range: Range<Int>
    }

    enum Token {
        case tag(Tag)
        case escape(String, Range<Int>)
        var range: Range<Int> {
            switch self {
            case .tag(let t): return t.range
            case .escape(_, let r): return r
            }
        }
    }

    /// Scans `markdown` for shortcodes.
    ///
    /// - Parameters:
    ///   - markdown: A page body.
    ///   - file: The content file, for diagnostics.
    ///   - lineOffset: Lines before the body (front matter), added to reported lines.
    ///   - takesBody: Whether a shortcode has a body; nil decides by looking for its closing tag.
    public static func scan(_ markdown: String, file: String, lineOffset: Int = 0,
                            takesBody: (String) -> Bool? = { _ in nil }) -> ShortcodeDocument {
        var scanner = ShortcodeScanner(document: ShortcodeDocument(scalars: Array(markdown.unicodeScalars), file: file, lineOffset: lineOffset))
        // Fast path: most pages have no shortcode at all.
        guard markdown.utf8.contains(0x7B) else {
            scanner.document.pieces = scanner.count == 0 ? [] : [.source(0..<scanner.count)]
            return scanner.document
        }
        let tokens = scanner.tokens()
        scanner.document.pieces = scanner.tree(tokens, takesBody: takesBody)
        return scanner.document
    }

    // MARK: Tokens

    /// Tags and escapes in document order, skipping code.
    mutating func tokens() -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var fence: (marker: Unicode.Scalar, length: Int)? = nil
        var inCode = false
        var atLineStart = true
        while i < count {
            if atLineStart {
                atLineStart = false
                let line = fenceMarker(at: i)
                if let open = fence {
                    inCode = true
                    if let line, line.marker == open.marker, line.length >= open.length, line.restIsBlank { fence = nil }
                } else if let line {
                    fence = (line.marker, line.length)
                    inCode = true
                } else {
                    inCode = false
                }
            }
            let c = scalars[i]
            if c == "\n" {
                atLineStart = true
                i += 1
                continue
            }
            if c == "{", let escape = escape(at: i) {
                tokens.append(escape)
                i = escape.range.upperBound
                continue
            }
            if inCode {
                i += 1
                continue
            }
            if c == "\\" && i + 1 < count && scalars[i + 1] == "{" && starts("{{<", at: i + 1) {
                // `\{{<`: cmark drops the backslash, so the tag shows as written.
                i += 4
                continue
            }
            if c == "`" {
                i = afterCodeSpan(at: i)
                continue
            }
            if c == "{" && starts("{{<", at: i) {
                if let tag = tag(at: i) {
                    tokens.append(.tag(tag))
                    i = tag.range.upperBound
                } else {
                    i += 3
                }
                continue
            }
            i += 1
        }
        return tokens
    }

    func starts(_ text: String, at i: Int) -> Bool {
        var j = i
        for c in text.unicodeScalars {
            guard j < count, scalars[j] == c else { return false }
            j += 1
        }
        return true
    }

    func find(_ text: String, from start: Int) -> Int? {
        var i = start
        while i < count {
            if starts(text, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// `{{</* name */>}}` → `{{< name >}}` (Hugo's way to show a shortcode).
    func escape(at i: Int) -> Token? {
        guard starts("{{</*", at: i), let end = find("*/>}}", from: i + 5) else { return nil }
        return .escape("{{<" + document.text((i + 5)..<end) + ">}}", i..<(end + 5))
    }

    /// A code fence at the start of the line at `i`: three or more backticks or tildes,
    /// after indentation, blockquote markers and list markers.
    func fenceMarker(at start: Int) -> (marker: Unicode.Scalar, length: Int, restIsBlank: Bool)? {
        var i = start
        while i < count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == ">" {
                i += 1
            } else if (c == "-" || c == "*" || c == "+") && i + 1 < count && scalars[i + 1] == " " {
                i += 2
            } else if c.isDigit {
                var j = i
                while j < count && scalars[j].isDigit { j += 1 }
                guard j + 1 < count, scalars[j] == "." || scalars[j] == ")", scalars[j + 1] == " " else { break }
                i = j + 2
            } else {
                break
            }
        }
        guard i < count, scalars[i] == "`" || scalars[i] == "~" else { return nil }
        let marker = scalars[i]
        var length = 0
        while i < count && scalars[i] == marker {
            length += 1
            i += 1
        }
        guard length >= 3 else { return nil }
        var restIsBlank = true
        while i < count && scalars[i] != "\n" {
            if scalars[i] != " " && scalars[i] != "\t" { restIsBlank = false }
            if marker == "`" && scalars[i] == "`" { return nil }  // not a fence: an inline code span
            i += 1
        }
        return (marker, length, restIsBlank)
    }

    /// After the code span opened by the backtick run at `i`, or after the run when it
    /// is never closed (then the backticks are text). A span does not cross a blank line.
    func afterCodeSpan(at start: Int) -> Int {
        var i = start
        while i < count && scalars[i] == "`" { i += 1 }
        let length = i - start
        var lineIsBlank = false
        while i < count {
            let c = scalars[i]
            if c == "\n" {
                if lineIsBlank { break }
                lineIsBlank = true
                i += 1
                continue
            }
            if c != " " && c != "\t" { lineIsBlank = false }
            if c == "`" {
                let run = i
                while i < count && scalars[i] == "`" { i += 1 }
                if i - run == length { return i }
                continue
            }
            i += 1
        }
        return start + length
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isNameStart: Bool { (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || self == "_" }
    var isNameCharacter: Bool { isNameStart || isDigit || self == "-" }
    var isSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" }
}

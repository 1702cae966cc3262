/// Writes code as HTML: each token in a `<span class="tok-…">`, everything escaped.
///
/// With line numbers or emphasised lines, every line becomes
/// `<span class="line">` (or `"line hl"`) holding an optional `<span class="ln">N</span>`,
/// the line's tokens and its newline. Tokens that span lines (block comments, multi-line
/// strings) are closed at each line's end and reopened on the next, so every line is
/// well-formed HTML on its own. Without either option the output has no line spans.
struct TokenRenderer {
    let source: UnsafeBufferPointer<UInt8>
    let options: CodeBlockOptions

    /// Bytes of one span's opening and closing tags, at most: `<span class="tok-builtin">` and `</span>`.
    private static let spanOverhead = 26 + 7
    /// Bytes of one line's wrapper, at most, without the number: `<span class="line hl">`,
    /// `<span class="ln">`, `</span>` and `\n</span>`.
    private static let lineOverhead = 22 + 17 + 7 + 8

    /// An upper bound on the bytes ``render(_:into:)`` writes for `tokens`.
    func capacity(for tokens: [Token]) -> Int {
        let text = HTMLWriter.escapedCapacity(source)
        guard options.wrapsLines else { return text + tokens.count * Self.spanOverhead }
        let lines = Self.lineCount(source)
        let width = LineWriter.numberWidth(options, lineCount: lines)
        return text + (tokens.count + lines) * Self.spanOverhead + lines * (Self.lineOverhead + width)
    }

    /// Renders `tokens` (sorted, non-overlapping) over ``source`` into `output`, which
    /// must have room for ``capacity(for:)`` bytes.
    func render(_ tokens: [Token], into output: inout HTMLWriter) {
        guard options.wrapsLines else {
            var cursor = 0
            for token in tokens {
                output.appendEscaped(source, cursor..<token.range.lowerBound)
                output.append(token.kind.openTag)
                output.appendEscaped(source, token.range)
                output.append("</span>")
                cursor = token.range.upperBound
            }
            output.appendEscaped(source, cursor..<source.count)
            return
        }
        var lines = LineWriter(options: options, lineCount: Self.lineCount(source))
        var cursor = 0
        for token in tokens {
            lines.write(source, cursor..<token.range.lowerBound, kind: nil, into: &output)
            lines.write(source, token.range, kind: token.kind, into: &output)
            cursor = token.range.upperBound
        }
        lines.write(source, cursor..<source.count, kind: nil, into: &output)
        lines.finish(into: &output)
    }

    /// Lines in `source`: newlines, plus one for text after the last newline.
    static func lineCount(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in source where byte == 0x0A { count += 1 }
        if let last = source.last, last != 0x0A { count += 1 }
        return count
    }

    /// Opens each line lazily, when its first byte is written, so a final newline
    /// does not leave an empty numbered line behind.
    private struct LineWriter {
        let options: CodeBlockOptions
        let width: Int
        var line = 1
        var isOpen = false

        init(options: CodeBlockOptions, lineCount: Int) {
            self.options = options
            width = Self.numberWidth(options, lineCount: lineCount)
        }

        /// Line numbers are padded with spaces to the widest one, so they line up.
        static func numberWidth(_ options: CodeBlockOptions, lineCount: Int) -> Int {
            guard options.lineNumbers else { return 0 }
            let last = options.firstLineNumber.addingReportingOverflow(max(lineCount, 1) - 1).partialValue
            return max(HTMLWriter.width(of: options.firstLineNumber), HTMLWriter.width(of: last))
        }

        mutating func write(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, kind: TokenKind?, into output: inout HTMLWriter) {
            var index = range.lowerBound
            while index < range.upperBound {
                var lineEnd = index
                while lineEnd < range.upperBound, source[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > index {
                    open(into: &output)
                    if let kind { output.append(kind.openTag) }
                    output.appendEscaped(source, index..<lineEnd)
                    if kind != nil { output.append("</span>") }
                }
                if lineEnd < range.upperBound {
                    open(into: &output)
                    output.append("\n</span>")
                    isOpen = false
                    line += 1
                    index = lineEnd + 1
                } else {
                    index = lineEnd
                }
            }
        }

        private mutating func open(into output: inout HTMLWriter) {
            guard !isOpen else { return }
            isOpen = true
            output.append(options.isHighlighted(line: line) ? "<span class=\"line hl\">" : "<span class=\"line\">")
            if options.lineNumbers {
                output.append("<span class=\"ln\">")
                output.append(options.firstLineNumber &+ line &- 1, paddedTo: width)
                output.append("</span>")
            }
        }

        mutating func finish(into output: inout HTMLWriter) {
            if isOpen { output.append("</span>") }
        }
    }
}

extension TokenKind {
    /// `<span class="tok-…">`, as a literal so rendering copies it without reference counting.
    var openTag: StaticString {
        switch self {
        case .keyword: "<span class=\"tok-kw\">"
        case .type: "<span class=\"tok-type\">"
        case .function: "<span class=\"tok-fn\">"
        case .string: "<span class=\"tok-str\">"
        case .number: "<span class=\"tok-num\">"
        case .comment: "<span class=\"tok-com\">"
        case .operator: "<span class=\"tok-op\">"
        case .punctuation: "<span class=\"tok-punc\">"
        case .variable: "<span class=\"tok-var\">"
        case .attribute: "<span class=\"tok-attr\">"
        case .tag: "<span class=\"tok-tag\">"
        case .builtin: "<span class=\"tok-builtin\">"
        case .constant: "<span class=\"tok-const\">"
        case .meta: "<span class=\"tok-meta\">"
        case .inserted: "<span class=\"tok-ins\">"
        case .deleted: "<span class=\"tok-del\">"
        }
    }
}

/// Writes code as HTML: each token in a `<span class="tok-…">`, everything escaped.
///
/// With line numbers or emphasised lines, every line becomes
/// `<span class="line">` (or `"line hl"`) holding an optional `<span class="ln">N</span>`,
/// the line's tokens and its newline. Tokens that span lines (block comments, multi-line
/// strings) are closed at each line's end and reopened on the next, so every line is
/// well-formed HTML on its own. Without either option the output has no line spans.
struct TokenRenderer {
    /// `<span class="tok-…">` for each ``TokenKind``, by raw value.
    private static let openTags: [[UInt8]] = TokenKind.allCases.map { Array("<span class=\"\($0.cssClass)\">".utf8) }

    let source: UnsafeBufferPointer<UInt8>
    let options: CodeBlockOptions

    /// Renders `tokens` (sorted, non-overlapping) over ``source`` into `output`.
    func render(_ tokens: [Token], into output: inout HTMLBytes) {
        guard options.wrapsLines else {
            var cursor = 0
            for token in tokens {
                output.appendEscaped(source, cursor..<token.range.lowerBound)
                output.append(Self.openTags[Int(token.kind.rawValue)])
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
            var width = 1
            var last = options.firstLineNumber + max(lineCount, 1) - 1
            while last >= 10 {
                width += 1
                last /= 10
            }
            self.width = width
        }

        mutating func write(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, kind: TokenKind?, into output: inout HTMLBytes) {
            var index = range.lowerBound
            while index < range.upperBound {
                var lineEnd = index
                while lineEnd < range.upperBound, source[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > index {
                    open(into: &output)
                    if let kind { output.append(TokenRenderer.openTags[Int(kind.rawValue)]) }
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

        private mutating func open(into output: inout HTMLBytes) {
            guard !isOpen else { return }
            isOpen = true
            output.append(options.isHighlighted(line: line) ? "<span class=\"line hl\">" : "<span class=\"line\">")
            if options.lineNumbers {
                output.append("<span class=\"ln\">")
                output.append(options.firstLineNumber + line - 1, paddedTo: width)
                output.append("</span>")
            }
        }

        mutating func finish(into output: inout HTMLBytes) {
            if isOpen { output.append("</span>") }
        }
    }
}

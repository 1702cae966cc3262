/// The lexer for YAML, a line at a time.
///
/// A scalar followed by `: ` is a key (attribute); other scalars are values: numbers,
/// constants (`true`, `null`, `~`, …) or strings. `&anchors` and `*aliases` are
/// variables, `!tags` types, `---` and `%` directives meta. After a `|` or `>` block
/// scalar indicator, the lines indented deeper than the line holding it are a string.
struct YAMLLexer {
    static let constants = WordTable([(.constant, "true false yes no on off null ~")], ignoringCase: true)

    /// Brackets of flow collections (`[a, b]`, `{a: 1}`) still open.
    var flowDepth = 0
    /// The indentation of the line that started a block scalar, while in one.
    var blockScalarIndent: Int?

    mutating func run(_ s: inout Scanner) {
        while s.position < s.end {
            let lineStart = s.position
            var indent = 0
            while s.byte(at: lineStart + indent) == UInt8(ascii: " ") { indent += 1 }
            let lineEnd = s.lineEnd(from: lineStart)
            if let parent = blockScalarIndent {
                if lineStart + indent >= lineEnd || indent > parent {
                    s.position = lineStart + indent
                    s.emit(.string, s.position..<lineEnd)
                    s.position = min(lineEnd + 1, s.end)
                    continue
                }
                blockScalarIndent = nil
            }
            s.position = lineStart + indent
            if indent == 0, flowDepth == 0 {
                if (s.matches("---") || s.matches("...")), s.peek(3).isWhitespace || s.position + 3 == s.end {
                    s.position += 3
                    s.emit(.meta, from: lineStart)
                } else if s.peek() == UInt8(ascii: "%") {
                    s.position = lineEnd
                    s.emit(.meta, from: lineStart)
                }
            }
            lexLine(&s, indent: indent)
            if s.position < s.end, s.bytes[s.position] == 0x0A { s.position += 1 }
        }
    }

    /// Lexes up to the end of the line (more, when a quoted scalar spans lines).
    private mutating func lexLine(_ s: inout Scanner, indent: Int) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            let next = s.peek(1)
            let separated = next.isWhitespace || s.position + 1 >= s.end
            switch byte {
            case 0x0A:
                return
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                s.position += 1
            case UInt8(ascii: "#"):
                s.skipToLineEnd()
                s.emit(.comment, from: start)
            case UInt8(ascii: "-") where separated, UInt8(ascii: "?") where separated, UInt8(ascii: ":") where separated:
                punctuation(&s)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                punctuation(&s)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                punctuation(&s)
            case UInt8(ascii: ",") where flowDepth > 0:
                punctuation(&s)
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                s.position += 1
                while s.position < s.end, !s.bytes[s.position].isWhitespace, !isFlowIndicator(s.bytes[s.position]) { s.position += 1 }
                s.emit(.variable, from: start)
            case UInt8(ascii: "!"):
                s.position += 1
                while s.position < s.end, !s.bytes[s.position].isWhitespace { s.position += 1 }
                s.emit(.type, from: start)
            case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
                s.position += 1
                while s.position < s.end, s.bytes[s.position] == UInt8(ascii: "-") || s.bytes[s.position] == UInt8(ascii: "+")
                    || s.bytes[s.position].isDigit {
                    s.position += 1
                }
                s.emit(.operator, from: start)
                blockScalarIndent = indent
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexQuoted(&s, quote: byte)
                if isKeyEnd(s, at: skipBlanks(s, from: s.position)) { s.restyleLast(as: .attribute) }
            default:
                lexPlain(&s)
            }
        }
    }

    private func punctuation(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        s.emit(.punctuation, from: start)
    }

    private func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    private func skipBlanks(_ s: Scanner, from index: Int) -> Int {
        var index = index
        while index < s.end, s.bytes[index] == UInt8(ascii: " ") || s.bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    /// Whether a `:` that ends a key is at `index`.
    private func isKeyEnd(_ s: Scanner, at index: Int) -> Bool {
        guard s.byte(at: index) == UInt8(ascii: ":") else { return false }
        let next = s.byte(at: index + 1)
        return index + 1 >= s.end || next.isWhitespace || (flowDepth > 0 && isFlowIndicator(next))
    }

    private func lexQuoted(_ s: inout Scanner, quote: UInt8) {
        let start = s.position
        s.position += 1
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte == quote {
                // `''` is a quote inside a single-quoted scalar.
                if quote == UInt8(ascii: "'"), s.peek(1) == quote {
                    s.position += 2
                    continue
                }
                s.position += 1
                break
            }
            s.position += byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") ? 2 : 1
        }
        s.position = min(s.position, s.end)
        s.emit(.string, from: start)
    }

    /// A plain (unquoted) scalar: a key when `: ` follows, else a value up to ` #` or the line's end.
    private func lexPlain(_ s: inout Scanner) {
        let start = s.position
        var end = start
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte == 0x0A || (flowDepth > 0 && isFlowIndicator(byte)) { break }
            if byte == UInt8(ascii: "#"), s.position > start, s.bytes[s.position - 1].isBlank { break }
            if byte == UInt8(ascii: ":"), isKeyEnd(s, at: s.position) {
                if s.position == start {
                    // A lone `:` before a flow indicator (`{a:}`).
                    s.position += 1
                    s.emit(.punctuation, from: start)
                } else {
                    s.emit(.attribute, start..<end)
                }
                return
            }
            s.position += 1
            if !byte.isBlank { end = s.position }
        }
        if end == start {
            s.position = max(s.position, start + 1)
            return
        }
        let range = start..<end
        if let kind = Self.constants.kind(of: s.bytes, range) {
            s.emit(kind, range)
        } else if isNumber(s, range) {
            s.emit(.number, range)
        } else {
            s.emit(.string, range)
        }
    }

    private func isNumber(_ s: Scanner, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        if s.bytes[index] == UInt8(ascii: "-") || s.bytes[index] == UInt8(ascii: "+") { index += 1 }
        if s.matches(".inf", at: index) || s.matches(".nan", at: index) || s.matches(".Inf", at: index) {
            return index + 4 == range.upperBound
        }
        guard index < range.upperBound, s.bytes[index].isDigit || s.bytes[index] == UInt8(ascii: ".") else { return false }
        var digits = 0
        while index < range.upperBound {
            let byte = s.bytes[index]
            if byte.isDigit {
                digits += 1
            } else if !(byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte | 0x20 == UInt8(ascii: "e")
                        || byte | 0x20 == UInt8(ascii: "x") || byte | 0x20 == UInt8(ascii: "o") || byte.isHexDigit
                        || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && s.bytes[index - 1] | 0x20 == UInt8(ascii: "e"))) {
                return false
            }
            index += 1
        }
        return digits > 0
    }
}

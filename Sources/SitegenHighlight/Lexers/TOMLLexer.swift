/// The lexer for TOML: keys (bare, quoted or dotted) before `=` are attributes, `[table]`
/// headers are types, and values are strings, numbers (dates and times included) and
/// the constants `true` and `false`.
struct TOMLLexer {
    /// Whether a key may come next: at the start of a line or inside an inline table.
    var expectsKey = true
    /// Open `[` of array values; header brackets only count at depth 0.
    var arrayDepth = 0
    var inlineTableDepth = 0

    mutating func run(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            switch byte {
            case 0x0A:
                s.position += 1
                if arrayDepth == 0, inlineTableDepth == 0 { expectsKey = true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                s.position += 1
            case UInt8(ascii: "#"):
                s.skipToLineEnd()
                s.emit(.comment, from: start)
            case UInt8(ascii: "[") where expectsKey && arrayDepth == 0 && inlineTableDepth == 0:
                lexHeader(&s)
            case UInt8(ascii: "["):
                arrayDepth += 1
                punctuation(&s)
                expectsKey = false
            case UInt8(ascii: "]"):
                arrayDepth = max(0, arrayDepth - 1)
                punctuation(&s)
            case UInt8(ascii: "{"):
                inlineTableDepth += 1
                punctuation(&s)
                expectsKey = true
            case UInt8(ascii: "}"):
                inlineTableDepth = max(0, inlineTableDepth - 1)
                punctuation(&s)
            case UInt8(ascii: ","):
                punctuation(&s)
                if inlineTableDepth > 0 { expectsKey = true }
            case UInt8(ascii: "."):
                punctuation(&s)
            case UInt8(ascii: "="):
                s.position += 1
                s.emit(.operator, from: start)
                expectsKey = false
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString(&s, quote: byte)
                if expectsKey { s.restyleLast(as: .attribute) }
            default:
                lexBare(&s)
            }
        }
    }

    private func punctuation(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        s.emit(.punctuation, from: start)
    }

    /// `[table]` or `[[array.of.tables]]`.
    private func lexHeader(_ s: inout Scanner) {
        let start = s.position
        let double = s.peek(1) == UInt8(ascii: "[")
        s.position += double ? 2 : 1
        s.emit(.punctuation, from: start)
        let nameStart = s.position
        while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "]"), s.bytes[s.position] != 0x0A { s.position += 1 }
        s.emit(.type, from: nameStart)
        let closeStart = s.position
        while s.position < s.end, s.position - closeStart < (double ? 2 : 1), s.bytes[s.position] == UInt8(ascii: "]") {
            s.position += 1
        }
        s.emit(.punctuation, from: closeStart)
    }

    private func lexString(_ s: inout Scanner, quote: UInt8) {
        let start = s.position
        let triple = s.peek(1) == quote && s.peek(2) == quote
        s.position += triple ? 3 : 1
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte == quote, !triple || (s.peek(1) == quote && s.peek(2) == quote) {
                s.position += triple ? 3 : 1
                // `""""` and `"""""` end a multi-line string with quotes in it.
                while triple, s.position < s.end, s.bytes[s.position] == quote, s.position - start < 8 { s.position += 1 }
                break
            }
            if byte == 0x0A, !triple { break }
            s.position += byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") ? 2 : 1
        }
        s.position = min(s.position, s.end)
        s.emit(.string, from: start)
    }

    private mutating func lexBare(_ s: inout Scanner) {
        let start = s.position
        if expectsKey {
            while s.position < s.end, s.bytes[s.position].isIdentifierPart || s.bytes[s.position] == UInt8(ascii: "-") {
                s.position += 1
            }
            if s.position == start { s.position += 1 } else { s.emit(.attribute, from: start) }
            return
        }
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let isDateTimeSpace = byte == UInt8(ascii: " ") && s.position > start && s.bytes[s.position - 1].isDigit
                && s.peek(1).isDigit && s.peek(3) == UInt8(ascii: ":")
            guard byte.isIdentifierPart || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: ".") || isDateTimeSpace else { break }
            s.position += 1
        }
        if s.position == start {
            s.position += 1
            return
        }
        let first = s.bytes[start]
        if s.matches("true", at: start) && s.position - start == 4 || s.matches("false", at: start) && s.position - start == 5 {
            s.emit(.constant, from: start)
        } else if first.isDigit || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                    || s.matches("inf", at: start) || s.matches("nan", at: start) {
            s.emit(.number, from: start)
        }
    }
}

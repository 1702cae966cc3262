// Literals whose prefix is a word, for ``CLikeLexer``: Python's `rb"…"` and `f"…"`,
// Rust's `r#"…"#` and `b'x'`, C and C++'s `u8"…"` and C++'s `R"delim(…)delim"`.

extension CLikeLexer {
    /// Strings introduced by the word just lexed: Python's `rb"…"` and `f"…"`, Rust's
    /// `r#"…"#` and `b'x'`, C++'s `u8"…"` and `R"(…)"`.
    ///
    /// - Returns: Whether the word was such a prefix (the literal is then lexed).
    mutating func lexStringPrefix(_ s: inout Scanner, wordStart: Int) -> Bool {
        let next = s.peek()
        let length = s.position - wordStart
        guard length <= 3 else { return false }
        var raw = false
        var format = false
        for index in wordStart..<s.position {
            switch s.bytes[index] {
            case UInt8(ascii: "r"), UInt8(ascii: "R"): raw = true
            case UInt8(ascii: "f"), UInt8(ascii: "F"): format = true
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "c"),
                 UInt8(ascii: "L"), UInt8(ascii: "8"):
                break
            default: return false
            }
        }
        switch syntax.family {
        case .python:
            guard next == UInt8(ascii: "\"") || next == UInt8(ascii: "'"), length <= 2 else { return false }
            var form = StringForm(quote: next)
            if format { form.interpolation = .brace }
            if (next == UInt8(ascii: "\"") && s.matches("\"\"\"")) || (next == UInt8(ascii: "'") && s.matches("'''")) {
                form.quoteCount = 3
                form.multiline = true
            }
            s.position += form.quoteCount
            lexString(&s, from: wordStart, form)
            return true
        case .rust:
            if raw {
                var hashes = 0
                while s.peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                guard s.peek(hashes) == UInt8(ascii: "\"") else {
                    if hashes == 1, length == 1, s.peek(1).isIdentifierStart {
                        // A raw identifier, `r#type`.
                        s.position += 1
                        s.skipIdentifier()
                        expressionStart = false
                        return true
                    }
                    return false
                }
                s.position += hashes + 1
                lexString(&s, from: wordStart, StringForm(quote: UInt8(ascii: "\""), hashes: hashes, escapes: false, multiline: true))
                return true
            }
            guard length == 1, next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") else { return false }
            s.position += 1
            lexString(&s, from: wordStart, StringForm(quote: next, multiline: next == UInt8(ascii: "\"")))
            return true
        case .c, .cpp:
            guard next == UInt8(ascii: "\"") || next == UInt8(ascii: "'"), !format else { return false }
            if raw {
                guard syntax.family == .cpp, next == UInt8(ascii: "\""), s.bytes[s.position - 1] == UInt8(ascii: "R") else { return false }
                lexDelimitedRawString(&s, from: wordStart)
                return true
            }
            s.position += 1
            lexString(&s, from: wordStart, StringForm(quote: next))
            return true
        case .swift, .go, .javascript:
            return false
        }
    }

    /// C++'s `R"delim(…)delim"`; `s.position` is at the `"`.
    private mutating func lexDelimitedRawString(_ s: inout Scanner, from start: Int) {
        s.position += 1
        let delimiterStart = s.position
        while s.position < s.end, s.position - delimiterStart <= 16, s.bytes[s.position] != UInt8(ascii: "("),
              !s.bytes[s.position].isWhitespace, s.bytes[s.position] != UInt8(ascii: "\"") {
            s.position += 1
        }
        guard s.peek() == UInt8(ascii: "(") else {
            lexString(&s, from: start, StringForm(quote: UInt8(ascii: "\"")))
            return
        }
        let delimiter = delimiterStart..<s.position
        s.position += 1
        search: while s.position < s.end {
            if s.bytes[s.position] == UInt8(ascii: ")") {
                var index = s.position + 1
                for offset in delimiter {
                    if s.byte(at: index) != s.bytes[offset] {
                        s.position += 1
                        continue search
                    }
                    index += 1
                }
                if s.byte(at: index) == UInt8(ascii: "\"") {
                    s.position = index + 1
                    break
                }
            }
            s.position += 1
        }
        s.emit(.string, from: start)
        expressionStart = false
    }
}

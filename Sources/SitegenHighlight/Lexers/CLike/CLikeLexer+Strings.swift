// String, character and regular-expression literals, and the `#` and `@` forms, for
// ``CLikeLexer``. Every scan ends at its closing delimiter, at the end of the line for a
// single-line form, or at the end of the code: an unterminated literal colours the rest
// of its line (or of the code) and lexing goes on.

/// How one kind of string literal is spelled.
struct StringForm {
    enum Interpolation { case none, swift, dollarBrace, brace }

    var quote: UInt8
    /// 1, or 3 for `"""` and `'''`.
    var quoteCount = 1
    /// Raw-string hashes: Rust's `r#"…"#`, Swift's `#"…"#` (whose escapes are `\#`).
    var hashes = 0
    var escapes = true
    var multiline = false
    var interpolation = Interpolation.none
}

extension CLikeLexer {
    /// Lexes a string whose opening delimiter ends at `s.position`; the token starts at `start`.
    mutating func lexString(_ s: inout Scanner, from start: Int, _ form: StringForm) {
        var start = start
        expressionStart = false
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte == form.quote, closes(s, form) {
                s.position += form.quoteCount + form.hashes
                s.emit(.string, from: start)
                return
            }
            switch byte {
            case UInt8(ascii: "\\") where form.escapes && hashesFollow(s, s.position + 1, form.hashes):
                let after = s.position + 1 + form.hashes
                if form.interpolation == .swift, s.byte(at: after) == UInt8(ascii: "("),
                   interpolate(&s, stringStart: &start, openerEnd: after + 1, closer: UInt8(ascii: ")")) {
                    continue
                }
                s.position = min(after + 1, s.end)
            case UInt8(ascii: "$") where form.interpolation == .dollarBrace && s.peek(1) == UInt8(ascii: "{"):
                if !interpolate(&s, stringStart: &start, openerEnd: s.position + 2, closer: UInt8(ascii: "}")) {
                    s.position += 1
                }
            case UInt8(ascii: "{") where form.interpolation == .brace:
                if s.peek(1) == UInt8(ascii: "{") {
                    s.position += 2
                } else if !interpolate(&s, stringStart: &start, openerEnd: s.position + 1, closer: UInt8(ascii: "}")) {
                    s.position += 1
                }
            case UInt8(ascii: "\n") where !form.multiline:
                s.emit(.string, from: start)
                return
            default:
                s.position += 1
            }
        }
        s.emit(.string, from: start)
    }

    private func closes(_ s: Scanner, _ form: StringForm) -> Bool {
        var index = s.position + 1
        for _ in 1..<form.quoteCount {
            guard s.byte(at: index) == form.quote else { return false }
            index += 1
        }
        return hashesFollow(s, index, form.hashes)
    }

    private func hashesFollow(_ s: Scanner, _ index: Int, _ count: Int) -> Bool {
        for offset in 0..<count where s.byte(at: index + offset) != UInt8(ascii: "#") { return false }
        return true
    }

    /// Colours `\(…)`, `${…}` or `{…}` inside a string as code.
    ///
    /// - Returns: `false`, having done nothing, when nesting is already too deep.
    private mutating func interpolate(_ s: inout Scanner, stringStart: inout Int, openerEnd: Int, closer: UInt8) -> Bool {
        guard nesting < Self.maxNesting else { return false }
        s.emit(.string, stringStart..<s.position)
        let openerStart = s.position
        s.position = min(openerEnd, s.end)
        s.emit(.punctuation, from: openerStart)
        let saved = (expressionStart, afterDot, pendingName)
        (expressionStart, afterDot, pendingName) = (true, false, nil)
        nesting += 1
        let closed = lexCode(&s, closer: closer)
        nesting -= 1
        (expressionStart, afterDot, pendingName) = saved
        if closed {
            let closerStart = s.position
            s.position += 1
            s.emit(.punctuation, from: closerStart)
        }
        stringStart = s.position
        return true
    }

    mutating func lexDoubleQuote(_ s: inout Scanner, from start: Int) {
        var form = StringForm(quote: UInt8(ascii: "\""), multiline: syntax.multilineStrings)
        if syntax.family == .swift { form.interpolation = .swift }
        if syntax.tripleQuotes, s.matches("\"\"\"") {
            form.quoteCount = 3
            form.multiline = true
        }
        s.position += form.quoteCount
        lexString(&s, from: start, form)
    }

    mutating func lexSingleQuote(_ s: inout Scanner, from start: Int) {
        switch syntax.singleQuote {
        case .none:
            s.position += 1
        case .string, .character:
            var form = StringForm(quote: UInt8(ascii: "'"))
            if syntax.tripleQuotes, syntax.singleQuote == .string, s.matches("'''") {
                form.quoteCount = 3
                form.multiline = true
            }
            s.position += form.quoteCount
            lexString(&s, from: start, form)
        case .characterOrLifetime:
            // `'a'` and `'\n'` are characters; `'a` with no closing quote is a lifetime.
            let next = s.peek(1)
            var length = 1
            if next >= 0xC0 { length = next >= 0xF0 ? 4 : next >= 0xE0 ? 3 : 2 }
            if next != UInt8(ascii: "\\"), next.isIdentifierStart, s.peek(1 + length) != UInt8(ascii: "'") {
                s.position += 1
                s.skipIdentifier()
                s.emit(.attribute, from: start)
                expressionStart = false
            } else {
                s.position += 1
                lexString(&s, from: start, StringForm(quote: UInt8(ascii: "'")))
            }
        }
    }

    mutating func lexBacktick(_ s: inout Scanner) {
        let start = s.position
        switch syntax.backtick {
        case .none:
            s.position += 1
        case .template:
            s.position += 1
            lexString(&s, from: start, StringForm(quote: UInt8(ascii: "`"), multiline: true, interpolation: .dollarBrace))
        case .raw:
            s.position += 1
            lexString(&s, from: start, StringForm(quote: UInt8(ascii: "`"), escapes: false, multiline: true))
        case .identifier:
            s.position += 1
            while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "`"), s.bytes[s.position] != 0x0A { s.position += 1 }
            if s.peek() == UInt8(ascii: "`") { s.position += 1 }
            expressionStart = false
        }
    }

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

    /// A JavaScript regular expression at `s.position` (a `/`), if one closes on this line.
    mutating func lexRegex(_ s: inout Scanner) -> Bool {
        var index = s.position + 1
        var inClass = false
        while index < s.end {
            let byte = s.bytes[index]
            if byte == 0x0A { return false }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/"), !inClass {
                break
            }
            index += 1
        }
        guard index < s.end, index > s.position + 1 else { return false }
        index += 1
        while index < s.end, s.bytes[index].isLetter { index += 1 }
        let start = s.position
        s.position = index
        s.emit(.string, from: start)
        expressionStart = false
        return true
    }

    mutating func lexHash(_ s: inout Scanner) {
        let start = s.position
        if syntax.hashComments {
            s.skipToLineEnd()
            s.emit(.comment, from: start)
            return
        }
        switch syntax.family {
        case .python:
            s.position += 1
        case .c, .cpp:
            guard s.isLineStart(start) else {
                lexOperator(&s)
                return
            }
            s.position += 1
            s.skipBlanks()
            let nameStart = s.position
            s.skipIdentifier()
            let isInclude = s.matches("include", at: nameStart) || s.matches("import", at: nameStart)
            s.emit(.meta, from: start)
            if isInclude {
                s.skipBlanks()
                if s.peek() == UInt8(ascii: "<") {
                    let pathStart = s.position
                    while s.position < s.end, s.bytes[s.position] != UInt8(ascii: ">"), s.bytes[s.position] != 0x0A { s.position += 1 }
                    if s.peek() == UInt8(ascii: ">") { s.position += 1 }
                    s.emit(.string, from: pathStart)
                }
            }
        case .swift:
            var hashes = 0
            while s.peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
            if s.peek(hashes) == UInt8(ascii: "\"") {
                s.position += hashes
                var form = StringForm(quote: UInt8(ascii: "\""), hashes: hashes, interpolation: .swift)
                if s.matches("\"\"\"") {
                    form.quoteCount = 3
                    form.multiline = true
                }
                s.position += form.quoteCount
                lexString(&s, from: start, form)
            } else if s.peek(1).isIdentifierStart {
                s.position += 1
                s.skipIdentifier()
                s.emit(.meta, from: start)
            } else {
                s.position += hashes
            }
        case .rust:
            let bang = s.peek(1) == UInt8(ascii: "!") ? 1 : 0
            guard s.peek(1 + bang) == UInt8(ascii: "[") else {
                punctuation(&s, 1)
                return
            }
            s.position += 2 + bang
            var depth = 1
            while s.position < s.end, depth > 0 {
                switch s.bytes[s.position] {
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                default: break
                }
                s.position += 1
            }
            s.emit(.meta, from: start)
        case .javascript:
            s.position += 1
            s.skipIdentifier()
            s.emit(.attribute, from: start)
        case .go:
            s.position += 1
        }
    }

    /// `@MainActor`, `@Component`, `@app.route`: attributes and decorators.
    mutating func lexAt(_ s: inout Scanner) {
        let start = s.position
        guard s.peek(1).isIdentifierStart else {
            lexOperator(&s)
            return
        }
        s.position += 1
        s.skipIdentifier()
        while syntax.family == .python, s.peek() == UInt8(ascii: "."), s.peek(1).isIdentifierStart {
            s.position += 1
            s.skipIdentifier()
        }
        s.emit(.meta, from: start)
        expressionStart = true
    }
}

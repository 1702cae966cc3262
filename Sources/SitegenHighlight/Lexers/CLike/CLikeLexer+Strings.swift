// String, character and regular-expression literals, for ``CLikeLexer``. Every scan ends at its closing delimiter, at the end of the line for a
// single-line form, or at the end of the code: an unterminated literal colours the rest
// of its line (or of the code) and lexing goes on.

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

    /// A JavaScript regular expression at `s.position` (a `/`), if one closes on this line
    /// within 1 KB (the bound keeps a long line of `(/[` from taking quadratic time).
    mutating func lexRegex(_ s: inout Scanner) -> Bool {
        var index = s.position + 1
        var inClass = false
        let limit = min(s.end, s.position + 1_024)
        while index < limit {
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
        guard index < limit, index > s.position + 1 else { return false }
        index += 1
        while index < s.end, s.bytes[index].isLetter { index += 1 }
        let start = s.position
        s.position = index
        s.emit(.string, from: start)
        expressionStart = false
        return true
    }
}

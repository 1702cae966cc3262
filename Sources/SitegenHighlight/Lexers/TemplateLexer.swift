/// The lexer for Jinja-family template tags: `{{ expression }}`, `{% statement %}` and
/// `{# comment #}`, with the whitespace-control forms `{{-`, `-%}` and so on.
///
/// ``MarkupLexer`` calls it wherever a tag may appear, including inside attribute values,
/// so `<a href="{{ page.url }}">` is coloured as both HTML and template. Inside a tag,
/// keywords (`for`, `endif`, `extends`) and constants are looked up, a name after `|` is
/// a filter (function), after `.` an attribute, and any other name a variable. The body
/// of `{% raw %}…{% endraw %}` is left plain.
struct TemplateLexer {
    static let words = WordTable([
        (.keyword, """
            if elif else endif for endfor in block endblock extends include import from as macro endmacro call \
            endcall set endset filter endfilter raw endraw with endwith without context ignore missing not and \
            or is break continue suspense endsuspense autoescape endautoescape
            """),
        (.constant, "true false none True False None"),
        (.builtin, "loop super self caller varargs kwargs"),
    ])

    /// Whether a template tag starts at `index`.
    static func startsTag(_ s: Scanner, at index: Int) -> Bool {
        guard s.byte(at: index) == UInt8(ascii: "{") else { return false }
        let next = s.byte(at: index + 1)
        return next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#")
    }

    /// Lexes the tag at `s.position`, which ``startsTag(_:at:)`` accepted.
    func lexTag(_ s: inout Scanner) {
        let start = s.position
        let marker = s.peek(1)
        if marker == UInt8(ascii: "#") {
            s.position += 2
            while s.position < s.end, !s.matches("#}") { s.position += 1 }
            s.position = min(s.position + 2, s.end)
            s.emit(.comment, from: start)
            return
        }
        s.position += 2
        if s.peek() == UInt8(ascii: "-") || s.peek() == UInt8(ascii: "+") || s.peek() == UInt8(ascii: "~") { s.position += 1 }
        s.emit(.meta, from: start)
        let closer = marker == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "%")
        s.skipBlanks()
        let isRaw = marker == UInt8(ascii: "%") && s.matches("raw") && !s.peek(3).isIdentifierPart
        lexExpression(&s, closer: closer)
        if isRaw { skipRawBody(&s) }
    }

    /// Moves past the body of `{% raw %}`, up to (not into) its `{% endraw %}`.
    private func skipRawBody(_ s: inout Scanner) {
        while s.position < s.end {
            if s.matches("{%") {
                var index = s.position + 2
                if s.byte(at: index) == UInt8(ascii: "-") { index += 1 }
                while s.byte(at: index).isWhitespace { index += 1 }
                if s.matches("endraw", at: index) { return }
            }
            s.position += 1
        }
    }

    /// The inside of a tag, up to and including its closing `}}` or `%}`.
    private func lexExpression(_ s: inout Scanner, closer: UInt8) {
        var braces = 0
        var afterPipe = false
        var afterDot = false
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            if braces == 0, closes(s, closer) {
                if byte != closer { s.position += 1 }
                s.position += 2
                s.emit(.meta, from: start)
                return
            }
            if byte.isWhitespace {
                s.position += 1
                continue
            }
            let pipe = afterPipe
            let dot = afterDot
            afterPipe = false
            afterDot = false
            if byte.isIdentifierStart {
                s.skipIdentifier()
                let kind: TokenKind
                if dot {
                    kind = .attribute
                } else if let word = Self.words.kind(of: s.bytes, start..<s.position) {
                    kind = word
                } else if pipe || s.peek() == UInt8(ascii: "(") {
                    kind = .function
                } else {
                    kind = .variable
                }
                s.emit(kind, from: start)
            } else if byte.isDigit {
                s.position += 1
                while s.position < s.end, s.bytes[s.position].isDigit || s.bytes[s.position] == UInt8(ascii: "_")
                    || (s.bytes[s.position] == UInt8(ascii: ".") && s.peek(1).isDigit) {
                    s.position += 1
                }
                s.emit(.number, from: start)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != byte, s.bytes[s.position] != 0x0A {
                    s.position += s.bytes[s.position] == UInt8(ascii: "\\") ? 2 : 1
                }
                s.position = min(s.position + 1, s.end)
                if s.bytes[s.position - 1] == 0x0A { s.position -= 1 }
                s.emit(.string, from: start)
            } else if byte == UInt8(ascii: "|") {
                s.position += 1
                s.emit(.operator, from: start)
                afterPipe = true
            } else if byte.isOperatorPart {
                s.position += 1
                while s.position < s.end, s.bytes[s.position].isOperatorPart, s.bytes[s.position] != UInt8(ascii: "|"),
                      !closes(s, closer) {
                    s.position += 1
                }
                s.emit(.operator, from: start)
            } else {
                if byte == UInt8(ascii: "{") { braces += 1 }
                if byte == UInt8(ascii: "}") { braces = max(0, braces - 1) }
                afterDot = byte == UInt8(ascii: ".")
                s.position += 1
                s.emit(.punctuation, from: start)
            }
        }
    }

    /// Whether the tag closes at `s.position`: `}}` or `%}`, optionally after `-`, `+` or `~`.
    private func closes(_ s: Scanner, _ closer: UInt8) -> Bool {
        var index = s.position
        let byte = s.bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "~") { index += 1 }
        return s.byte(at: index) == closer && s.byte(at: index + 1) == UInt8(ascii: "}")
    }
}

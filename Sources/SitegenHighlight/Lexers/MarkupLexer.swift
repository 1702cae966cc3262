/// The lexer for HTML and XML, and for templates written in them (`jinja`).
///
/// Element names are tags, attribute names attributes, their values strings; comments,
/// `<!DOCTYPE>`, `<?xml?>` and `<![CDATA[…]]>` are recognised, and `&entities;` are
/// constants. In HTML the contents of `<script>` and `<style>` are left plain (they are
/// another language). With templates on, `{{ }}`, `{% %}` and `{# #}` are lexed by
/// ``TemplateLexer`` anywhere: in text, between attributes and inside attribute values.
struct MarkupLexer {
    /// Whether this is HTML, whose `<script>` and `<style>` hold raw text and whose names ignore case.
    var isHTML: Bool
    /// Whether Jinja-family template tags are recognised.
    var hasTemplates: Bool

    func run(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte == UInt8(ascii: "<") {
                lexAngle(&s)
            } else if byte == UInt8(ascii: "&") {
                lexEntity(&s)
            } else if hasTemplates, byte == UInt8(ascii: "{"), TemplateLexer.startsTag(s, at: s.position) {
                TemplateLexer().lexTag(&s)
            } else {
                s.position += 1
            }
        }
    }

    private func lexAngle(_ s: inout Scanner) {
        let start = s.position
        let next = s.peek(1)
        if s.matches("<!--") {
            lexUntil(&s, "-->", from: start, as: .comment)
        } else if s.matches("<![CDATA[") {
            lexUntil(&s, "]]>", from: start, as: .string)
        } else if next == UInt8(ascii: "!") {
            lexUntil(&s, ">", from: start, as: .meta)
        } else if next == UInt8(ascii: "?") {
            lexUntil(&s, "?>", from: start, as: .meta)
        } else if next == UInt8(ascii: "/") || next.isLetter || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") {
            let (name, opens) = lexTag(&s)
            if isHTML, opens, let name {
                if isRawTextElement(s, name, "script") {
                    skipRawText(&s, until: "</script")
                } else if isRawTextElement(s, name, "style") {
                    skipRawText(&s, until: "</style")
                }
            }
        } else {
            s.position += 1
        }
    }

    private func lexUntil(_ s: inout Scanner, _ terminator: StaticString, from start: Int, as kind: TokenKind) {
        s.position += 2
        while s.position < s.end, !s.matches(terminator) { s.position += 1 }
        s.position = min(s.position + terminator.utf8CodeUnitCount, s.end)
        s.emit(kind, from: start)
    }

    private func isRawTextElement(_ s: Scanner, _ name: Range<Int>, _ element: StaticString) -> Bool {
        name.count == element.utf8CodeUnitCount && s.matchesIgnoringCase(element, at: name.lowerBound)
    }

    /// Moves past the contents of `<script>` or `<style>` up to the closing tag, which is not consumed.
    private func skipRawText(_ s: inout Scanner, until closingTag: StaticString) {
        while s.position < s.end, !s.matchesIgnoringCase(closingTag, at: s.position) {
            if hasTemplates, TemplateLexer.startsTag(s, at: s.position) {
                TemplateLexer().lexTag(&s)
            } else {
                s.position += 1
            }
        }
    }

    /// An opening or closing tag at `s.position`.
    ///
    /// - Returns: The element's name, and whether this tag opens an element (it is
    ///   neither a closing tag nor self-closing, and it ended with `>`).
    private func lexTag(_ s: inout Scanner) -> (name: Range<Int>?, opens: Bool) {
        let start = s.position
        let closing = s.peek(1) == UInt8(ascii: "/")
        s.position += closing ? 2 : 1
        s.emit(.punctuation, from: start)
        let nameStart = s.position
        while s.position < s.end, isNamePart(s.bytes[s.position]) { s.position += 1 }
        let name = nameStart..<s.position
        s.emit(.tag, name)
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let itemStart = s.position
            if byte.isWhitespace {
                s.position += 1
            } else if byte == UInt8(ascii: ">") {
                s.position += 1
                s.emit(.punctuation, from: itemStart)
                return (name, !closing)
            } else if byte == UInt8(ascii: "/"), s.peek(1) == UInt8(ascii: ">") {
                s.position += 2
                s.emit(.punctuation, from: itemStart)
                return (name, false)
            } else if byte == UInt8(ascii: "<") {
                // A tag left open; the `<` starts the next one.
                return (name, false)
            } else if hasTemplates, TemplateLexer.startsTag(s, at: s.position) {
                TemplateLexer().lexTag(&s)
            } else if byte == UInt8(ascii: "=") {
                s.position += 1
                s.emit(.operator, from: itemStart)
                s.skipBlanks()
                lexAttributeValue(&s)
            } else {
                while s.position < s.end, isAttributeNamePart(s.bytes[s.position]),
                      !(hasTemplates && TemplateLexer.startsTag(s, at: s.position)) {
                    s.position += 1
                }
                if s.position == itemStart { s.position += 1 } else { s.emit(.attribute, from: itemStart) }
            }
        }
        return (name, false)
    }

    private func lexAttributeValue(_ s: inout Scanner) {
        let quote = s.peek()
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            let start = s.position
            while s.position < s.end, !s.bytes[s.position].isWhitespace, s.bytes[s.position] != UInt8(ascii: ">") {
                if hasTemplates, TemplateLexer.startsTag(s, at: s.position) {
                    s.emit(.string, from: start)
                    TemplateLexer().lexTag(&s)
                    return
                }
                s.position += 1
            }
            s.emit(.string, from: start)
            return
        }
        var start = s.position
        s.position += 1
        while s.position < s.end, s.bytes[s.position] != quote {
            if hasTemplates, TemplateLexer.startsTag(s, at: s.position) {
                s.emit(.string, from: start)
                TemplateLexer().lexTag(&s)
                start = s.position
            } else {
                s.position += 1
            }
        }
        s.position = min(s.position + 1, s.end)
        s.emit(.string, from: start)
    }

    private func lexEntity(_ s: inout Scanner) {
        let start = s.position
        var index = start + 1
        if s.byte(at: index) == UInt8(ascii: "#") { index += 1 }
        while index < s.end, index - start < 32, s.bytes[index].isIdentifierPart, s.bytes[index] < 0x80 { index += 1 }
        if s.byte(at: index) == UInt8(ascii: ";"), index > start + 1 {
            s.position = index + 1
            s.emit(.constant, from: start)
        } else {
            s.position += 1
        }
    }

    private func isNamePart(_ byte: UInt8) -> Bool {
        byte.isIdentifierPart || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private func isAttributeNamePart(_ byte: UInt8) -> Bool {
        !byte.isWhitespace && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=")
            && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "<")
    }
}

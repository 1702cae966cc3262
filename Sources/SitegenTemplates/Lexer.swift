import SitegenHTML

/// Splits template source into tokens: text runs, `{{ }}` / `{% %}` delimiters and the
/// expression tokens inside them. Comments `{# #}` are dropped, `{% raw %}` bodies become
/// text, and `-` markers (`{%-`, `-%}`) trim whitespace next to the tag.
struct Lexer {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var column = 1
    var tokens: [Token] = []
    /// Set by a `-}}`/`-%}`/`-#}`: the next text run loses its leading whitespace.
    var trimNextText = false

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    static func tokenize(_ source: String) throws(TemplateSyntaxError) -> [Token] {
        var lexer = Lexer(source)
        try lexer.run()
        return lexer.tokens
    }

    var span: Span { Span(line: line, column: column) }

    func peek(_ k: Int = 0) -> UInt8? { offset + k < bytes.count ? bytes[offset + k] : nil }

    mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where offset < bytes.count {
            let b = bytes[offset]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
    }

    mutating func run() throws(TemplateSyntaxError) {
        while offset < bytes.count {
            try lexText()
            guard offset < bytes.count else { break }
            let open = span
            let kind = bytes[offset + 1]
            let trimBefore = peek(2) == UInt8(ascii: "-")
            if trimBefore { trimTrailingWhitespaceOfLastText() }
            advance(trimBefore ? 3 : 2)
            switch kind {
            case UInt8(ascii: "#"):
                try skipComment(from: open)
            case UInt8(ascii: "{"):
                tokens.append(Token(kind: .outputOpen, text: "{{", span: open, length: 2))
                try lexInside(close: UInt8(ascii: "}"), from: open)
            default:
                tokens.append(Token(kind: .tagOpen, text: "{%", span: open, length: 2))
                try lexInside(close: UInt8(ascii: "%"), from: open)
                try lexRawBodyIfNeeded()
            }
        }
        tokens.append(Token(kind: .end, text: "", span: span, length: 1))
    }

    /// Text up to the next `{{`, `{%` or `{#`.
    mutating func lexText() throws(TemplateSyntaxError) {
        let start = span
        let from = offset
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "{"), let next = peek(1),
               next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") {
                break
            }
            advance()
        }
        var slice = bytes[from..<offset]
        if trimNextText {
            while let first = slice.first, Lexer.isSpace(first) { slice = slice.dropFirst() }
            trimNextText = false
        }
        if !slice.isEmpty {
            tokens.append(Token(kind: .text, text: String(decoding: slice, as: UTF8.self), span: start, length: 1))
        }
    }

    mutating func trimTrailingWhitespaceOfLastText() {
        guard let last = tokens.last, last.kind == .text else { return }
        var bytes = Array(last.text.utf8)
        while let b = bytes.last, Lexer.isSpace(b) { bytes.removeLast() }
        tokens.removeLast()
        if !bytes.isEmpty {
            tokens.append(Token(kind: .text, text: String(decoding: bytes, as: UTF8.self), span: last.span, length: 1))
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    mutating func skipComment(from open: Span) throws(TemplateSyntaxError) {
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "#"), peek(1) == UInt8(ascii: "}") {
                let trimAfter = offset > 0 && bytes[offset - 1] == UInt8(ascii: "-")
                advance(2)
                if trimAfter { trimNextText = true }
                return
            }
            advance()
        }
        throw .unclosed("comment", opener: "{#", closer: "#}", at: open)
    }

    /// After `{% raw %}`, everything up to `{% endraw %}` is text.
    mutating func lexRawBodyIfNeeded() throws(TemplateSyntaxError) {
        let n = tokens.count
        guard n >= 3, tokens[n - 3].kind == .tagOpen, tokens[n - 2].isName("raw"), tokens[n - 1].kind == .tagClose else { return }
        tokens.removeLast(3)
        let start = span
        let from = offset
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "{"), peek(1) == UInt8(ascii: "%") {
                var k = offset + 2
                if k < bytes.count && bytes[k] == UInt8(ascii: "-") { k += 1 }
                while k < bytes.count && Lexer.isSpace(bytes[k]) { k += 1 }
                let word = Array("endraw".utf8)
                if k + word.count <= bytes.count && Array(bytes[k..<(k + word.count)]) == word {
                    tokens.append(Token(kind: .text, text: String(decoding: bytes[from..<offset], as: UTF8.self), span: start, length: 1))
                    tokens.append(Token(kind: .tagOpen, text: "{%", span: span, length: 2))
                    advance(2)
                    if peek() == UInt8(ascii: "-") { advance() }
                    try lexInside(close: UInt8(ascii: "%"), from: start)
                    tokens.removeLast(3)  // the endraw tag itself
                    return
                }
            }
            advance()
        }
        throw .unclosed("raw block", opener: "{% raw %}", closer: "{% endraw %}", at: start)
    }
}

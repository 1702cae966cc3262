import SitegenHTML

extension Lexer {
    static let twoCharSymbols: [[UInt8]] = ["==", "!=", "<=", ">="].map { Array($0.utf8) }
    static let oneCharSymbols = Array("|.,:()[]{}<>+-*/%~=!".utf8)

    /// Tokens inside `{{ … }}` or `{% … %}` up to the closer (`}}` or `%}`).
    mutating func lexInside(close: UInt8, from open: Span) throws(TemplateSyntaxError) {
        while true {
            while let b = peek(), Lexer.isSpace(b) { advance() }
            guard let b = peek() else {
                let (opener, closer) = close == UInt8(ascii: "}") ? ("{{", "}}") : ("{%", "%}")
                throw .unclosed(close == UInt8(ascii: "}") ? "expression" : "tag", opener: opener, closer: closer, at: open)
            }
            // Closer, optionally preceded by the trim marker.
            if b == UInt8(ascii: "-"), peek(1) == close, peek(2) == UInt8(ascii: "}") {
                advance(3)
                trimNextText = true
                tokens.append(Token(kind: close == UInt8(ascii: "}") ? .outputClose : .tagClose, text: "", span: span, length: 2))
                return
            }
            if b == close, peek(1) == UInt8(ascii: "}") {
                let at = span
                advance(2)
                tokens.append(Token(kind: close == UInt8(ascii: "}") ? .outputClose : .tagClose,
                                    text: close == UInt8(ascii: "}") ? "}}" : "%}", span: at, length: 2))
                return
            }
            let start = span
            let from = offset
            if Lexer.isNameStart(b) {
                while let c = peek(), Lexer.isNameStart(c) || Lexer.isDigit(c) { advance() }
                tokens.append(Token(kind: .name, text: String(decoding: bytes[from..<offset], as: UTF8.self),
                                    span: start, length: offset - from))
            } else if Lexer.isDigit(b) {
                try lexNumber(start: start)
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                try lexString(quote: b, start: start)
            } else if let next = peek(1), Lexer.twoCharSymbols.contains([b, next]) {
                advance(2)
                tokens.append(Token(kind: .symbol, text: String(decoding: [b, next], as: UTF8.self), span: start, length: 2))
            } else if Lexer.oneCharSymbols.contains(b) {
                advance()
                tokens.append(Token(kind: .symbol, text: String(decoding: [b], as: UTF8.self), span: start, length: 1))
            } else {
                var end = offset + 1
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                throw .unexpectedCharacter(String(decoding: bytes[offset..<end], as: UTF8.self), at: start)
            }
        }
    }

    static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func lexNumber(start: Span) throws(TemplateSyntaxError) {
        let from = offset
        while let c = peek(), Lexer.isDigit(c) || c == UInt8(ascii: "_") { advance() }
        var isDouble = false
        if peek() == UInt8(ascii: "."), let d = peek(1), Lexer.isDigit(d) {
            isDouble = true
            advance()
            while let c = peek(), Lexer.isDigit(c) { advance() }
        }
        let text = String(decoding: bytes[from..<offset].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if !isDouble && Int(text) == nil { throw .numberTooLarge(text, at: start) }
        tokens.append(Token(kind: isDouble ? .number : .integer, text: text, span: start, length: offset - from))
    }

    mutating func lexString(quote: UInt8, start: Span) throws(TemplateSyntaxError) {
        let from = offset
        advance()
        var value: [UInt8] = []
        while true {
            guard let c = peek(), c != 0x0A else { throw .unterminatedString(at: start) }
            advance()
            if c == quote { break }
            if c == UInt8(ascii: "\\"), let e = peek() {
                advance()
                switch e {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                default: value.append(e)
                }
            } else {
                value.append(c)
            }
        }
        tokens.append(Token(kind: .string, text: String(decoding: value, as: UTF8.self), span: start, length: offset - from))
    }
}

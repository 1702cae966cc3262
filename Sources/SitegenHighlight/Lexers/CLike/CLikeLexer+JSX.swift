// JSX elements inside JavaScript and TSX, for ``CLikeLexer``.
//
// A `<` where an expression may start is taken for an element when a whole tag follows
// (so `<T,>(x) => x` stays code). Children are plain text with `{…}` expressions, and
// the element ends when its tags balance.

extension CLikeLexer {
    private enum JSXTag { case opening, closing, selfClosing }

    /// Lexes an element starting at `s.position`.
    ///
    /// - Returns: `false`, with nothing consumed, when the `<` does not start a tag.
    mutating func lexJSX(_ s: inout Scanner) -> Bool {
        guard looksLikeTag(s) else { return false }
        var depth = 0
        while true {
            switch lexJSXTag(&s) {
            case .opening: depth += 1
            case .closing: depth -= 1
            case .selfClosing: break
            }
            if depth <= 0 { break }
            // Children: text up to the next tag, with `{expression}`s.
            while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "<") {
                if s.bytes[s.position] == UInt8(ascii: "{") {
                    lexJSXExpression(&s)
                } else {
                    s.position += 1
                }
            }
            if s.position >= s.end { break }
        }
        expressionStart = false
        return true
    }

    /// Whether a whole tag (`<name attr="…" attr={…}>` or `/>`) starts at `s.position`,
    /// judged by scanning ahead at most 2 KB without lexing anything.
    ///
    /// Why look ahead instead of lexing and undoing: an element's `{…}` attributes are
    /// lexed as code, which may hold more elements; undoing nested guesses made broken
    /// input like `<a b={<a b={…` take exponential time.
    private func looksLikeTag(_ s: Scanner) -> Bool {
        let limit = min(s.end, s.position + 2_048)
        var index = s.position + 1
        while index < limit, isNamePart(s.bytes[index]) { index += 1 }
        if index == s.position + 1, s.byte(at: index) != UInt8(ascii: ">") { return false }
        while index < limit {
            let byte = s.bytes[index]
            if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && s.byte(at: index + 1) == UInt8(ascii: ">")) {
                return true
            } else if byte.isWhitespace || isNamePart(byte) || byte == UInt8(ascii: "=") {
                index += 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index += 1
                while index < limit, s.bytes[index] != byte { index += 1 }
                index += 1
            } else if byte == UInt8(ascii: "{") {
                var braces = 0
                repeat {
                    if s.bytes[index] == UInt8(ascii: "{") { braces += 1 }
                    if s.bytes[index] == UInt8(ascii: "}") { braces -= 1 }
                    index += 1
                } while index < limit && braces > 0
            } else {
                return false
            }
        }
        return false
    }

    /// One tag at `s.position`.
    private mutating func lexJSXTag(_ s: inout Scanner) -> JSXTag {
        let start = s.position
        s.position += 1
        let closing = s.peek() == UInt8(ascii: "/")
        if closing { s.position += 1 }
        s.emit(.punctuation, from: start)
        let nameStart = s.position
        while s.position < s.end, isNamePart(s.bytes[s.position]) { s.position += 1 }
        s.emit(.tag, from: nameStart)
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let itemStart = s.position
            if byte.isWhitespace {
                s.position += 1
            } else if byte == UInt8(ascii: ">") {
                s.position += 1
                s.emit(.punctuation, from: itemStart)
                return closing ? .closing : .opening
            } else if byte == UInt8(ascii: "/"), s.peek(1) == UInt8(ascii: ">") {
                s.position += 2
                s.emit(.punctuation, from: itemStart)
                return .selfClosing
            } else if byte == UInt8(ascii: "<") {
                // A tag left open; the `<` starts the next one.
                return .selfClosing
            } else if byte.isIdentifierStart {
                while s.position < s.end, isNamePart(s.bytes[s.position]) { s.position += 1 }
                s.emit(.attribute, from: itemStart)
            } else if byte == UInt8(ascii: "=") {
                s.position += 1
                s.emit(.operator, from: itemStart)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != byte { s.position += 1 }
                if s.position < s.end { s.position += 1 }
                s.emit(.string, from: itemStart)
            } else if byte == UInt8(ascii: "{") {
                lexJSXExpression(&s)
            } else {
                s.position += 1
            }
        }
        return .selfClosing
    }

    private func isNamePart(_ byte: UInt8) -> Bool {
        byte.isIdentifierPart || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// `{expression}` in an attribute or among children.
    private mutating func lexJSXExpression(_ s: inout Scanner) {
        punctuation(&s, 1)
        guard nesting < Self.maxNesting else { return }
        let saved = (expressionStart, afterDot, pendingName)
        (expressionStart, afterDot, pendingName) = (true, false, nil)
        nesting += 1
        let closed = lexCode(&s, closer: UInt8(ascii: "}"))
        nesting -= 1
        (expressionStart, afterDot, pendingName) = saved
        if closed { punctuation(&s, 1) }
    }
}

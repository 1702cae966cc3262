// JSX elements inside JavaScript and TSX, for ``CLikeLexer``.
//
// A `<` where an expression may start, followed by a letter or `>`, is taken for an
// element. If the first tag turns out not to be one (`<T,>(x) => x`), everything is
// undone and the `<` is an operator. Children are plain text with `{…}` expressions,
// and the element ends when its tags balance.

extension CLikeLexer {
    private enum JSXTag { case opening, closing, selfClosing, notATag }

    /// Lexes an element starting at `s.position`.
    ///
    /// - Returns: `false`, with nothing consumed, when the `<` does not start a tag.
    mutating func lexJSX(_ s: inout Scanner) -> Bool {
        let checkpoint = s.checkpoint
        var depth = 0
        var first = true
        while true {
            switch lexJSXTag(&s, strict: first) {
            case .opening: depth += 1
            case .closing: depth -= 1
            case .selfClosing: break
            case .notATag:
                if first {
                    s.restore(checkpoint)
                    return false
                }
                s.position += 1
            }
            first = false
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

    /// One tag at `s.position`; `strict` gives up on anything a tag cannot contain.
    private mutating func lexJSXTag(_ s: inout Scanner, strict: Bool) -> JSXTag {
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
            } else if strict {
                return .notATag
            } else {
                s.position += 1
            }
        }
        return strict ? .notATag : .selfClosing
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

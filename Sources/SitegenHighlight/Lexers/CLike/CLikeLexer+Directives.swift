// What `#` and `@` start, for ``CLikeLexer``: comments (Python), preprocessor lines
// (C, C++), attributes (`#[derive]`, `@MainActor`), compiler directives (`#if`),
// Swift's raw strings and JavaScript's private names.

extension CLikeLexer {
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

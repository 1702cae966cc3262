/// The lexer for CSS, nesting included.
///
/// Inside a block, a statement is a declaration unless a `{` comes before the next `;`
/// or `}`, in which case it is a nested rule's selector. In selectors, element names are
/// tags, `.classes` and `#ids` types, `:pseudo-classes` built-ins; in declarations the
/// property is an attribute (a `--custom-property` a variable), and in values numbers
/// carry their unit, `#rgb` colours and keywords are constants, `name(` a function.
struct CSSLexer {
    private enum Mode { case selector, property, value }
    private var mode = Mode.selector
    private var depth = 0

    mutating func run(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            if byte.isWhitespace {
                s.position += 1
                continue
            }
            if byte == UInt8(ascii: "/"), s.peek(1) == UInt8(ascii: "*") {
                s.position += 2
                while s.position < s.end, !s.matches("*/") { s.position += 1 }
                s.position = min(s.position + 2, s.end)
                s.emit(.comment, from: start)
                continue
            }
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
                punctuation(&s)
                mode = statementMode(s)
            case UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                punctuation(&s)
                mode = statementMode(s)
            case UInt8(ascii: ";"):
                punctuation(&s)
                mode = statementMode(s)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != byte, s.bytes[s.position] != 0x0A {
                    s.position += s.bytes[s.position] == UInt8(ascii: "\\") ? 2 : 1
                }
                if s.position < s.end, s.bytes[s.position] == byte { s.position += 1 }
                s.position = min(s.position, s.end)
                s.emit(.string, from: start)
            case UInt8(ascii: "@"):
                s.position += 1
                skipName(&s)
                s.emit(.keyword, from: start)
                mode = .value
            default:
                switch mode {
                case .selector: lexSelector(&s)
                case .property: lexProperty(&s)
                case .value: lexValue(&s)
                }
            }
        }
    }

    private func punctuation(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        s.emit(.punctuation, from: start)
    }

    private func skipName(_ s: inout Scanner) {
        while s.position < s.end, s.bytes[s.position].isIdentifierPart || s.bytes[s.position] == UInt8(ascii: "-") {
            s.position += 1
        }
    }

    /// What the statement starting after `s.position` is: at the top level a selector;
    /// in a block a declaration, unless a `{` comes first.
    private func statementMode(_ s: Scanner) -> Mode {
        guard depth > 0 else { return .selector }
        var index = s.position
        var quote: UInt8 = 0
        while index < s.end {
            let byte = s.bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                return .selector
            } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}") {
                return .property
            }
            index += 1
        }
        return .property
    }

    private func lexSelector(_ s: inout Scanner) {
        let start = s.position
        let byte = s.bytes[start]
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "#"):
            s.position += 1
            skipName(&s)
            s.emit(.type, from: start)
        case UInt8(ascii: ":"):
            s.position += s.peek(1) == UInt8(ascii: ":") ? 2 : 1
            skipName(&s)
            s.emit(.builtin, from: start)
        case UInt8(ascii: "["):
            punctuation(&s)
            let nameStart = s.position
            skipName(&s)
            s.emit(.attribute, from: nameStart)
        case UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","):
            punctuation(&s)
        case UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "&"),
             UInt8(ascii: "="), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            s.position += 1
            s.emit(.operator, from: start)
        default:
            if byte.isIdentifierStart || byte == UInt8(ascii: "-") {
                skipName(&s)
                s.emit(.tag, from: start)
            } else if byte.isDigit {
                lexNumber(&s)
            } else {
                s.position += 1
            }
        }
    }

    private mutating func lexProperty(_ s: inout Scanner) {
        let start = s.position
        let byte = s.bytes[start]
        if byte.isIdentifierStart || byte == UInt8(ascii: "-") {
            skipName(&s)
            s.emit(s.matches("--", at: start) ? .variable : .attribute, from: start)
        } else if byte == UInt8(ascii: ":") {
            punctuation(&s)
            mode = .value
        } else {
            s.position += 1
        }
    }

    private func lexValue(_ s: inout Scanner) {
        let start = s.position
        let byte = s.bytes[start]
        if byte.isDigit || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && s.peek(1).isDigit) {
            lexNumber(&s)
        } else if byte == UInt8(ascii: "#"), s.peek(1).isHexDigit {
            s.position += 1
            skipName(&s)
            s.emit(.constant, from: start)
        } else if byte == UInt8(ascii: "!") {
            s.position += 1
            s.skipBlanks()
            skipName(&s)
            s.emit(.keyword, from: start)
        } else if byte.isIdentifierStart || byte == UInt8(ascii: "-") {
            skipName(&s)
            if s.matches("--", at: start) {
                s.emit(.variable, from: start)
            } else if s.peek() == UInt8(ascii: "(") {
                s.emit(.function, from: start)
                if s.position - start == 3, s.matchesIgnoringCase("url", at: start) { lexURL(&s) }
            } else if s.nextNonBlank(from: s.position) == UInt8(ascii: ":") {
                s.emit(.attribute, from: start)
            } else {
                s.emit(.constant, from: start)
            }
        } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
            punctuation(&s)
        } else if byte.isOperatorPart {
            s.position += 1
            s.emit(.operator, from: start)
        } else {
            s.position += 1
        }
    }

    /// `url(unquoted/path.png)`: the path is a string.
    private func lexURL(_ s: inout Scanner) {
        punctuation(&s)
        let next = s.nextNonBlank(from: s.position)
        guard next != UInt8(ascii: "\""), next != UInt8(ascii: "'") else { return }
        s.skipBlanks()
        let start = s.position
        while s.position < s.end, s.bytes[s.position] != UInt8(ascii: ")"), s.bytes[s.position] != 0x0A { s.position += 1 }
        s.emit(.string, from: start)
    }

    private func lexNumber(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        while s.position < s.end, s.bytes[s.position].isDigit || s.bytes[s.position] == UInt8(ascii: ".") { s.position += 1 }
        while s.position < s.end, s.bytes[s.position].isLetter || s.bytes[s.position] == UInt8(ascii: "%") { s.position += 1 }
        s.emit(.number, from: start)
    }
}

/// The lexer for JSON (and JSONC's comments): a string followed by `:` is a key
/// (attribute), any other a string value; `true`, `false` and `null` are constants.
struct JSONLexer {
    static let constants = WordTable([(.constant, "true false null NaN Infinity")])

    func run(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != byte, s.bytes[s.position] != 0x0A {
                    s.position += s.bytes[s.position] == UInt8(ascii: "\\") ? 2 : 1
                }
                s.position = min(s.position + 1, s.end)
                if s.bytes[s.position - 1] == 0x0A { s.position -= 1 }
                s.emit(s.nextNonBlank(from: s.position) == UInt8(ascii: ":") ? .attribute : .string, from: start)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                 UInt8(ascii: ":"):
                s.position += 1
                s.emit(.punctuation, from: start)
            case UInt8(ascii: "/") where s.peek(1) == UInt8(ascii: "/"):
                s.skipToLineEnd()
                s.emit(.comment, from: start)
            case UInt8(ascii: "/") where s.peek(1) == UInt8(ascii: "*"):
                s.position += 2
                while s.position < s.end, !s.matches("*/") { s.position += 1 }
                s.position = min(s.position + 2, s.end)
                s.emit(.comment, from: start)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                s.position += 1
                while s.position < s.end, s.bytes[s.position].isHexDigit || s.bytes[s.position] == UInt8(ascii: ".")
                    || s.bytes[s.position] == UInt8(ascii: "x") || s.bytes[s.position] == UInt8(ascii: "X")
                    || ((s.bytes[s.position] == UInt8(ascii: "+") || s.bytes[s.position] == UInt8(ascii: "-"))
                        && s.bytes[s.position - 1] | 0x20 == UInt8(ascii: "e")) {
                    s.position += 1
                }
                s.emit(.number, from: start)
            default:
                if byte.isIdentifierStart {
                    s.skipIdentifier()
                    if let kind = Self.constants.kind(of: s.bytes, start..<s.position) {
                        s.emit(kind, from: start)
                    } else if s.nextNonBlank(from: s.position) == UInt8(ascii: ":") {
                        s.emit(.attribute, from: start)
                    }
                } else {
                    s.position += 1
                }
            }
        }
    }
}

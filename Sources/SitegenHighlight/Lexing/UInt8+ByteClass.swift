// Byte classes shared by every lexer. Non-ASCII bytes (>= 0x80) count as identifier
// characters, so a run of UTF-8 is never split and `café(` is one function name.

extension UInt8 {
    @inline(__always) var isDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isLetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isUppercase: Bool { self &- 0x41 < 26 }
    @inline(__always) var isHexDigit: Bool { isDigit || (self | 0x20) &- 0x61 < 6 }
    @inline(__always) var isIdentifierStart: Bool { isLetter || self == 0x5F || self >= 0x80 }
    @inline(__always) var isIdentifierPart: Bool { isIdentifierStart || isDigit }
    /// Space, tab, carriage return (not newline: several lexers treat lines specially).
    @inline(__always) var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0D }
    @inline(__always) var isWhitespace: Bool { isBlank || self == 0x0A || self == 0x0C }
    /// The characters C-family languages build operators from.
    @inline(__always) var isOperatorPart: Bool {
        switch self {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }
    @inline(__always) var lowercased: UInt8 { isUppercase ? self | 0x20 : self }
}

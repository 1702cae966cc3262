// Strings: escapes, surrogate pairs and UTF-8 validation. Validation is done here, byte
// by byte, rather than by `String(validating:)`, so an error can name the offending byte.

extension JSONParser {
    /// Reads a string starting at its opening quote, leaving `index` after the closing one.
    mutating func parseString() throws(JSONError) -> String {
        index += 1
        let start = index
        var decoded: [UInt8] = []  // filled only once an escape shows up
        var hasEscapes = false
        var runStart = start
        while true {
            guard index < input.count else {
                throw JSONError.expected("'\"' to end the string", at: index, in: input)
            }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                decoded.append(contentsOf: input[runStart..<index])
                try parseEscape(into: &decoded)
                runStart = index
            } else if byte < 0x20 {
                throw JSONError.controlCharacter(at: index, in: input)
            } else if byte < 0x80 {
                index += 1
            } else {
                let length = Self.utf8SequenceLength(input, at: index)
                guard length > 0 else { throw JSONError.invalidUTF8(at: index - length, in: input) }
                index += length
            }
        }
        let result: String
        if hasEscapes {
            decoded.append(contentsOf: input[runStart..<index])
            result = Text.decode(decoded)
        } else {
            result = Text.decode(input[start..<index])
        }
        index += 1
        return result
    }

    /// Decodes one escape starting at its backslash, appending its UTF-8 to `out`.
    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONError) {
        let escapeStart = index
        index += 1
        let letter = next
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if code >= 0xD800, code <= 0xDFFF {
                let isHigh = code < 0xDC00
                guard isHigh, next == UInt8(ascii: "\\"), index + 1 < input.count, input[index + 1] == UInt8(ascii: "u") else {
                    throw JSONError.loneSurrogate(code, at: escapeStart, in: input)
                }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00, low <= 0xDFFF else { throw JSONError.loneSurrogate(code, at: escapeStart, in: input) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            Self.appendUTF8(code, to: &out)
        default:
            throw JSONError.expected(
                "an escape character ('\"', '\\\\', '/', 'b', 'f', 'n', 'r', 't' or 'u') after '\\'",
                at: index - 1, in: input)
        }
    }

    private mutating func parseHex4() throws(JSONError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = next
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONError.expected("4 hex digits after '\\u'", at: index, in: input)
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    private static func appendUTF8(_ code: UInt32, to out: inout [UInt8]) {
        switch code {
        case 0..<0x80:
            out.append(UInt8(code))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | code >> 6))
            out.append(UInt8(0x80 | code & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | code >> 12))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        default:
            out.append(UInt8(0xF0 | code >> 18))
            out.append(UInt8(0x80 | code >> 12 & 0x3F))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `start` (1...4), or, when it is
    /// ill-formed, minus the position of the first bad byte within it (0, -1, -2, -3).
    static func utf8SequenceLength(_ bytes: [UInt8], at start: Int) -> Int {
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let length: Int
        switch bytes[start] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F  // no UTF-16 surrogates
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
        default: return 0
        }
        for offset in 1..<length {
            guard start + offset < bytes.count else { return -offset }
            let byte = bytes[start + offset]
            guard byte >= (offset == 1 ? low : 0x80), byte <= (offset == 1 ? high : 0xBF) else { return -offset }
        }
        return length
    }
}

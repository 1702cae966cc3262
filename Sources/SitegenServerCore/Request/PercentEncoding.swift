/// Percent-encoding for paths written into `Location` headers (RFC 3986 section 2.1).
enum PercentEncoding {
    /// Appends `segment` with every byte outside `pchar` (unreserved, sub-delims, `:`
    /// and `@`) written as `%XX`; `%` itself is encoded, because segments are decoded.
    static func appendEncodedSegment(_ segment: String, to bytes: inout [UInt8]) {
        ASCII.withBytes(segment) { utf8 in
            for byte in utf8 {
                if isPathCharacter(byte) {
                    bytes.append(byte)
                } else {
                    appendEscape(byte, to: &bytes)
                }
            }
        }
    }

    /// Appends `%XX` with upper-case hex digits.
    static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "%"))
        bytes.append(ASCII.hexDigit(byte >> 4))
        bytes.append(ASCII.hexDigit(byte & 0x0F))
    }

    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }
}

/// Byte-level helpers for the header and target parsers.
///
/// Everything here works on UTF-8 bytes, never on `Character`s: that keeps the Embedded
/// build free of the Unicode normalization and grapheme tables, and header grammar is
/// ASCII anyway (RFC 9110 section 5.5).
enum ASCII {
    /// Returns `byte` with `A`–`Z` mapped to `a`–`z`.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether two byte sequences are equal ignoring ASCII case.
    static func equalsIgnoringCase<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var other = b.makeIterator()
        for byte in a {
            guard let next = other.next(), lowercased(byte) == lowercased(next) else { return false }
        }
        return true
    }

    /// Whether `byte` is optional whitespace (OWS: space or horizontal tab).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Whether `byte` is a decimal digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `bytes` without leading and trailing optional whitespace.
    static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, isWhitespace(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return bytes[start..<end]
    }

    /// Splits a comma-separated header list into trimmed, non-empty elements
    /// (RFC 9110 section 5.6.1 allows empty elements and whitespace around commas).
    static func listElements(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var elements: [ArraySlice<UInt8>] = []
        for element in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = trimmed(element)
            if !trimmed.isEmpty { elements.append(trimmed) }
        }
        return elements
    }

    /// Parses a non-empty run of decimal digits; `nil` for anything else or on overflow.
    static func parseUInt64(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            let digit = UInt64(byte - UInt8(ascii: "0"))
            // Checked by division: multipliedReportingOverflow on UInt64 needs a 128-bit
            // multiply, which on wasm32 pulls in compiler-rt's __multi3.
            guard value <= (UInt64.max - digit) / 10 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The value of a hexadecimal digit, or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The upper-case hexadecimal digit for `nibble` (0–15).
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}

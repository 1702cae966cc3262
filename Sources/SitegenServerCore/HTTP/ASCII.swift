/// Byte-level helpers for the header and target parsers.
///
/// Everything here works on UTF-8 bytes, never on `Character`s: that keeps the Embedded
/// build free of the Unicode normalization and grapheme tables, and header grammar is
/// ASCII anyway (RFC 9110 section 5.5).
enum ASCII {
    /// `bytes` as a `String`, ill-formed UTF-8 replaced with U+FFFD, as
    /// `String(decoding:as: UTF8.self)` makes it, in one function: that initializer is
    /// inlined wherever it is written (about 80 bytes of wasm each time).
    @inline(never)
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { decode($0) } }

    /// Calls `body` with the UTF-8 bytes of `string`, contiguous, in one function:
    /// `String.withUTF8` is specialized for each closure, each copy with its handling of
    /// small strings (about 300 bytes of wasm). Results come out through captures. Off the
    /// static request path only: a closure called through the function table costs a fresh
    /// instance about 600 host instructions the first time (`Text.withBytes` explains).
    @inline(never)
    static func withBytes(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string
        string.withUTF8(body)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String { bytes.withUnsafeBytes { decode($0) } }

    /// Returns `byte` with `A`–`Z` mapped to `a`–`z`.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether two byte buffers are equal, ignoring ASCII case or not: the loop every
    /// comparison below ends in. They are not generic: each pair of collection types a
    /// generic version is used with becomes another copy of it in the server component.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        guard a.count == b.count else { return false }
        if ignoringCase {
            for i in 0..<a.count where lowercased(a[i]) != lowercased(b[i]) { return false }
        } else {
            for i in 0..<a.count where a[i] != b[i] { return false }
        }
        return true
    }

    /// Whether two strings are equal ignoring ASCII case (header names, hosts).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool { compare(a, b, ignoringCase: true) }

    /// Whether two strings hold the same bytes; the lengths are compared first, which
    /// settles most comparisons without reading the bytes.
    static func equals(_ a: String, _ b: String) -> Bool { compare(a, b, ignoringCase: false) }

    private static func compare(_ a: String, _ b: String, ignoringCase: Bool) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b  // `withUTF8`: header names are compared on every request
        return a.withUTF8 { x in b.withUTF8 { y in equal(x, y, ignoringCase: ignoringCase) } }
    }

    /// Whether bytes of a header value equal a string ignoring ASCII case.
    static func equalsIgnoringCase(_ a: ArraySlice<UInt8>, _ b: String) -> Bool {
        guard a.count == b.utf8.count else { return false }
        var b = b  // on every request, as above
        return a.withUnsafeBufferPointer { x in b.withUTF8 { y in equal(x, y, ignoringCase: true) } }
    }

    /// Whether bytes in memory equal a literal ignoring ASCII case.
    static func equalsIgnoringCase(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: StaticString) -> Bool {
        equal(UnsafeBufferPointer(rebasing: a), bytes(of: b), ignoringCase: true)
    }

    /// Whether bytes in memory equal a literal exactly.
    static func equals(_ a: UnsafeBufferPointer<UInt8>, _ b: StaticString) -> Bool {
        equal(a, bytes(of: b), ignoringCase: false)
    }

    private static func bytes(of literal: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
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

    /// The next piece of `bytes` between `separator`s, starting at `index`, which moves past
    /// it; nil once the pieces are used up. Empty pieces come out too (a leading, doubled or
    /// trailing separator), as the standard library's `split` with empty subsequences kept
    /// gives them, and an empty `bytes` is one empty piece. The one split of the request
    /// path (targets, headers, form bodies), a piece at a time: a generic `split` would be
    /// copied into the component for each collection type, and an array of pieces would be
    /// one more array type.
    ///
    /// ```swift
    /// var index = bytes.startIndex
    /// while let piece = ASCII.nextPiece(of: bytes, separatedBy: UInt8(ascii: ","), from: &index) { … }
    /// ```
    static func nextPiece(of bytes: ArraySlice<UInt8>, separatedBy separator: UInt8, from index: inout Int) -> ArraySlice<UInt8>? {
        guard index <= bytes.endIndex else { return nil }
        var end = index
        while end < bytes.endIndex, bytes[end] != separator { end += 1 }
        defer { index = end + 1 }
        return bytes[index..<end]
    }

    /// The next element of a comma-separated header list, trimmed, from `index` on (see
    /// ``nextPiece(of:separatedBy:from:)``); empty elements are skipped, as RFC 9110
    /// section 5.6.1 allows them and whitespace around commas.
    static func nextListElement(of bytes: ArraySlice<UInt8>, from index: inout Int) -> ArraySlice<UInt8>? {
        while let piece = nextPiece(of: bytes, separatedBy: UInt8(ascii: ","), from: &index) {
            let element = trimmed(piece)
            if !element.isEmpty { return element }
        }
        return nil
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

    /// `a`, `b`, `c` and `d` joined: copied into one buffer of the final size, then decoded
    /// once. `+` on `String` reallocates at each step; that cost a static request in the
    /// server component about 2,000 instructions per join. (`String(unsafeUninitializedCapacity:)`
    /// would save the buffer, but inlines 2 KB of wasm wherever it is used.)
    static func join(_ a: String, _ b: String, _ c: String = "", _ d: String = "") -> String {
        let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count
        let start = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        defer { start.deallocate() }
        let end = copyUTF8(d, to: copyUTF8(c, to: copyUTF8(b, to: copyUTF8(a, to: start))))
        return decode(UnsafeRawBufferPointer(start: start, count: end - start))
    }

    /// Copies the UTF-8 bytes of `text` to `destination`, which has room for them;
    /// returns the address just past them.
    static func copyUTF8(_ text: String, to destination: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var text = text  // `withUTF8`: the static path joins header values
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return destination }
            destination.update(from: base, count: bytes.count)
            return destination + bytes.count
        }
    }

    /// The upper-case hexadecimal digit for `nibble` (0–15).
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}

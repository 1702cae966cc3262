/// Foundation-free string helpers that behave the same natively and in Embedded wasm.
///
/// They work on UTF-8 bytes or Unicode scalars rather than `Character`s: that is what
/// Embedded Swift does cheaply (no grapheme tables), and it keeps results byte-for-byte
/// identical on both sides.
public enum Text {
    /// `bytes` as a `String`, ill-formed UTF-8 replaced with U+FFFD, as
    /// `String(decoding:as: UTF8.self)` makes it. That initializer is inlined wherever it is
    /// written (its validation, repair and copy: about 80 bytes of wasm each time); the
    /// runtime's decodes all come here instead.
    @inline(never)
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `a + b + c + d`, in one function. Each `+` on `String` is inlined where it is
    /// written, with its copies in and out of memory (a `String` is three words on wasm32);
    /// the runtime's messages built with this instead came out 2 KB smaller in the server
    /// component (Benchmarks/README.md). More parts nest.
    @inline(never)
    public static func join(_ a: String, _ b: String, _ c: String = "", _ d: String = "") -> String {
        var result = a
        result.append(b)
        result.append(c)
        result.append(d)
        return result
    }

    /// Calls `body` with the UTF-8 bytes of `string`, contiguous. `String.withUTF8` is
    /// generic over what its closure returns and is specialized for each closure, each copy
    /// with its handling of small strings (which live in the `String` itself, not in a
    /// buffer); this is one copy. Results come out through the closure's captures.
    ///
    /// `body` is called through the function table, and `wasmtime` fills a table entry
    /// the first time an instance calls it: with an instance per request, about 600 host
    /// instructions per closure per request. The static request path uses `withUTF8`.
    @inline(never)
    public static func withBytes(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string
        string.withUTF8(body)
    }

    /// The number of Unicode scalars in `s`, counted in its UTF-8 (every byte but a
    /// continuation byte starts one): what `s.unicodeScalars.count` gives, without the
    /// standard library's index walking.
    public static func scalarCount(_ s: String) -> Int {
        var count = 0
        withBytes(s) { bytes in
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    /// ``decode(_:)-(UnsafeRawBufferPointer)`` for an array.
    public static func decode(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { decode($0) } }

    /// ``decode(_:)-(UnsafeRawBufferPointer)`` for a slice.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> String { bytes.withUnsafeBytes { decode($0) } }

    /// Whether `haystack` contains `needle` (byte search; `String.contains(String)` is not in Embedded Swift).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        find(Array(needle.utf8), in: Array(haystack.utf8), from: 0) != nil
    }

    /// A decimal integer, as `Int(_:)` reads one: an optional `+` or `-`, then one or more
    /// ASCII digits, and `nil` for anything else or on overflow. (`Int(_:)` itself is
    /// generic over `StringProtocol` and weighs a kilobyte in the wasm component.)
    public static func integer(_ text: String) -> Int? {
        var result: Int?
        withBytes(text) { result = integer(bytes: $0) }
        return result
    }

    private static func integer(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
        guard i < bytes.count else { return nil }
        var value = 0
        while i < bytes.count {
            let digit = Int(bytes[i]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            // Accumulated negatively: Int.min has no positive counterpart.
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    /// Orders two strings by code point (their UTF-8 bytes), deterministically on every platform.
    public static func compare(_ a: String, _ b: String) -> Int {
        var order = 0
        withBytes(a) { x in withBytes(b) { y in order = compare(x, y) } }
        return order
    }

    private static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
        return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
    }

    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool { has(prefix, in: s, at: 0) }

    public static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        s.utf8.count >= suffix.utf8.count && has(suffix, in: s, at: s.utf8.count - suffix.utf8.count)
    }

    /// Whether `s` holds the bytes of `part` from byte `offset` on. Compares the contiguous
    /// bytes: the generic `starts(with:)` over `String.UTF8View` links the standard
    /// library's index checks for foreign strings (about 5 KB in the server component).
    static func has(_ part: String, in s: String, at offset: Int) -> Bool {
        var found = false
        withBytes(s) { whole in
            withBytes(part) { bytes in
                found = offset >= 0 && whole.count - offset >= bytes.count
                    && bytesEqual(UnsafeBufferPointer(rebasing: whole[offset..<(offset + bytes.count)]), bytes)
            }
        }
        return found
    }

    /// Byte offset of `needle` in `haystack` at or after `start`.
    public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        let first = needle[0]
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Replaces every occurrence of `target` with `replacement`.
    public static func replace(_ s: String, _ target: String, with replacement: String) -> String {
        let bytes = Array(s.utf8)
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while let j = find(needle, in: bytes, from: i) {
            out.append(contentsOf: bytes[i..<j])
            out.append(contentsOf: replacement.utf8)
            i = j + needle.count
        }
        out.append(contentsOf: bytes[i...])
        return Text.decode(out)
    }

    /// Splits on every occurrence of `separator` (empty parts kept, as Python's `str.split(sep)`).
    public static func split(_ s: String, _ separator: String) -> [String] {
        let bytes = Array(s.utf8)
        let needle = Array(separator.utf8)
        guard !needle.isEmpty else { return [s] }
        var parts: [String] = []
        var i = 0
        while let j = find(needle, in: bytes, from: i) {
            parts.append(Text.decode(bytes[i..<j]))
            i = j + needle.count
        }
        parts.append(Text.decode(bytes[i...]))
        return parts
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// Removes ASCII whitespace at both ends.
    public static func trim(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return Text.decode(bytes[start..<end])
    }

    /// Counts runs of non-whitespace.
    public static func wordCount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            if isSpace(b) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// At most `length` scalars; longer text is cut and `end` appended.
    public static func truncate(_ s: String, length: Int, end: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > length else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(max(0, length)))
        return String(out) + end
    }

    /// The first letter upper case, the rest lower case.
    public static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: s.unicodeScalars.dropFirst())
        return CaseMapping.uppercase(String(first)) + CaseMapping.lowercase(String(rest))
    }

    /// Every word capitalised.
    public static func titleCase(_ s: String) -> String {
        split(s, " ").map { capitalize($0) }.joined(separator: " ")
    }

    /// Drops `<…>` tags (and HTML comments), keeping the text between them.
    public static func stripTags(_ s: String) -> String {
        var out: [UInt8] = []
        var inTag = false
        for b in s.utf8 {
            if inTag {
                if b == UInt8(ascii: ">") { inTag = false }
            } else if b == UInt8(ascii: "<") {
                inTag = true
            } else {
                out.append(b)
            }
        }
        return Text.decode(out)
    }
}

/// A `String` as a dictionary key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own `==`, `<` and hashing follow Unicode canonical equivalence, and in
/// Embedded Swift that links the normalization tables (~35 KB of data in the wasm
/// component, plus the code that reads them). Object keys, names and paths compare by
/// code points in JSON, Jinja and Tera anyway, so the shared core keys its dictionaries
/// with this and compares names with ``Text/equal(_:_:)``.
///
/// ```swift
/// var index: [UTF8Key: Int] = [:]
/// index[UTF8Key("title")] = 0
/// switch UTF8Key(name) {
/// case "upper", "lower": …
/// default: …
/// }
/// ```
public struct UTF8Key: Hashable, Sendable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool { Text.equal(a.string, b.string) }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Lets a `switch` over a key match string literals byte for byte.
    public static func ~= (pattern: StaticString, key: UTF8Key) -> Bool {
        Text.equal(key.string, pattern)
    }
}

extension Text {
    /// Whether two strings have the same UTF-8 bytes (no Unicode normalization).
    ///
    /// Compares the contiguous bytes, and two strings sharing one buffer (a page's
    /// content reused from the last build) are equal at once, whatever their length.
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // `withUTF8`, not ``withBytes(_:_:)``: this runs on every request (methods, names),
        // and a closure called through the function table costs a fresh instance a lazy
        // table entry each (see ``withBytes(_:_:)``).
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.baseAddress == y.baseAddress || bytesEqual(x, y) }
        }
    }

    /// Two buffers of the same length hold the same bytes; eight at a time.
    static func bytesEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
        let n = x.count
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(q + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if p[i] != q[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether a string has the bytes of a literal.
    public static func equal(_ a: String, _ b: StaticString) -> Bool {
        guard a.utf8.count == b.utf8CodeUnitCount else { return false }
        var a = a  // on every request, as above
        return a.withUTF8 { x in b.withUTF8Buffer { y in bytesEqual(x, y) } }
    }

    /// Whether `list` holds a string with the bytes of `s`.
    public static func contains(_ list: [String], _ s: String) -> Bool {
        list.contains { equal($0, s) }
    }

    /// `strings` in code-point order (``compare(_:_:)``).
    public static func sorted(_ strings: [String]) -> [String] {
        strings.sorted { compare($0, $1) < 0 }
    }
}

/// A piece of template data: what templates read, what loaders return, what JSON decodes to.
///
/// `Value` is the one data model shared by the build (natively) and by the wasm
/// component (in Embedded Swift), so it is a plain enum: no `Any`, no existentials.
///
/// ```swift
/// let page: Value = ["title": "Hello", "tags": ["swift", "wasm"], "draft": false, "summary": .null]
/// page["title"]          // .string("Hello")
/// page["tags"]?.count    // 2
/// ```
public enum Value: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object(Object)
    /// Markup that is trusted and written without escaping (rendered Markdown, `| safe`).
    case html(String)
}

extension Value {
    /// Looks up a key of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> Value? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array; `nil` when out of range or not an array.
    public subscript(index: Int) -> Value? {
        guard case .array(let items) = self, index >= 0, index < items.count else { return nil }
        return items[index]
    }

    /// Truthiness as templates see it (Jinja's rules): `null`, `false`, `0`, `0.0`,
    /// `""` and empty collections are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .html(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// The number of elements (array), entries (object) or Unicode scalars (string: what
    /// Jinja's `len` and Tera's `length` count, and what `truncate` cuts by); `nil` otherwise.
    /// Not `String.count`: grapheme breaking would put ~10 KB of tables and code into the
    /// server component of every site whose islands use `length`.
    public var count: Int? {
        switch self {
        case .array(let a): return a.count
        case .object(let o): return o.count
        case .string(let s), .html(let s): return Text.scalarCount(s)
        default: return nil
        }
    }

    /// The string payload of `.string` or `.html`.
    public var stringValue: String? {
        switch self {
        case .string(let s), .html(let s): return s
        default: return nil
        }
    }

    /// The array payload, if this is an array.
    public var arrayValue: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object payload, if this is an object.
    public var objectValue: Object? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The integer payload; a `.double` with an integral value converts.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d):
            return Int(exactly: d)
        default: return nil
        }
    }

    /// `d` as an integer when it is integral and within ±2^53 (exact in a double); `Int64`
    /// because `Int` is 32-bit in wasm32.
    public static func exactInteger(_ d: Double) -> Int64? {
        guard d.magnitude <= 9_007_199_254_740_992 else { return nil }
        return Int64(exactly: d)
    }

    /// The numeric payload as a `Double`.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// A short name of the value's kind, for error messages ("expected a string, got an array").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .html: return "HTML"
        }
    }
}

// Deliberately not ExpressibleByNilLiteral: with it, a `nil` meant as `Value?.none`
// silently becomes `.null` in ternaries and returns.
extension Value: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var object = Object()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension Value {
    /// Same kind and payload; strings compare by their UTF-8 bytes (``Text/equal(_:_:)``),
    /// as JSON and Jinja compare them, not by Unicode canonical equivalence.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)), (.html(let x), .html(let y)): return Text.equal(x, y)
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    /// Equality of the data JSON can carry: numbers compare by value (`2` equals `2.0`,
    /// which JSON does not tell apart) and trusted HTML equals the same string. What
    /// `JSON.parse(JSON.serialize(v))` preserves.
    public func isJSONEquivalent(to other: Value) -> Bool {
        switch (self, other) {
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for i in 0..<a.count where !a[i].isJSONEquivalent(to: b[i]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let other = b[key], value.isJSONEquivalent(to: other) else { return false }
            }
            return true
        case (.html(let a), .string(let b)), (.string(let a), .html(let b)):
            return Text.equal(a, b)
        default:
            if let a = doubleValue, let b = other.doubleValue { return a == b || (a.isNaN && b.isNaN) }
            return self == other
        }
    }
}

/// An ordered string-keyed map: keeps insertion order, so JSON and template
/// output are deterministic, and looks keys up by hash.
public struct Object: Equatable, Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    /// Values, parallel to `keys`.
    public private(set) var values: [Value] = []
    /// Keyed by bytes, not by `String` (see ``UTF8Key``).
    private var index: [UTF8Key: Int] = [:]

    /// An empty object.
    public init() {}

    /// Creates an object from key/value pairs; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of entries.
    public var count: Int { keys.count }
    /// Whether there are no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// Reads, sets, or (with `nil`) removes the value of `key`.
    public subscript(key: String) -> Value? {
        get {
            guard let i = index[UTF8Key(key)] else { return nil }
            return values[i]
        }
        set {
            if let i = index[UTF8Key(key)] {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    index[UTF8Key(key)] = nil
                    for j in i..<keys.count { index[UTF8Key(keys[j])] = j }
                }
            } else if let newValue {
                index[UTF8Key(key)] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// The entries in insertion order.
    public var entries: [(key: String, value: Value)] {
        var result: [(key: String, value: Value)] = []
        result.reserveCapacity(keys.count)
        for i in 0..<keys.count { result.append((keys[i], values[i])) }
        return result
    }

    /// Two objects are equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: Object, rhs: Object) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Same keys in the same order (the usual case, and instant for shared storage).
        let sharedKeys = lhs.keys.withUnsafeBufferPointer { x in rhs.keys.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        if sharedKeys || lhs.keys.elementsEqual(rhs.keys, by: Text.equal) { return lhs.values == rhs.values }
        for i in 0..<lhs.keys.count {
            guard let other = rhs[lhs.keys[i]], other == lhs.values[i] else { return false }
        }
        return true
    }
}

extension Object: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}

/// An ordered string-keyed map: keeps insertion order, so JSON and template
/// output are deterministic.
///
/// Most objects (a JSON body, an island's arguments) have a few keys, and those are found
/// by comparing bytes in order. Past ``scanLimit`` keys an index finds them by hash: an
/// open-addressing table of positions, at most half full, hashed with a per-process keyed
/// ``SipHash`` (input chosen to collide cannot make lookups quadratic). It
/// replaces a `Dictionary`, whose generic code the server component would carry only for this.
public struct Object: Equatable, Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    /// Values, parallel to `keys`.
    public private(set) var values: [Value] = []
    /// With more than ``scanLimit`` keys: each key's position in `keys` plus one, in the
    /// slot its hash picks or the next free one after it; 0 is a free slot. Else empty.
    private var slots: [Int] = []

    /// Up to this many keys, a lookup compares keys in order.
    static let scanLimit = 8

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
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        // Never inlined: with removal and reindexing it is large, and every `object[key] =`
        // would carry a copy (-1.5 KB in the blog's server component).
        @inline(never)
        set {
            if let i = position(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    reindex()
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if keys.count > Self.scanLimit {
                    if slots.count < 2 * keys.count { reindex() } else { place(keys.count - 1) }
                }
            }
        }
    }

    /// Where `key` is in `keys`.
    private func position(of key: String) -> Int? {
        if slots.isEmpty {
            var i = 0
            while i < keys.count {
                if Text.equal(keys[i], key) { return i }
                i += 1
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while slots[slot] != 0 {
            if Text.equal(keys[slots[slot] - 1], key) { return slots[slot] - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Builds the index anew (or drops it, at ``scanLimit`` keys or fewer), with at least
    /// four times as many slots as keys; the setter rebuilds it when fewer than twice as
    /// many are left.
    private mutating func reindex() {
        guard keys.count > Self.scanLimit else {
            slots = []
            return
        }
        var size = 32
        while size < 4 * keys.count { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for i in 0..<keys.count { place(i) }
    }

    /// Puts position `i` in the first free slot from its key's hash on.
    private mutating func place(_ i: Int) {
        let mask = slots.count - 1
        var slot = Self.hash(keys[i]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = i + 1
    }

    private static func hash(_ key: String) -> Int {
        var hash: UInt64 = 0
        Text.withBytes(key) { hash = SipHash.hash($0) }
        return Int(truncatingIfNeeded: hash)
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

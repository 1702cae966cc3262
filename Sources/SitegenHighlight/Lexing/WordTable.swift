/// A fixed set of words (keywords, built-in types, constants) and the kind of each,
/// looked up straight from a byte range of the code.
///
/// Why not `[String: TokenKind]`: every identifier of every code block is looked up, and
/// making a `String` for each costs more than lexing it. This is open addressing over a
/// pool of bytes, built once per language.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var kinds: [TokenKind] = []
    private var pool: [UInt8] = []
    private let mask: Int
    private(set) var maxLength = 0
    /// Whether lookups ignore ASCII case (SQL).
    let ignoresCase: Bool

    /// Builds a table from groups of space-separated words; a later group wins for a repeated word.
    init(_ groups: [(TokenKind, String)], ignoringCase: Bool = false) {
        ignoresCase = ignoringCase
        let count = groups.reduce(0) { $0 + $1.1.split(separator: " ").count }
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        for (kind, words) in groups {
            for word in words.split(separator: " ") { insert(Array(word.utf8), kind) }
        }
    }

    private mutating func insert(_ word: [UInt8], _ kind: TokenKind) {
        let word = ignoresCase ? word.map(\.lowercased) : word
        var slot = word.withUnsafeBufferPointer { Self.hash($0, 0..<$0.count, ignoringCase: false) } & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if Array(pool[Int(starts[entry])..<Int(starts[entry] + lengths[entry])]) == word {
                kinds[entry] = kind
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(kinds.count)
        starts.append(Int32(pool.count))
        lengths.append(Int32(word.count))
        kinds.append(kind)
        pool.append(contentsOf: word)
        maxLength = max(maxLength, word.count)
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ignoringCase: Bool) -> Int {
        var hash = 5381
        for index in range {
            let byte = ignoringCase ? bytes[index].lowercased : bytes[index]
            hash = (hash &* 33) ^ Int(byte)
        }
        return hash ^ (hash >> 7)
    }

    /// The kind of the word at `range` in `bytes`, or `nil` when it is not in the table.
    func kind(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> TokenKind? {
        let length = range.count
        guard length <= maxLength, length > 0 else { return nil }
        var slot = Self.hash(bytes, range, ignoringCase: ignoresCase) & mask
        return pool.withUnsafeBufferPointer { pool in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                if Int(lengths[entry]) == length {
                    let start = Int(starts[entry])
                    var offset = 0
                    while offset < length {
                        let byte = bytes[range.lowerBound + offset]
                        if (ignoresCase ? byte.lowercased : byte) != pool[start + offset] { break }
                        offset += 1
                    }
                    if offset == length { return kinds[entry] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the word at `range` is in the table.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        kind(of: bytes, range) != nil
    }
}

/// SplitMix64: a small, fast, deterministic generator, so a fuzz run (and any failure
/// it finds) is reproduced exactly from its seed and input number.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// let length = random.below(100)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed always gives the same sequence.
    /// - Parameter seed: Any value.
    public init(seed: UInt64) { state = seed }

    /// A generator for input number `index` of a run with `seed`, independent of the
    /// inputs before it, so one input can be regenerated on its own.
    /// - Parameters:
    ///   - seed: The run's seed.
    ///   - index: The input number.
    public init(seed: UInt64, index: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ 0x5EED_F022)
        state = mixer.next() ^ SeededGenerator(seed: index &* 0xD1B5_4A32_D192_ED03).mixed()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform value in `0..<bound`; 0 when `bound` is 0.
    /// - Parameter bound: The exclusive upper bound.
    public mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    /// True with probability `1/n`.
    /// - Parameter n: The odds.
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    /// A random element of a non-empty array.
    /// - Parameter items: The choices.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A length biased towards small values (most inputs are short; some are long).
    /// - Parameter limit: The largest length returned.
    public mutating func length(upTo limit: Int) -> Int {
        switch below(8) {
        case 0: return below(limit + 1)
        case 1, 2: return below(min(limit, 256) + 1)
        default: return below(min(limit, 32) + 1)
        }
    }

    private func mixed() -> UInt64 { Self.mix(state &+ 0x9E37_79B9_7F4A_7C15) }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

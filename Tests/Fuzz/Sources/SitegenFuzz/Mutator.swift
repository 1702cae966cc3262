/// Structure-aware mutation: turns valid seed inputs into nearly-valid ones, which reach
/// far deeper into a parser than random bytes do.
///
/// Each input of a run is one of: random bytes, a sequence of the target's tokens (a
/// crude grammar), or a seed with one to eight stacked mutations — byte and bit flips,
/// "interesting" bytes (NUL, CR, LF, 0x80, 0xFF…), insertions, deletions, duplications,
/// truncations, splices with another seed, and the target's tricky tokens inserted once
/// or repeated hundreds of times (deep nesting, long runs).
public struct Mutator: Sendable {
    /// Valid inputs to start from.
    public var seeds: [[UInt8]]
    /// Fragments that mean something to the target (`{%`, `%2e`, `\u`, `: &a`…).
    public var tokens: [[UInt8]]
    /// The longest input produced.
    public var maxLength: Int

    /// Creates a mutator.
    /// - Parameters:
    ///   - seeds: Valid inputs; must not be empty.
    ///   - tokens: Meaningful fragments; must not be empty.
    ///   - maxLength: The longest input produced.
    public init(seeds: [[UInt8]], tokens: [[UInt8]], maxLength: Int) {
        precondition(!seeds.isEmpty && !tokens.isEmpty, "a fuzz target needs at least one seed and one token")
        self.seeds = seeds
        self.tokens = tokens
        self.maxLength = maxLength
    }

    static let interestingBytes: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x25, 0x27, 0x2F, 0x3C, 0x3E, 0x5C,
                                            0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF8, 0xFF]

    /// The input for one number of a run.
    /// - Parameter random: A generator made for this input (``SeededGenerator/init(seed:index:)``).
    public func input(_ random: inout SeededGenerator) -> [UInt8] {
        switch random.below(20) {
        case 0, 1:
            return (0..<random.length(upTo: maxLength)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 2, 3:
            var bytes: [UInt8] = []
            for _ in 0..<(1 + random.below(40)) where bytes.count < maxLength { bytes += random.pick(tokens) }
            return clipped(bytes)
        case 4:
            return random.pick(seeds)
        default:
            var bytes = random.pick(seeds)
            for _ in 0..<(1 + random.below(8)) { mutate(&bytes, &random) }
            return clipped(bytes)
        }
    }

    /// Applies one random mutation to `bytes`.
    public func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let position = random.below(bytes.count + 1)
        switch random.below(12) {
        case 0 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] = random.pick(Self.interestingBytes)
        case 3:
            bytes.insert(contentsOf: (0..<(1 + random.below(4))).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 4 where !bytes.isEmpty:
            let range = randomRange(in: bytes, &random)
            bytes.removeSubrange(range)
        case 5 where !bytes.isEmpty:
            let range = randomRange(in: bytes, &random)
            bytes.insert(contentsOf: bytes[range], at: random.below(bytes.count + 1))
        case 6:
            bytes.removeSubrange(position...)
        case 7:
            let other = random.pick(seeds)
            let cut = random.below(other.count + 1)
            bytes = Array(bytes[..<position]) + other[cut...]
        case 8, 9:
            bytes.insert(contentsOf: random.pick(tokens), at: position)
        case 10 where !bytes.isEmpty:
            let range = randomRange(in: bytes, &random)
            bytes.replaceSubrange(range, with: random.pick(tokens))
        case 11:
            let token = random.pick(tokens)
            let times = random.oneIn(4) ? 200 + random.below(3000) : 2 + random.below(20)
            var run: [UInt8] = []
            run.reserveCapacity(token.count * times)
            for _ in 0..<times where run.count < maxLength { run += token }
            bytes.insert(contentsOf: run, at: position)
        default:
            bytes.insert(random.pick(Self.interestingBytes), at: position)
        }
        if bytes.count > maxLength { bytes.removeSubrange(maxLength...) }
    }

    private func randomRange(in bytes: [UInt8], _ random: inout SeededGenerator) -> Range<Int> {
        let start = random.below(bytes.count)
        let length = 1 + random.below(min(bytes.count - start, random.oneIn(4) ? bytes.count : 16))
        return start..<(start + length)
    }

    private func clipped(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count > maxLength ? Array(bytes[..<maxLength]) : bytes
    }
}

/// The UTF-8 bytes of each string, for writing seeds and tokens as text.
/// - Parameter strings: The texts.
public func utf8Bytes(_ strings: [String]) -> [[UInt8]] { strings.map { [UInt8]($0.utf8) } }

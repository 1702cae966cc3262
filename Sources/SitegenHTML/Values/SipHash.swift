/// SipHash-1-3 over bytes, keyed once per process from the system's random source: the
/// hash of ``Object``'s index.
///
/// It is the function the standard library's `Hasher` computes (SipHash-1-3 with a
/// per-process random seed), written for one buffer at a time. `Hasher`'s buffering for
/// values fed in pieces made it about 1.2 KB of the server component; this is a third of
/// that. A keyed hash keeps lookups fast against keys chosen to collide: without the key,
/// no one can tell which keys share a slot.
enum SipHash {
    /// The per-process key (the component draws it from `wasi:random`).
    static let key: (UInt64, UInt64) = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }()

    /// The SipHash-1-3 of `bytes` under ``key``.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(bytes, key: key)
    }

    /// The SipHash-1-3 of `bytes` under `key`: one compression round per 8-byte word,
    /// three finalization rounds.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, key: (UInt64, UInt64)) -> UInt64 {
        var state = State(key: key)
        let count = bytes.count
        var i = 0
        while true {
            // Each 8-byte word, little-endian; then the last word: the remaining bytes, the
            // length's low byte on top.
            var word: UInt64 = 0
            let isLast = count - i < 8
            if isLast {
                word = UInt64(truncatingIfNeeded: count) << 56
                for j in 0..<(count - i) { word |= UInt64(bytes[i + j]) << UInt64(8 * j) }
            } else {
                word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
            }
            state.v3 ^= word
            state.round()
            state.v0 ^= word
            if isLast { break }
            i += 8
        }
        state.v2 ^= 0xFF
        for _ in 0..<3 { state.round() }
        return state.v0 ^ state.v1 ^ state.v2 ^ state.v3
    }

    private struct State {
        var v0, v1, v2, v3: UInt64

        init(key: (UInt64, UInt64)) {
            v0 = key.0 ^ 0x736F_6D65_7073_6575
            v1 = key.1 ^ 0x646F_7261_6E64_6F6D
            v2 = key.0 ^ 0x6C79_6765_6E65_7261
            v3 = key.1 ^ 0x7465_6462_7974_6573
        }

        mutating func round() {
            v0 &+= v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 &+= v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 &+= v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 &+= v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }

        private func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { x << n | x >> (64 - n) }
    }
}

/// Puts the live-reload script into an HTML body as it streams past, before `</body>`
/// (matched without regard to case), or at the end when there is none.
///
/// Chunks pass through at once; only a tail that could be the start of `</body` is held
/// back until the next chunk, so streamed suspense sections are not delayed.
struct HTMLInjector {
    let snippet: [UInt8]
    private(set) var injected = false
    private var carry: [UInt8] = []
    private static let marker = Array("</body".utf8)

    init(snippet: [UInt8]) {
        self.snippet = snippet
    }

    /// The bytes to send for `chunk`.
    mutating func process(_ chunk: [UInt8]) -> [UInt8] {
        guard !injected else { return chunk }
        let data = carry + chunk
        carry = []
        if let index = Self.find(Self.marker, in: data) {
            injected = true
            return Array(data[..<index]) + snippet + Array(data[index...])
        }
        let hold = Self.partialMarkerSuffix(data)
        carry = Array(data[(data.count - hold)...])
        return Array(data[..<(data.count - hold)])
    }

    /// The bytes to send when the body ends.
    mutating func finish() -> [UInt8] {
        guard !injected else { return [] }
        injected = true
        defer { carry = [] }
        return carry + snippet
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for (offset, byte) in needle.enumerated() where lower(haystack[start + offset]) != byte { continue outer }
            return start
        }
        return nil
    }

    /// How many trailing bytes of `data` are a proper prefix of `</body`.
    static func partialMarkerSuffix(_ data: [UInt8]) -> Int {
        for length in stride(from: min(marker.count - 1, data.count), to: 0, by: -1) {
            let tail = data[(data.count - length)...]
            if zip(tail, marker).allSatisfy({ lower($0) == $1 }) { return length }
        }
        return 0
    }
}

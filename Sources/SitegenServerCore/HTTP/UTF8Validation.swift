/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above
/// U+10FFFF.
///
/// Written out rather than using `String(validating:as:)`, which needs macOS 15 at run
/// time on Apple platforms; this also keeps the check visible where security depends on it
/// (an overlong `%C0%AE` must never pass as `.`).
enum UTF8Validation {
    /// Whether `bytes` is well-formed UTF-8.
    static func isValid<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        while let lead = iterator.next() {
            let continuationCount: Int
            // The allowed range of the first continuation byte excludes overlong forms,
            // surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..).
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: continuationCount = 1
            case 0xE0: continuationCount = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: continuationCount = 2
            case 0xED: continuationCount = 2; high = 0x9F
            case 0xF0: continuationCount = 3; low = 0x90
            case 0xF1...0xF3: continuationCount = 3
            case 0xF4: continuationCount = 3; high = 0x8F
            default: return false
            }
            for index in 0..<continuationCount {
                guard let byte = iterator.next() else { return false }
                if index == 0 {
                    guard byte >= low && byte <= high else { return false }
                } else {
                    guard byte & 0xC0 == 0x80 else { return false }
                }
            }
        }
        return true
    }
}

/// Entity-tag matching for `If-None-Match` and `If-Range` (RFC 9110 sections 8.8.3,
/// 13.1.2 and 13.1.5).
///
/// A tag's opaque part may contain commas (`"a,b"` is valid), so lists are scanned tag by
/// tag rather than split on commas.
enum EntityTag {
    /// What a tag list says about one opaque part. The list is scanned, not collected: an
    /// array of tags would be one more element type in the server component, with its own
    /// copy of the array code.
    private struct Scan {
        /// The list is `*`.
        var isAny = false
        /// How many tags it has.
        var count = 0
        /// A tag equals the opaque part under weak comparison (`W/` ignored).
        var matchesWeakly = false
        /// The first tag is strong and equals the opaque part.
        var firstMatchesStrongly = false
    }

    /// `If-None-Match` evaluation: true when `*` or any listed tag equals `opaque` under
    /// weak comparison (the `W/` prefix is ignored on both sides). A malformed header
    /// matches nothing, so the full response is sent.
    static func noneMatchHeader(_ value: [UInt8], matches opaque: [UInt8]) -> Bool {
        guard let scan = scanList(value, for: opaque) else { return false }
        return scan.isAny || scan.matchesWeakly
    }

    /// `If-Range` evaluation: true only for a single strong tag equal to `opaque`.
    /// A date never matches because assets carry no `Last-Modified`, and a weak tag never
    /// matches because `If-Range` requires strong comparison; in both cases the caller
    /// ignores `Range` and sends the whole file.
    static func ifRangeHeader(_ value: [UInt8], matches opaque: [UInt8]) -> Bool {
        guard let scan = scanList(value, for: opaque), !scan.isAny, scan.count == 1 else { return false }
        return scan.firstMatchesStrongly
    }

    /// Scans `value`, a `*` or a comma-separated list of entity tags, comparing each tag's
    /// opaque part with `opaque`; `nil` when the list is malformed or empty.
    private static func scanList(_ value: [UInt8], for opaque: [UInt8]) -> Scan? {
        let trimmed = ASCII.trimmed(value[...])
        var scan = Scan()
        if trimmed.count == 1, trimmed.first == UInt8(ascii: "*") {
            scan.isAny = true
            return scan
        }
        var index = trimmed.startIndex
        let end = trimmed.endIndex
        while index < end {
            let byte = trimmed[index]
            if byte == UInt8(ascii: ",") || ASCII.isWhitespace(byte) {
                index += 1
                continue
            }
            var isWeak = false
            if byte == UInt8(ascii: "W"), index + 1 < end, trimmed[index + 1] == UInt8(ascii: "/") {
                isWeak = true
                index += 2
            }
            guard index < end, trimmed[index] == UInt8(ascii: "\"") else { return nil }
            let opaqueStart = index + 1
            guard let close = trimmed[opaqueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            let equal = trimmed[opaqueStart..<close].elementsEqual(opaque)
            if equal { scan.matchesWeakly = true }
            if scan.count == 0 { scan.firstMatchesStrongly = equal && !isWeak }
            scan.count += 1
            index = close + 1
            while index < end, ASCII.isWhitespace(trimmed[index]) { index += 1 }
            guard index == end || trimmed[index] == UInt8(ascii: ",") else { return nil }
        }
        return scan.count == 0 ? nil : scan
    }
}

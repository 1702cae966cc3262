/// Entity-tag matching for `If-None-Match` and `If-Range` (RFC 9110 sections 8.8.3,
/// 13.1.2 and 13.1.5).
///
/// A tag's opaque part may contain commas (`"a,b"` is valid), so lists are scanned tag by
/// tag rather than split on commas.
enum EntityTag {
    private struct Tag {
        var isWeak: Bool
        var opaque: ArraySlice<UInt8>
    }

    private enum List {
        case any
        case tags([Tag])
    }

    /// `If-None-Match` evaluation: true when `*` or any listed tag equals `opaque` under
    /// weak comparison (the `W/` prefix is ignored on both sides). A malformed header
    /// matches nothing, so the full response is sent.
    static func noneMatchHeader(_ value: [UInt8], matches opaque: [UInt8]) -> Bool {
        switch parseList(value[...]) {
        case .any: return true
        case .tags(let tags): return tags.contains { $0.opaque.elementsEqual(opaque) }
        case nil: return false
        }
    }

    /// `If-Range` evaluation: true only for a single strong tag equal to `opaque`.
    /// A date never matches because assets carry no `Last-Modified`, and a weak tag never
    /// matches because `If-Range` requires strong comparison; in both cases the caller
    /// ignores `Range` and sends the whole file.
    static func ifRangeHeader(_ value: [UInt8], matches opaque: [UInt8]) -> Bool {
        guard case .tags(let tags) = parseList(value[...]), tags.count == 1, !tags[0].isWeak else { return false }
        return tags[0].opaque.elementsEqual(opaque)
    }

    private static func parseList(_ value: ArraySlice<UInt8>) -> List? {
        let trimmed = ASCII.trimmed(value)
        if trimmed.elementsEqual([UInt8(ascii: "*")]) { return .any }
        var tags: [Tag] = []
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
            tags.append(Tag(isWeak: isWeak, opaque: trimmed[opaqueStart..<close]))
            index = close + 1
            while index < end, ASCII.isWhitespace(trimmed[index]) { index += 1 }
            guard index == end || trimmed[index] == UInt8(ascii: ",") else { return nil }
        }
        return tags.isEmpty ? nil : .tags(tags)
    }
}

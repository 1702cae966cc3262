/// The URL of a suspense boundary's deferred island, and the boundaries a page's shell
/// carries.
///
/// Each boundary the build writes opens with `<sg-b id="sg-bN" data-src="/_sg/island/<loader>?a=<arguments>&amp;s=<signature>">`
/// (SitegenHTML's `SuspenseMarkup.open(_:source:)`, the `&` escaped in the attribute): its
/// number in the page, its loader and its arguments (JSON, base64url). The component reads
/// a streamed page's sections from there, so nothing per page goes into the component:
/// the shell it serves is the one place they are written.
public enum IslandSource {
    /// `/_sg/island/<loader>?a=<encodedArguments>&s=<signature>`.
    public static func path(loader: String, encodedArguments: String, signature: String) -> String {
        ASCII.join(ASCII.join("/_sg/island/", loader, "?a=", encodedArguments), "&s=", signature)
    }

    /// The next boundary in `shell` at or after `offset`, which it moves past it: its
    /// number, loader and encoded arguments. Boundaries without an island URL are skipped.
    public static func nextBoundary(in shell: [UInt8], from offset: inout Int) -> (id: Int, loader: String, encodedArguments: String)? {
        let opening: StaticString = "<sg-b id=\"sg-b"
        while let start = find(opening, in: shell, from: offset) {
            var i = start + opening.utf8CodeUnitCount
            offset = i
            var id = 0, digits = 0
            while i < shell.count, digits < 9, ASCII.isDigit(shell[i]) {
                id = id * 10 + Int(shell[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            guard digits > 0, skip("\" data-src=\"/_sg/island/", in: shell, at: &i) else { continue }
            let loaderStart = i
            while i < shell.count, shell[i] != UInt8(ascii: "?"), shell[i] != UInt8(ascii: "\"") { i += 1 }
            let loaderEnd = i
            guard i > loaderStart, skip("?a=", in: shell, at: &i) else { continue }
            let argumentsStart = i
            while i < shell.count, shell[i] != UInt8(ascii: "&"), shell[i] != UInt8(ascii: "\"") { i += 1 }
            let argumentsEnd = i
            guard skip("&amp;s=", in: shell, at: &i) else { continue }
            offset = i
            return (id, ASCII.decode(shell[loaderStart..<loaderEnd]), ASCII.decode(shell[argumentsStart..<argumentsEnd]))
        }
        offset = shell.count
        return nil
    }

    /// Where `literal` next occurs in `bytes` at or after `from`. A streamed page's shell is
    /// scanned on every request, so words of four bytes in which none is the literal's first
    /// byte are passed over whole (a byte of `word ^ repeated` is zero where they match).
    private static func find(_ literal: StaticString, in bytes: [UInt8], from: Int) -> Int? {
        let first = literal.utf8Start.pointee
        let repeated = UInt32(first) &* 0x0101_0101
        var i = max(0, from)
        return bytes.withUnsafeBytes { raw -> Int? in
            while i < raw.count {
                if raw.count - i >= 4 {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self) ^ repeated
                    if (word &- 0x0101_0101) & ~word & 0x8080_8080 == 0 {
                        i += 4
                        continue
                    }
                }
                var end = i
                if raw[i] == first, skip(literal, in: bytes, at: &end) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Whether `bytes` holds `literal` from `offset` on; if so, moves `offset` past it.
    @inline(never)  // four call sites
    private static func skip(_ literal: StaticString, in bytes: [UInt8], at offset: inout Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset >= 0, bytes.count - offset >= count else { return false }
        for k in 0..<count where bytes[offset + k] != literal.utf8Start[k] { return false }
        offset += count
        return true
    }
}

/// Escaping of text for HTML, and the check that keeps `javascript:` out of links.
///
/// Everything the renderer writes that did not come from a trusted `.html` value goes
/// through ``escape(_:into:)``. The same five replacements are safe in element text and
/// in attribute values quoted with either `"` or `'`, so callers never choose a context.
///
/// ```swift
/// HTMLEscaping.escape("Fish & \"Chips\"")           // "Fish &amp; &quot;Chips&quot;"
/// HTMLEscaping.sanitizeURL("javascript:alert(1)")  // "about:invalid"
/// ```
///
/// Works on UTF-8 bytes only: no `Character` iteration, so Embedded builds need no
/// Unicode tables for it.
public enum HTMLEscaping {
    /// Appends `text` to `bytes` as UTF-8, with `&`, `<`, `>`, `"` and `'` replaced by
    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`.
    ///
    /// Runs of bytes that need no escaping are copied in one go.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - bytes: The buffer to append to.
    public static func escape(_ text: String, into bytes: inout [UInt8]) {
        Text.withBytes(text) { source in
            var runStart = 0
            for index in 0..<source.count {
                let replacement: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if runStart < index {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            if runStart < source.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
            }
        }
    }

    /// Returns `text` escaped for HTML text and quoted attribute values.
    /// - Parameter text: Untrusted text.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &bytes)
        return Text.decode(bytes)
    }

    /// What ``sanitizeURL(_:)`` puts in place of a dangerous URL: inert, and easy to spot
    /// in the output.
    public static let unsafeURLReplacement = "about:invalid"

    /// Whether `url` can be put in `href`/`src` without running script when followed.
    ///
    /// Rejects the `javascript:`, `vbscript:`, `livescript:` and `mocha:` schemes, and
    /// `data:` unless it starts `data:image/png;`, `data:image/gif;`, `data:image/jpeg;` or
    /// `data:image/webp;` (SVG can carry script). Everything else is allowed: relative
    /// URLs, `#fragment`, `http:`, `https:`, `mailto:`, `tel:`.
    ///
    /// The scheme is read the way browsers read it: case-insensitively, after dropping
    /// leading spaces and control characters and every tab, CR and LF (`"java\tscript:"`
    /// is `javascript:`). In case the URL reaches an attribute without being escaped,
    /// character references in the scheme are decoded first (`jav&#x09;ascript:`,
    /// `&#106;avascript:`, `javascript&colon;`). Other control characters are dropped
    /// too, which errs towards rejecting.
    /// - Parameter url: The URL as the author wrote it.
    public static func isSafeURL(_ url: String) -> Bool {
        // Paths, fragments and queries (most URLs in a site) cannot start with a scheme.
        if let first = url.utf8.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "#") || first == UInt8(ascii: "?") {
            return true
        }
        let prefix = significantPrefix(of: Array(url.utf8), limit: 32)
        guard let first = prefix.first, isASCIILetter(first) else { return true }
        var end = 1
        while end < prefix.count, isSchemeByte(prefix[end]) { end += 1 }
        guard end < prefix.count, prefix[end] == UInt8(ascii: ":") else { return true }
        func scheme(is name: StaticString) -> Bool { end == name.utf8CodeUnitCount && has(name, in: prefix, at: 0) }
        if scheme(is: "data") {
            return has("image/png;", in: prefix, at: end + 1) || has("image/gif;", in: prefix, at: end + 1)
                || has("image/jpeg;", in: prefix, at: end + 1) || has("image/webp;", in: prefix, at: end + 1)
        }
        return !(scheme(is: "javascript") || scheme(is: "vbscript") || scheme(is: "livescript") || scheme(is: "mocha"))
    }

    /// Returns `url` if ``isSafeURL(_:)`` accepts it, else ``unsafeURLReplacement``.
    ///
    /// The result still needs ``escape(_:into:)`` when written into an attribute.
    /// - Parameter url: The URL as the author wrote it.
    public static func sanitizeURL(_ url: String) -> String {
        isSafeURL(url) ? url : unsafeURLReplacement
    }

    /// Whether `bytes` holds `literal` from `offset` on.
    private static func has(_ literal: StaticString, in bytes: [UInt8], at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset >= 0, bytes.count - offset >= count else { return false }
        let text = literal.utf8Start
        for i in 0..<count where bytes[offset + i] != text[i] { return false }
        return true
    }

    /// The first `limit` bytes that decide the scheme, lower-cased: references decoded,
    /// leading space/control bytes dropped, control bytes elsewhere dropped. Non-ASCII
    /// decoded references become 0xFF, which no scheme contains.
    private static func significantPrefix(of bytes: [UInt8], limit: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(limit)
        var index = 0
        while index < bytes.count, result.count < limit {
            var byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "&"), let (decoded, next) = characterReference(in: bytes, at: index) {
                byte = decoded
                index = next
            }
            if byte < 0x20 || byte == 0x7F || (byte == 0x20 && result.isEmpty) { continue }
            result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return result
    }

    /// Decodes `&#NN;`, `&#xHH;` (semicolon optional, as browsers allow) and the named
    /// references that matter in schemes, starting just after the `&`.
    private static func characterReference(in bytes: [UInt8], at start: Int) -> (UInt8, Int)? {
        if has("Tab;", in: bytes, at: start) { return (0x09, start + 4) }
        if has("NewLine;", in: bytes, at: start) { return (0x0A, start + 8) }
        if has("colon;", in: bytes, at: start) { return (UInt8(ascii: ":"), start + 6) }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "#") else { return nil }
        var index = start + 1
        let radix: UInt32
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        } else {
            radix = 10
        }
        var code: UInt32 = 0
        let digitsStart = index
        while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
            code = min(code &* radix &+ digit, 0x110000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (code < 0x80 ? UInt8(code) : 0xFF, index)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

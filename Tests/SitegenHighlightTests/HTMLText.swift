/// Reads back highlighter output: checks that the only markup is balanced `<span>`s,
/// then returns the text with entities decoded, which must be the code again.
enum HTMLText {
    /// The decoded text of `html`, leaving out line numbers; `nil` when `html` holds
    /// anything but `<span class="…">`, `</span>`, text and `&lt;` `&gt;` `&amp;`.
    static func decode(_ html: String) -> String? {
        var bytes: [UInt8] = []
        let html = Array(html.utf8)
        var index = 0
        var depth = 0
        var lineNumberDepth: Int?
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                if starts(html, at: index, with: "</span>") {
                    depth -= 1
                    guard depth >= 0 else { return nil }
                    if lineNumberDepth == depth { lineNumberDepth = nil }
                    index += 7
                    continue
                }
                guard starts(html, at: index, with: "<span class=\"") else { return nil }
                var end = index + 13
                while end < html.count, html[end] != UInt8(ascii: "\"") {
                    guard html[end] != UInt8(ascii: "<"), html[end] != UInt8(ascii: ">") else { return nil }
                    end += 1
                }
                guard starts(html, at: end, with: "\">") else { return nil }
                if starts(html, at: index, with: "<span class=\"ln\">") { lineNumberDepth = depth }
                depth += 1
                guard depth <= 3 else { return nil }
                index = end + 2
            } else if byte == UInt8(ascii: ">") {
                return nil
            } else if byte == UInt8(ascii: "&") {
                let decoded: UInt8
                if starts(html, at: index, with: "&lt;") {
                    (decoded, index) = (UInt8(ascii: "<"), index + 4)
                } else if starts(html, at: index, with: "&gt;") {
                    (decoded, index) = (UInt8(ascii: ">"), index + 4)
                } else if starts(html, at: index, with: "&amp;") {
                    (decoded, index) = (UInt8(ascii: "&"), index + 5)
                } else {
                    return nil
                }
                if lineNumberDepth == nil { bytes.append(decoded) }
            } else {
                if lineNumberDepth == nil { bytes.append(byte) }
                index += 1
            }
        }
        guard depth == 0 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return index + prefix.count <= bytes.count && Array(bytes[index..<index + prefix.count]) == prefix
    }
}

extension HTMLEscaping {
    /// Attributes whose value is a URL that a browser may follow or load.
    static let urlAttributes = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background", "data", "codebase",
        "longdesc", "usemap", "icon", "manifest", "lowsrc", "dynsrc",
    ]

    /// Whether `markup` ends by opening the value of a URL attribute (`<a href="`,
    /// `<img src='`, `<form action=`), so that what is written next starts the URL.
    ///
    /// The template interpreter asks this of the text before each `{{ }}` and, when it is
    /// true, passes the value through ``sanitizeURL(_:)``: `javascript:` and other
    /// script-running URLs become ``unsafeURLReplacement`` even when the template forgot
    /// to check them. A value later in the attribute (`href="/tags/{{ t }}"`) cannot
    /// change the scheme and is only escaped.
    /// - Parameter markup: Template text, e.g. `<a class="x" href="`.
    public static func opensURLAttribute(_ markup: String) -> Bool {
        var opens = false
        Text.withBytes(markup) { opens = opensURLAttribute(bytes: $0) }
        return opens
    }

    private static func opensURLAttribute(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Backwards from the end, without allocating: this runs before every `{{ }}`.
        var i = bytes.count - 1
        func skipSpace() { while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i -= 1 } }
        if i >= 0, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") { i -= 1 }
        skipSpace()
        guard i >= 0, bytes[i] == UInt8(ascii: "=") else { return false }
        i -= 1
        skipSpace()
        let end = i + 1
        while i >= 0, isAttributeNameByte(bytes[i]), end - i <= 17 { i -= 1 }
        // The name must start after whitespace or `/` (`data-href=` is not `href=`), or
        // at the start of the text, which may follow a tag (`<a {% if x %}href="`): in
        // doubt, check the URL.
        if i >= 0, bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0A && bytes[i] != 0x0D && bytes[i] != UInt8(ascii: "/") {
            return false
        }
        let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end])
        return urlAttributes.contains { attribute in
            attribute.utf8.count == name.count && zip(attribute.utf8, name).allSatisfy { $0 == $1 | (isASCIILetter($1) ? 0x20 : 0) }
        }
    }

    private static func isAttributeNameByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }
}

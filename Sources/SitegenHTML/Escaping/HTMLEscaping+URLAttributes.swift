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
        var bytes = markup.utf8.reversed().makeIterator()
        var next = bytes.next()
        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") { next = bytes.next() }
        while next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { next = bytes.next() }
        guard next == UInt8(ascii: "=") else { return false }
        next = bytes.next()
        while next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { next = bytes.next() }
        var name: [UInt8] = []
        while let b = next, isAttributeNameByte(b), name.count <= 16 {
            name.append(b | (isASCIILetter(b) ? 0x20 : 0))
            next = bytes.next()
        }
        // The name must start after whitespace or `/` (`data-href=` is not `href=`), or
        // at the start of the text, which may follow a tag (`<a {% if x %}href="`): in
        // doubt, check the URL.
        if let before = next, before != 0x20 && before != 0x09 && before != 0x0A && before != 0x0D && before != UInt8(ascii: "/") {
            return false
        }
        name.reverse()
        return urlAttributes.contains { name.elementsEqual($0.utf8) }
    }

    private static func isAttributeNameByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }
}

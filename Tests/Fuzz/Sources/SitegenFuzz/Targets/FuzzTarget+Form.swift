import SitegenServerCore

extension FuzzTarget {
    /// Server-function request bodies: `application/x-www-form-urlencoded` and
    /// `multipart/form-data` (boundary taken from the input's first line when it starts
    /// with `--`), and header parameters.
    ///
    /// Properties: never crashes or hangs; decoded url-encoded fields have names; a
    /// multipart body yields no more fields than it has delimiters.
    public static let form = FuzzTarget(
        name: "form", summary: "urlencoded and multipart form decoders, header parameters",
        seeds: formSeeds, tokens: formTokens, maxLength: 8192
    ) { input in
        if let fields = try? FormDecoder.urlEncoded(input), fields.contains(where: { $0.0.isEmpty }) {
            return "a url-encoded field has an empty name"
        }
        var boundary = "XyZ"
        if input.starts(with: [0x2D, 0x2D]) {
            let line = input.dropFirst(2).prefix { $0 != 0x0D && $0 != 0x0A }
            boundary = String(decoding: line, as: UTF8.self)
        }
        if let fields = try? FormDecoder.multipart(input, boundary: boundary) {
            let delimiters = Array(("--" + boundary).utf8)
            var count = 0
            var i = 0
            while i + delimiters.count <= input.count {
                if input[i..<(i + delimiters.count)].elementsEqual(delimiters) { count += 1 }
                i += 1
            }
            if fields.count >= max(count, 1) { return "\(fields.count) multipart fields from \(count) delimiters" }
        }
        let text = String(decoding: input.prefix(512), as: UTF8.self)
        _ = FormDecoder.parameter("name", in: text)
        _ = FormDecoder.parameter("boundary", in: text)
        return nil
    }

    static let formSeeds = utf8Bytes([
        "name=Ada+Lovelace&message=Hello%2C+world%21&post=hello&c=%C3%A9&empty=&flag",
        "a=1&a=2&%3Cscript%3E=%3C%2Fscript%3E&x=%E2%82%AC",
        "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--XyZ\r\ncontent-disposition: form-data; name=message\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n",
        "--b0undary-with-dashes\r\nContent-Disposition: form-data; name=\"é\"\r\n\r\n\r\n--b0undary-with-dashes--",
        "multipart/form-data; boundary=\"XyZ\"; charset=utf-8",
        "form-data; name=\"a;b\"; filename=\"\"",
    ])

    static let formTokens = utf8Bytes([
        "&", "=", "+", "%", "%2", "%zz", "%00", "%C3%A9", "%C3", "%FF", "%2B", "\r\n", "\r\n\r\n", "--", "--XyZ", "--XyZ\r\n",
        "--XyZ--", "Content-Disposition: form-data; name=\"", "filename=\"x\"", "\"", ";", ":", " ", "name", "é", "\u{0}",
        "\n", "\r",
    ])
}

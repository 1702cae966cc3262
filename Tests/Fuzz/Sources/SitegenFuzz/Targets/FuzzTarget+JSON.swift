import SitegenHTML

extension FuzzTarget {
    /// The strict JSON decoder (request bodies, loader results, island arguments) and the
    /// encoder that writes values back.
    ///
    /// Properties: never crashes or hangs (nesting beyond ``JSON/maximumDepth`` is an
    /// error, not a stack overflow); whatever decodes serializes to text that decodes to
    /// the same value and serializes to the same text again, compact and pretty.
    public static let json = FuzzTarget(
        name: "json", summary: "JSON decoder and encoder round trip",
        seeds: jsonSeeds, tokens: jsonTokens, maxLength: 4096
    ) { input in
        guard let value = try? JSON.parse(input) else { return nil }
        for pretty in [false, true] {
            let text = JSON.serialize(value, pretty: pretty)
            guard let again = try? JSON.parse(text) else { return "serialized text does not parse: \(text.prefix(200))" }
            if !sameJSON(again, value) { return "round trip changed the value: \(text.prefix(200))" }
            if JSON.serialize(again, pretty: pretty) != text { return "serializing twice differs: \(text.prefix(200))" }
        }
        return nil
    }

    /// Value equality where numbers compare by value: `1e1` reads as a double and is
    /// written as `10`, which reads back as an integer.
    static func sameJSON(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
        case (.object(let x), .object(let y)):
            return x.keys == y.keys && x.keys.allSatisfy { key in sameJSON(x[key] ?? .null, y[key] ?? .null) }
        default: return a == b
        }
    }

    static let jsonSeeds = utf8Bytes([
        #"{"title":"Hello","n":1,"f":-1.5e-3,"ok":true,"no":false,"none":null,"list":[1,[2,[3,{}]],"x"],"o":{"a":{"b":[]}}}"#,
        #"["\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r", "é", "<\/script>", "\u2028\u2029"]"#,
        #"[0, -0, 9007199254740993, 1.7976931348623157e308, 5e-324, 123456789012345678901234567890, 0.1, 1E+2]"#,
        #"{"name":"Ada","message":"<img src=x onerror=alert(1)>","post":"hello"}"#,
        #"  {"a" : [ true , false , null ] }  "#, "[]", "{}", "\"\"", "0", "-1", "1e1", "null",
    ])

    static let jsonTokens = utf8Bytes([
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", "\\x", "true", "false", "null",
        "nul", "0", "-", "+", ".", "e", "E", "1e999", "-1e-999", "9223372036854775808", "00", "0.", ".5", "NaN",
        "Infinity", " ", "\n", "\t", "\r", "\u{0}", "é", "\u{FEFF}", "\"key\":", "[[[[[[[[", "{\"a\":", "😀",
    ])
}

extension JSON {
    /// Writes `value` as JSON text that is also safe inside an HTML `<script>` element.
    ///
    /// Besides the escapes JSON requires (`"`, `\`, control characters), `<`, `>`, `&`,
    /// U+2028 and U+2029 are written as `\u003c`, `\u003e`, `\u0026`, `\u2028` and
    /// `\u2029`, so the text can neither close the script element (`</script>`), open a
    /// comment (`<!--`) nor break a JavaScript string literal. `.html` values are written
    /// as strings. Integral doubles keep a fraction (`2.0`) so they read back as
    /// `.double`; other doubles use the shortest text that reads back exactly, and
    /// infinities and NaN, which JSON cannot express, become `null`.
    ///
    /// ```swift
    /// JSON.serialize(["a": [1, 2.5, "</script>"]])
    /// // {"a":[1,2.5,"\u003c/script\u003e"]}
    /// JSON.serialize(["a": 1], pretty: true)
    /// // {
    /// //   "a": 1
    /// // }
    /// ```
    /// - Parameters:
    ///   - value: The value to write.
    ///   - pretty: Whether to put each element and member on its own line, indented by
    ///     two spaces, with `": "` after keys.
    @inline(never)  // one copy for the server component's many callers (with `parse`: -0.8 KB)
    public static func serialize(_ value: Value, pretty: Bool = false) -> String {
        var bytes: [UInt8] = []
        serialize(value, pretty: pretty, into: &bytes)
        return Text.decode(bytes)
    }

    /// Appends `value` as JSON to `bytes`; see ``serialize(_:pretty:)``.
    /// - Parameters:
    ///   - value: The value to write.
    ///   - pretty: Whether to indent.
    ///   - bytes: The buffer to append UTF-8 to.
    public static func serialize(_ value: Value, pretty: Bool = false, into bytes: inout [UInt8]) {
        JSONSerializer(pretty: pretty).write(value, into: &bytes)
    }

    /// Appends `text` as a quoted, script-safe JSON string to `bytes`.
    /// - Parameters:
    ///   - text: The string to write.
    ///   - bytes: The buffer to append UTF-8 to.
    public static func serializeString(_ text: String, into bytes: inout [UInt8]) {
        JSONSerializer.writeString(text, into: &bytes)
    }
}

/// The writer behind ``JSON/serialize(_:pretty:)``.
///
/// Iterative, like the parser: nesting depth is up to the data, and a wasm guest's
/// stack is small, so open arrays and objects are kept on an explicit stack: the
/// containers as values and, beside them, the position of each one's next element (two
/// arrays of types the component has anyway, rather than one of a type of its own).
struct JSONSerializer {
    let pretty: Bool

    func write(_ root: Value, into bytes: inout [UInt8]) {
        var containers: [Value] = []
        var positions: [Int] = []
        var pending: Value? = root
        while true {
            if let value = pending {
                pending = nil
                switch value {
                case .null: bytes.append(contentsOf: "null".utf8)
                case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
                case .int(let number): bytes.append(contentsOf: String(number).utf8)
                case .double(let number): Self.writeDouble(number, into: &bytes)
                case .string(let text), .html(let text): Self.writeString(text, into: &bytes)
                case .array, .object:
                    bytes.append(value.arrayValue != nil ? UInt8(ascii: "[") : UInt8(ascii: "{"))
                    containers.append(value)
                    positions.append(0)
                }
            }
            // Move on in the innermost open container: its next element, or its end.
            guard let container = containers.last, let next = positions.last else { return }
            let count = container.arrayValue?.count ?? container.objectValue?.count ?? 0
            guard next < count else {
                containers.removeLast()
                positions.removeLast()
                if next > 0 { newline(containers.count, into: &bytes) }
                bytes.append(container.arrayValue != nil ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                continue
            }
            if next > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(containers.count, into: &bytes)
            positions[positions.count - 1] = next + 1
            if case .object(let object) = container {
                Self.writeString(object.keys[next], into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                pending = object.values[next]
            } else if case .array(let items) = container {
                pending = items[next]
            }
        }
    }

    private func newline(_ depth: Int, into bytes: inout [UInt8]) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// As a template writes it (``DoubleText/number(_:)``); JSON has no infinities or NaN,
    /// so those are `null`.
    static func writeDouble(_ number: Double, into bytes: inout [UInt8]) {
        guard number.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(contentsOf: DoubleText.number(number).utf8)
    }

    static func writeString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        Text.withBytes(text) { source in
            var runStart = 0
            var position = 0
            while position < source.count {
                let byte = source[position]
                let escape: StaticString
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where position + 2 < source.count && source[position + 1] == 0x80
                    && (source[position + 2] == 0xA8 || source[position + 2] == 0xA9):
                    escape = source[position + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0..<0x20: escape = ""
                default:
                    position += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<position]))
                if escape.utf8CodeUnitCount == 0 {
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hexDigit(byte >> 4))
                    bytes.append(hexDigit(byte & 0xF))
                } else {
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                }
                position += length
                runStart = position
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

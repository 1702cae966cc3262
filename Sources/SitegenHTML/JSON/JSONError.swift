/// Why a JSON text could not be parsed, and where.
///
/// `offset` points at the offending byte (or the end of the input), and `line` and
/// `column` say the same thing for people. The message is one line, lower case, and
/// says what was expected and what was found:
///
/// ```swift
/// do {
///     _ = try JSON.parse("{\"a\": 1 x}")
/// } catch {
///     error.description   // "1:9: expected ',' or '}' after object member, found 'x'"
/// }
/// ```
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 0-based byte offset of the problem in the UTF-8 input.
    public var offset: Int {
        get { storage.offset }
        set { unique().offset = newValue }
    }
    /// 1-based line of `offset` (lines end at `\n`).
    public var line: Int {
        get { storage.line }
        set { unique().line = newValue }
    }
    /// 1-based column of `offset`, counting Unicode scalars from the start of the line.
    public var column: Int {
        get { storage.column }
        set { unique().column = newValue }
    }
    /// One line, lower case, no final period.
    public var message: String {
        get { storage.message }
        set { unique().message = newValue }
    }

    // One reference instead of four fields: every `throws(JSONError)` call site moves the
    // error, and a one-word error keeps those paths small in the wasm component.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        var offset: Int
        var line: Int
        var column: Int
        var message: String
        init(offset: Int, line: Int, column: Int, message: String) {
            self.offset = offset
            self.line = line
            self.column = column
            self.message = message
        }
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(offset: storage.offset, line: storage.line, column: storage.column, message: storage.message)
        }
        return storage
    }

    /// Creates an error with an already known line and column.
    /// - Parameters:
    ///   - offset: 0-based byte offset.
    ///   - line: 1-based line.
    ///   - column: 1-based column in Unicode scalars.
    ///   - message: What was expected and found.
    public init(offset: Int, line: Int, column: Int, message: String) {
        storage = Storage(offset: offset, line: line, column: column, message: message)
    }

    public static func == (a: JSONError, b: JSONError) -> Bool {
        a.offset == b.offset && a.line == b.line && a.column == b.column && a.message == b.message
    }

    /// Creates an error at `offset` in `input`, working out the line and column.
    /// - Parameters:
    ///   - offset: 0-based byte offset; clamped to the input.
    ///   - message: What was expected and found.
    ///   - input: The UTF-8 text that was being parsed.
    public init(offset: Int, message: String, in input: [UInt8]) {
        let offset = max(0, min(offset, input.count))
        var line = 1
        var column = 1
        for byte in input[0..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(offset: offset, line: line, column: column, message: message)
    }

    /// `line:column: message`.
    public var description: String { Text.join(Text.join(String(line), ":", String(column), ": "), message) }

    /// The error as a ``Diagnostic`` in `file`, for data files a site author wrote.
    /// - Parameters:
    ///   - file: The file the JSON came from, relative to the site root.
    ///   - sourceLine: The text of line ``line``, for the excerpt with a caret.
    public func diagnostic(file: String, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column), sourceLine: sourceLine)
    }
}

// The message catalogue: every message the parser produces is built here. Never inlined:
// these are cold paths, and each of the parser's dozen throw sites stays one call instead
// of a copy of the message's concatenation (-1.9 KB in the server component).
extension JSONError {
    /// Where a value was expected, which changes what else could have come instead.
    enum ValueContext {
        case document, arrayStart, afterArrayComma, afterColon
    }

    @inline(never)
    static func expectedValue(_ context: ValueContext, at offset: Int, in input: [UInt8]) -> JSONError {
        let next: UInt8 = offset < input.count ? input[offset] : 0
        var note = ""
        if next == UInt8(ascii: "/") {
            note = " (comments are not allowed in JSON)"
        } else if context == .afterArrayComma, next == UInt8(ascii: "]") {
            note = " (trailing commas are not allowed in JSON)"
        }
        switch context {
        case .document: return expected("a JSON value", at: offset, in: input, note: note)
        case .arrayStart: return expected("a JSON value or ']'", at: offset, in: input, note: note)
        case .afterArrayComma: return expected("a JSON value after ',' in array", at: offset, in: input, note: note)
        case .afterColon: return expected("a JSON value after ':' in object", at: offset, in: input, note: note)
        }
    }

    @inline(never)
    static func expectedKey(afterComma: Bool, at offset: Int, in input: [UInt8]) -> JSONError {
        guard afterComma else { return expected("a string key or '}' in object", at: offset, in: input) }
        let isBrace = offset < input.count && input[offset] == UInt8(ascii: "}")
        return expected(
            "a string key after ',' in object", at: offset, in: input,
            note: isBrace ? " (trailing commas are not allowed in JSON)" : "")
    }

    @inline(never)
    static func expected(_ what: String, at offset: Int, in input: [UInt8], note: String = "") -> JSONError {
        JSONError(offset: offset, message: Text.join(Text.join("expected ", what, ", found ", found(at: offset, in: input)), note), in: input)
    }

    @inline(never)
    static func leadingZero(at offset: Int, in input: [UInt8]) -> JSONError {
        expected("'.', 'e' or the end of the number after '0'", at: offset, in: input, note: " (leading zeros are not allowed)")
    }

    @inline(never)
    static func numberOutOfRange(at offset: Int, in input: [UInt8]) -> JSONError {
        JSONError(offset: offset, message: "expected a number within ±1.7976931348623157e308, found one too large", in: input)
    }

    @inline(never)
    static func controlCharacter(at offset: Int, in input: [UInt8]) -> JSONError {
        let code = hex(UInt32(input[offset]), digits: 4)
        return JSONError(
            offset: offset, message: Text.join(Text.join("expected '\\u", code, "' instead of unescaped control character U+", code), " in string"),
            in: input)
    }

    @inline(never)
    static func loneSurrogate(_ code: UInt32, at offset: Int, in input: [UInt8]) -> JSONError {
        let text = Text.join("'\\u", hex(code, digits: 4), "'")
        let message =
            code < 0xDC00
            ? Text.join("expected a low surrogate '\\uDC00'...'\\uDFFF' after high surrogate ", text)
            : Text.join("expected a high surrogate before low surrogate ", text)
        return JSONError(offset: offset, message: message, in: input)
    }

    @inline(never)
    static func invalidUTF8(at offset: Int, in input: [UInt8]) -> JSONError {
        let found = offset < input.count ? Text.join("byte 0x", hex(UInt32(input[offset]), digits: 2)) : "end of input"
        return JSONError(offset: offset, message: Text.join("expected valid UTF-8 in string, found ", found), in: input)
    }

    @inline(never)
    static func tooDeep(limit: Int, at offset: Int, in input: [UInt8]) -> JSONError {
        JSONError(offset: offset, message: Text.join("expected at most ", String(limit), " nested arrays and objects, found more"), in: input)
    }

    /// How the byte at `offset` reads in a message: `'x'`, `end of input`,
    /// `U+000A`, `'é'` or `byte 0xFF`.
    static func found(at offset: Int, in input: [UInt8]) -> String {
        guard offset < input.count else { return "end of input" }
        let byte = input[offset]
        if byte < 0x20 || byte == 0x7F { return Text.join("U+", hex(UInt32(byte), digits: 4)) }
        if byte < 0x80 { return Text.join("'", Text.decode([byte]), "'") }
        let length = JSONParser.utf8SequenceLength(input, at: offset)
        guard length > 0 else { return Text.join("byte 0x", hex(UInt32(byte), digits: 2)) }
        return Text.join("'", Text.decode(input[offset..<(offset + length)]), "'")
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        var text = String(value, radix: 16, uppercase: true)
        while text.utf8.count < digits { text = Text.join("0", text) }
        return text
    }
}

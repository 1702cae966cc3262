/// Reading and writing JSON (RFC 8259) as ``Value``s, without Foundation.
///
/// Parsing is strict: no comments, no trailing commas, no leading zeros, no `NaN`, no
/// unescaped control characters, no lone surrogates, no invalid UTF-8, and nothing after
/// the value but whitespace. A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1
/// allows that). Every failure is a ``JSONError`` that points at the offending byte.
///
/// ```swift
/// let value = try JSON.parse(#"{"title": "Hello", "tags": ["swift"], "views": 12}"#)
/// value["views"]                       // .int(12)
/// JSON.serialize(value)                // {"title":"Hello","tags":["swift"],"views":12}
/// ```
///
/// Numbers without a fraction or exponent that fit in `Int` become `.int`; all others
/// become `.double`, correctly rounded (see `JSONParser+Number.swift`). Object keys keep
/// their order; when a key repeats, the last value wins and the first position stays.
public enum JSON {
    /// How deeply arrays and objects may nest. Deeper input is an error, not a crash:
    /// the parser keeps its own stack, so the limit protects memory, not the call stack.
    public static let maximumDepth = 512

    /// Parses UTF-8 JSON text.
    /// - Parameter bytes: The whole JSON text.
    /// - Throws: ``JSONError`` with the byte offset, line and column of the problem.
    @inline(never)  // one copy for the server component's many callers
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> Value {
        var parser = JSONParser(input: bytes)
        return try parser.parseDocument()
    }

    /// Parses JSON text.
    /// - Parameter text: The whole JSON text.
    /// - Throws: ``JSONError`` with the byte offset, line and column of the problem.
    public static func parse(_ text: String) throws(JSONError) -> Value {
        try parse(Array(text.utf8))
    }
}

/// The parser behind `JSON.parse(_:)`.
///
/// It is iterative: open arrays and objects live on explicit stacks instead of the call
/// stack, because a wasm guest's stack is small (64 KiB by default) and input depth is
/// chosen by whoever wrote the file.
struct JSONParser {
    let input: [UInt8]
    var index = 0

    init(input: [UInt8]) {
        self.input = input
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var next: UInt8 { index < input.count ? input[index] : 0 }

    mutating func parseDocument() throws(JSONError) -> Value {
        // One entry per open container, innermost last: its opening byte, '{' or '[', and
        // where its elements start in `items`. The elements of all open containers wait in
        // one list of values (an object's keys in `keys`, one per element): a list of lists
        // and a list of objects would each bring their own copy of the array code into the
        // server component. (Bytes, not `Bool`s, for the same reason: `[UInt8]` is linked anyway.)
        var open: [UInt8] = []
        var starts: [Int] = []
        var items: [Value] = []
        var keys: [String] = []
        var context = JSONError.ValueContext.document
        nextValue: while true {
            skipWhitespace()
            var value: Value
            switch next {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard open.count < JSON.maximumDepth else {
                    throw JSONError.tooDeep(limit: JSON.maximumDepth, at: index, in: input)
                }
                let opening = next
                index += 1
                skipWhitespace()
                if opening == UInt8(ascii: "{") {
                    if next == UInt8(ascii: "}") {
                        index += 1
                        value = .object(Object())
                    } else {
                        keys.append(try parseKey(afterComma: false))
                        open.append(opening)
                        starts.append(items.count)
                        context = .afterColon
                        continue nextValue
                    }
                } else if next == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    open.append(opening)
                    starts.append(items.count)
                    context = .arrayStart
                    continue nextValue
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            case UInt8(ascii: "t"): value = try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): value = try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): value = try parseLiteral("null", .null)
            default: throw JSONError.expectedValue(context, at: index, in: input)
            }
            // A value is complete: add it to the open containers, closing those that end.
            while let innermost = open.last {
                skipWhitespace()
                items.append(value)
                let isObject = innermost == UInt8(ascii: "{")
                if next == UInt8(ascii: ",") {
                    index += 1
                    if isObject {
                        skipWhitespace()
                        keys.append(try parseKey(afterComma: true))
                        context = .afterColon
                    } else {
                        context = .afterArrayComma
                    }
                    continue nextValue
                }
                let start = starts.removeLast()
                if isObject {
                    guard next == UInt8(ascii: "}") else {
                        throw JSONError.expected("',' or '}' after object member", at: index, in: input)
                    }
                    // A repeated key keeps its first position and takes the last value.
                    var object = Object()
                    let firstKey = keys.count - (items.count - start)
                    for i in start..<items.count { object[keys[firstKey + i - start]] = items[i] }
                    while keys.count > firstKey { keys.removeLast() }
                    value = .object(object)
                } else {
                    guard next == UInt8(ascii: "]") else {
                        throw JSONError.expected("',' or ']' after array element", at: index, in: input)
                    }
                    var array: [Value] = []
                    array.reserveCapacity(items.count - start)
                    for i in start..<items.count { array.append(items[i]) }
                    value = .array(array)
                }
                while items.count > start { items.removeLast() }
                index += 1
                open.removeLast()
            }
            skipWhitespace()
            guard index == input.count else {
                throw JSONError.expected("the end of input after the JSON value", at: index, in: input)
            }
            return value
        }
    }

    private mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Reads `"key"` and the `:` after it, leaving `index` after the colon.
    private mutating func parseKey(afterComma: Bool) throws(JSONError) -> String {
        guard next == UInt8(ascii: "\"") else {
            throw JSONError.expectedKey(afterComma: afterComma, at: index, in: input)
        }
        let key = try parseString()
        skipWhitespace()
        guard next == UInt8(ascii: ":") else { throw JSONError.expected("':' after object key", at: index, in: input) }
        index += 1
        return key
    }

    /// `true`, `false` or `null`: compared in place (a literal's bytes, not a `String`'s view).
    private mutating func parseLiteral(_ word: StaticString, _ value: Value) throws(JSONError) -> Value {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in bytes {
            guard next == byte else { throw JSONError.expected(Text.join("'", Text.decode(UnsafeRawBufferPointer(bytes)), "'"), at: index, in: input) }
            index += 1
        }
        return value
    }
}

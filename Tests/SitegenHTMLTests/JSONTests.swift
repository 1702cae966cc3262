import SitegenHTML
import Testing

@Suite("JSON")
struct JSONTests {
    // MARK: Round trips

    static let roundTripValues: [Value] = [
        .null, true, false, 0, -1, 42, .int(Int.max), .int(Int.min),
        1.5, -0.25, 2.0, 1e300, .double(.leastNonzeroMagnitude), .double(Double.greatestFiniteMagnitude),
        "", "plain", "quote \" backslash \\ slash /", "tab\tnewline\ncr\rbell\u{7}nul\u{0}",
        "café, naïve, 日本語, עברית", "emoji 😀 🇫🇷 👩‍👩‍👧", "U+2028 \u{2028} U+2029 \u{2029}",
        "</script><!-- & -->", "\u{10FFFF}\u{FFFF}\u{E000}",
        [], [[]], [1, "two", 3.5, .null, [true]],
        [:], ["b": 1, "a": 2, "c": ["nested": ["deep": [1, 2, 3]]]],
        ["": "empty key", "ключ": "значение", "😀": ["x": .null]],
    ]

    @Test("serialize then parse gives the value back", arguments: roundTripValues)
    func roundTrip(_ value: Value) throws {
        // Integral doubles come back as ints (JSON has one number type): compare as JSON data.
        #expect(try JSON.parse(JSON.serialize(value)).isJSONEquivalent(to: value))
        #expect(try JSON.parse(JSON.serialize(value, pretty: true)).isJSONEquivalent(to: value))
    }

    @Test func roundTripKeepsKeyOrder() throws {
        let text = #"{"zeta":1,"alpha":2,"mid":{"y":1,"x":2}}"#
        let value = try JSON.parse(text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(JSON.serialize(value) == text)
    }

    @Test func deepNestingRoundTrips() throws {
        var value: Value = "leaf"
        for depth in 0..<(JSON.maximumDepth - 1) { value = depth.isMultiple(of: 2) ? [value] : ["k": value] }
        #expect(try JSON.parse(JSON.serialize(value)) == value)
    }

    // MARK: Parsing

    @Test func parsesEscapesAndSurrogatePairs() throws {
        let text = #""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\uD83D\uDE00\u0000""#
        #expect(try JSON.parse(text) == .string("\"\\/\u{8}\u{C}\n\r\tAé€😀\u{0}"))
    }

    @Test func keepsRawUTF8() throws {
        #expect(try JSON.parse("\"日本 😀\"") == "日本 😀")
        #expect(try JSON.parse(" [ \"a\" , { \"b\" : null } ]\r\n\t") == ["a", ["b": .null]])
    }

    @Test func duplicateKeysLastWinsFirstPositionStays() throws {
        let value = try JSON.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test func skipsByteOrderMark() throws {
        #expect(try JSON.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func acceptsMaximumDepthAndRejectsOneMore() throws {
        let limit = JSON.maximumDepth
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        _ = try JSON.parse(ok)
        let bytes = Array((String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)).utf8)
        let message = "expected at most 512 nested arrays and objects, found more"
        #expect(throws: JSONError(offset: limit, message: message, in: bytes)) { try JSON.parse(bytes) }
    }

    @Test func hugeNestingIsAnErrorNotACrash() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        #expect(throws: JSONError.self) { try JSON.parse(bytes) }
        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(throws: JSONError.self) { try JSON.parse(objects) }
    }

    // MARK: Malformed input

    static let malformed: [(String, Int, String)] = [
        ("", 0, "expected a JSON value, found end of input"),
        ("  \n ", 4, "expected a JSON value, found end of input"),
        ("[1,]", 3, "expected a JSON value after ',' in array, found ']' (trailing commas are not allowed in JSON)"),
        (#"{"a":1,}"#, 7, "expected a string key after ',' in object, found '}' (trailing commas are not allowed in JSON)"),
        (#"{"a":1,2}"#, 7, "expected a string key after ',' in object, found '2'"),
        (#"{"a" 1}"#, 5, "expected ':' after object key, found '1'"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' after object member, found '\"'"),
        (#"{"a":1 x}"#, 7, "expected ',' or '}' after object member, found 'x'"),
        ("[1 2]", 3, "expected ',' or ']' after array element, found '2'"),
        ("{a:1}", 1, "expected a string key or '}' in object, found 'a'"),
        (#"{"a":}"#, 5, "expected a JSON value after ':' in object, found '}'"),
        ("[", 1, "expected a JSON value or ']', found end of input"),
        ("[1", 2, "expected ',' or ']' after array element, found end of input"),
        ("01", 1, "expected '.', 'e' or the end of the number after '0', found '1' (leading zeros are not allowed)"),
        ("-012", 2, "expected '.', 'e' or the end of the number after '0', found '1' (leading zeros are not allowed)"),
        ("-", 1, "expected a digit after '-', found end of input"),
        ("1.", 2, "expected a digit after '.', found end of input"),
        ("1.e5", 2, "expected a digit after '.', found 'e'"),
        ("1e", 2, "expected a digit in the exponent, found end of input"),
        ("1e+", 3, "expected a digit in the exponent, found end of input"),
        (".5", 0, "expected a JSON value, found '.'"),
        ("+1", 0, "expected a JSON value, found '+'"),
        ("NaN", 0, "expected a JSON value, found 'N'"),
        ("-Infinity", 1, "expected a digit after '-', found 'I'"),
        ("1e400", 0, "expected a number within ±1.7976931348623157e308, found one too large"),
        ("tru", 3, "expected 'true', found end of input"),
        ("nul1", 3, "expected 'null', found '1'"),
        ("True", 0, "expected a JSON value, found 'T'"),
        ("\"abc", 4, "expected '\"' to end the string, found end of input"),
        ("\"a\nb\"", 2, "expected '\\u000A' instead of unescaped control character U+000A in string"),
        ("\"\t\"", 1, "expected '\\u0009' instead of unescaped control character U+0009 in string"),
        (#""\x""#, 2, #"expected an escape character ('"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u') after '\', found 'x'"#),
        (#""\"#, 2, #"expected an escape character ('"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u') after '\', found end of input"#),
        (#""\u12G4""#, 5, #"expected 4 hex digits after '\u', found 'G'"#),
        (#""\uD800""#, 1, #"expected a low surrogate '\uDC00'...'\uDFFF' after high surrogate '\uD800'"#),
        (#""\uD800\u0041""#, 1, #"expected a low surrogate '\uDC00'...'\uDFFF' after high surrogate '\uD800'"#),
        (#""\uDC00""#, 1, #"expected a high surrogate before low surrogate '\uDC00'"#),
        ("[1] x", 4, "expected the end of input after the JSON value, found 'x'"),
        ("{} {}", 3, "expected the end of input after the JSON value, found '{'"),
        ("// note\n1", 0, "expected a JSON value, found '/' (comments are not allowed in JSON)"),
        ("[1, /* c */ 2]", 4, "expected a JSON value after ',' in array, found '/' (comments are not allowed in JSON)"),
        ("[\u{A0}1]", 1, "expected a JSON value or ']', found '\u{A0}'"),
    ]

    @Test("malformed input gives the exact offset and message", arguments: malformed)
    func rejectsMalformed(_ input: String, offset: Int, message: String) {
        let bytes = Array(input.utf8)
        #expect(throws: JSONError(offset: offset, message: message, in: bytes)) { try JSON.parse(bytes) }
    }

    static let invalidUTF8: [([UInt8], Int, String)] = [
        ([0x22, 0xFF, 0x22], 1, "expected valid UTF-8 in string, found byte 0xFF"),
        ([0x22, 0xC3, 0x28, 0x22], 2, "expected valid UTF-8 in string, found byte 0x28"),
        ([0x22, 0xC0, 0xAF, 0x22], 1, "expected valid UTF-8 in string, found byte 0xC0"),  // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 2, "expected valid UTF-8 in string, found byte 0xA0"),  // encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2, "expected valid UTF-8 in string, found byte 0x90"),  // above U+10FFFF
        ([0x22, 0xE2, 0x82], 3, "expected valid UTF-8 in string, found end of input"),
        ([0x5B, 0xFE, 0x5D], 1, "expected a JSON value or ']', found byte 0xFE"),
    ]

    @Test("invalid UTF-8 is rejected where it starts to go wrong", arguments: invalidUTF8)
    func rejectsInvalidUTF8(_ bytes: [UInt8], offset: Int, message: String) {
        #expect(throws: JSONError(offset: offset, message: message, in: bytes)) { try JSON.parse(bytes) }
    }

    @Test func errorLocationCountsLinesAndScalars() {
        let bytes = Array("{\n  \"é😀\": x\n}".utf8)
        #expect(throws: JSONError(offset: 14, line: 2, column: 9, message: "expected a JSON value after ':' in object, found 'x'")) {
            try JSON.parse(bytes)
        }
        let error = JSONError(offset: 14, message: "m", in: bytes)
        #expect(error.description == "2:9: m")
        let diagnostic = error.diagnostic(file: "data/authors.json")
        #expect(diagnostic.formatted == "data/authors.json:2:9: error: m\n")
    }

    // MARK: Serializing

    @Test func serializesCompactAndPretty() {
        let value: Value = ["title": "Hi", "tags": ["a", 1, 2.5, true, .null], "empty": [], "none": [:]]
        #expect(JSON.serialize(value) == #"{"title":"Hi","tags":["a",1,2.5,true,null],"empty":[],"none":{}}"#)
        #expect(
            JSON.serialize(value, pretty: true) == """
                {
                  "title": "Hi",
                  "tags": [
                    "a",
                    1,
                    2.5,
                    true,
                    null
                  ],
                  "empty": [],
                  "none": {}
                }
                """)
    }

    @Test func escapesForScriptElements() {
        let text = "</script><!--\u{2028}\u{2029}&\"\\\n\t\u{1}\u{1F}\u{7F}é"
        #expect(JSON.serialize(.string(text)) == #""\u003c/script\u003e\u003c!--\u2028\u2029\u0026\"\\\n\t\u0001\u001f"# + "\u{7F}é\"")
        #expect(JSON.serialize(.html("<b>")) == #""\u003cb\u003e""#)
    }

    @Test func serializesNumbers() {
        #expect(JSON.serialize([2.0, -0.0, 0.1, 1e16, .double(.leastNonzeroMagnitude), .double(.infinity), .double(-.infinity), .double(.nan), 123]) == "[2,0,0.1,1e+16,5e-324,null,null,null,123]")
    }

    @Test func appendsToExistingBytes() {
        var bytes = Array("x=".utf8)
        JSON.serialize(["a": "<"], into: &bytes)
        JSON.serializeString(" & ", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"x={"a":"\u003c"}" \u0026 ""#)
    }

    @Test func serializesNestingDeeperThanTheParserAccepts() {
        var value: Value = .array([])
        for _ in 0..<5_000 { value = .array([value, ["k": 1]]) }
        let text = JSON.serialize(value)
        #expect(text.hasPrefix(String(repeating: "[", count: 5_001) + "],{"))
        #expect(text.hasSuffix(#"{"k":1}]"#))
        #expect(throws: JSONError.self) { try JSON.parse(text) }
    }

    // MARK: Never crash

    @Test func randomBytesGiveAValueOrAnError() {
        var random = SplitMix64(seed: 0x5173_6765_6E00)
        let alphabet = Array("{}[],:\"\\/ \n0123456789-+.eEtruefalsn\u{7}".utf8) + [0xC3, 0xA9, 0xFF, 0xED, 0xA0]
        for _ in 0..<3_000 {
            let length = Int(random.next() % 24)
            let bytes = (0..<length).map { _ in
                random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            checkParses(bytes)
        }
    }

    @Test func mutatedValidJSONGivesAValueOrAnError() {
        var random = SplitMix64(seed: 42)
        let seeds = Self.roundTripValues.map { Array(JSON.serialize($0, pretty: true).utf8) }
            + [Array(#"{"a":[1,-2.5e-3,"\uD83D\uDE00",{"b":null}],"c":true}"#.utf8)]
        for round in 0..<4_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0...(random.next() % 3) where !bytes.isEmpty {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(bytes[Int(random.next() % UInt64(bytes.count))], at: position)
                default: bytes.removeSubrange(position...)
                }
            }
            checkParses(bytes)
        }
    }

    /// Parsing either succeeds, and then the value survives a round trip, or fails with
    /// an error that points inside the input and reads like every other message.
    private func checkParses(_ bytes: [UInt8]) {
        let value: Value
        do {
            value = try JSON.parse(bytes)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
            #expect(error.line >= 1 && error.column >= 1)
            #expect(error.message.hasPrefix("expected "), "input: \(bytes)")
            return
        }
        #expect((try? JSON.parse(JSON.serialize(value)))?.isJSONEquivalent(to: value) == true, "input: \(bytes)")
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// Cases run twice: natively (Tests/SitegenHTMLTests, through a symlink to this file) and
// as Embedded Swift for wasm32 (Tests/EmbeddedDriver/driver.swift under wasmtime).
// The two lists of lines must be identical; EmbeddedParityTests also pins a few native
// results, so the cases assert behaviour and not only agreement.
//
// Rules for this file: SitegenHTML's public API only, and the Embedded subset only (no
// Foundation, no `String(describing:)`, no `any`, typed throws). Each result is one line,
// "name: result"; `quoted(_:)` escapes newlines so multi-line results stay on one line.
// Names are unique, so a mismatch points at one case.

import SitegenHTML

/// Every case's result, in a fixed order, as "name: result" lines.
///
/// - Parameter onLine: Called with each line as soon as it is recorded, so a driver that
///   prints them shows how far it got before a trap.
func embeddedCaseResults(onLine: ((String) -> Void)? = nil) -> [String] {
    var cases = EmbeddedCases(onLine: onLine)
    cases.valueCases()
    cases.objectCases()
    cases.writerCases()
    cases.diagnosticCases()
    cases.suggestionCases()
    cases.escapingCases()
    cases.jsonErrorCases()
    cases.jsonCases()
    cases.templateCases()
    cases.integerWidthCases()  // last: on wasm32 one of them can trap
    return cases.lines
}

struct EmbeddedCases {
    let onLine: ((String) -> Void)?
    private(set) var lines: [String] = []

    private mutating func append(_ name: String, _ result: String) {
        let line = name + ": " + result
        lines.append(line)
        onLine?(line)
    }

    /// Records a string result in quotes, escaped onto one line (see `quoted(_:)`).
    mutating func record(_ name: String, _ result: String?) {
        append(name, result.map { quoted($0) } ?? "nil")
    }

    mutating func record(_ name: String, _ result: Bool) {
        append(name, result ? "true" : "false")
    }

    mutating func record(_ name: String, _ result: Int?) {
        append(name, result.map { String($0) } ?? "nil")
    }

    mutating func record(_ name: String, _ result: Value?) {
        append(name, result.map { describe($0) } ?? "nil")
    }
}

// MARK: - Values

extension EmbeddedCases {
    mutating func valueCases() {
        let samples: [(String, Value)] = [
            ("null", .null), ("false", false), ("true", true), ("zero", 0), ("minusOne", -1),
            ("zeroDouble", 0.0), ("half", 0.5), ("emptyString", ""), ("space", " "),
            ("emptyHTML", .html("")), ("html", .html("<b>")), ("emptyArray", []), ("arrayOfNull", [.null]),
            ("emptyObject", .object(Object())), ("objectOfNull", ["k": .null]),
        ]
        for (label, value) in samples {
            record("value.truthy." + label, value.isTruthy)
        }
        for (label, value) in samples {
            record("value.kind." + label, value.kindName)
        }

        record("value.count.scalars", Value.string("a🇫🇷e\u{301}").count)
        record("value.count.emptyString", Value.string("").count)
        record("value.count.html", Value.html("<p>").count)
        record("value.count.array", Value.array([1, "two", .null]).count)
        record("value.count.object", (["a": 1, "b": 2] as Value).count)
        record("value.count.int", Value.int(3).count)
        record("value.count.null", Value.null.count)

        let page: Value = [
            "title": "Hello", "tags": ["swift", "wasm"], "draft": false,
            "author": ["name": "Ada", "links": [["href": "/ada"]]],
        ]
        record("value.subscript.title", page["title"])
        record("value.subscript.missing", page["missing"])
        record("value.subscript.tags1", page["tags"]?[1])
        record("value.subscript.tagsOutOfRange", page["tags"]?[2])
        record("value.subscript.tagsNegative", page["tags"]?[-1])
        record("value.subscript.nested", page["author"]?["links"]?[0]?["href"])
        record("value.subscript.indexObject", page[0])
        record("value.subscript.keyOfString", Value.string("x")["x"])
        record("value.describe.page", page)

        record("value.intValue.double3", Value.double(3.0).intValue)
        record("value.intValue.double3.5", Value.double(3.5).intValue)
        record("value.intValue.huge", Value.double(1e19).intValue)
        record("value.intValue.string", Value.string("3").intValue)
        record("value.doubleValue.int", Value.int(7).doubleValue.map { $0.description })
        record("value.doubleValue.double", Value.double(-0.25).doubleValue.map { $0.description })
        record("value.doubleValue.large", Value.double(1.5e300).doubleValue.map { $0.description })
        record("value.stringValue.html", Value.html("<i>x</i>").stringValue)
        record("value.arrayValue.count", Value.array([1, 2]).arrayValue?.count)
        record("value.objectValue.keys", (["b": 1, "a": 2] as Value).objectValue.map { $0.keys.joined(separator: ",") })

        // Strings compare by their bytes (code points), as in JSON, Jinja and Tera, not by
        // Unicode canonical equivalence, which would link the normalization tables into the wasm.
        record("value.equal.canonical", Value.string("\u{E9}") == Value.string("e\u{301}"))
        record("value.equal.intVsDouble", Value.int(1) == Value.double(1))
        record("value.equal.stringVsHTML", Value.string("x") == Value.html("x"))
        record("value.equal.nested", (["a": [1, 2]] as Value) == (["a": [1, 2]] as Value))
    }
}

// MARK: - Object

extension EmbeddedCases {
    mutating func objectCases() {
        var object = Object()
        object["c"] = 1
        object["a"] = 2
        object["b"] = 3
        record("object.order.insert", keysAndValues(object))
        object["a"] = 20
        record("object.order.overwrite", keysAndValues(object))
        object["a"] = nil
        record("object.order.remove", keysAndValues(object))
        record("object.lookup.afterRemove", object["b"])
        object["a"] = 4
        record("object.order.reinsert", keysAndValues(object))
        object["missing"] = nil
        record("object.removeMissing.count", object.count)

        let repeated = Object([("x", 1), ("y", 2), ("x", 3)])
        record("object.init.repeatedKey", keysAndValues(repeated))
        record("object.literal.order", (["z": 1, "a": 2, "m": 3] as Value).objectValue.map { keysAndValues($0) })

        record("object.equal.anyOrder", Object([("a", 1), ("b", 2)]) == Object([("b", 2), ("a", 1)]))
        record("object.equal.differentValue", Object([("a", 1)]) == Object([("a", 2)]))
        record("object.equal.differentCount", Object([("a", 1)]) == Object([("a", 1), ("b", 2)]))
        record("object.isEmpty", Object().isEmpty)

        var many = Object()
        for i in 0..<200 { many["k" + String(i)] = .int(i) }
        for i in stride(from: 0, to: 200, by: 2) { many["k" + String(i)] = nil }
        record("object.many.count", many.count)
        record("object.many.first", many.keys.prefix(3).joined(separator: ","))
        record("object.many.lookup", many["k151"])
        record("object.many.removed", many["k150"])
        var sum = 0
        for entry in many.entries { sum += entry.value.intValue ?? 0 }
        record("object.many.sum", sum)
        var found = 0
        for i in stride(from: 1, to: 200, by: 2) where many["k" + String(i)] == .int(i) { found += 1 }
        record("object.many.everyKeyFound", found)
        record("object.many.missingKeys", many["k0"] == nil && many["k200"] == nil && many["k"] == nil)

        // Back to a few keys (a lookup by scanning again), then equality past the scan limit.
        for i in stride(from: 1, to: 191, by: 2) { many["k" + String(i)] = nil }
        record("object.shrunk.keys", many.keys.joined(separator: ","))
        record("object.shrunk.lookup", many["k197"])
        var big = Object(), bigReversed = Object()
        for i in 0..<20 { big["key" + String(i)] = .int(i) }
        for i in (0..<20).reversed() { bigReversed["key" + String(i)] = .int(i) }
        record("object.big.equal.anyOrder", big == bigReversed)
        bigReversed["key7"] = 70
        record("object.big.equal.differentValue", big == bigReversed)
    }

    private func keysAndValues(_ object: Object) -> String {
        var parts: [String] = []
        for entry in object.entries { parts.append(entry.key + "=" + describe(entry.value)) }
        return parts.joined(separator: ",")
    }
}

// MARK: - HTMLWriter

/// Collects the chunks an `HTMLWriter` hands out (a class, so the escaping sink can append).
final class ChunkSink {
    var chunks: [[UInt8]] = []
    var sizes: String {
        var parts: [String] = []
        for chunk in chunks { parts.append(String(chunk.count)) }
        return parts.joined(separator: ",")
    }
    var text: String {
        var all: [UInt8] = []
        for chunk in chunks { all += chunk }
        return String(decoding: all, as: UTF8.self)
    }
}

extension EmbeddedCases {
    mutating func writerCases() {
        var plain = HTMLWriter()
        plain.write("<p>")
        plain.writeEscaped("Fish & \"Chips\" <i>'n'</i>")
        plain.write("</p>")
        record("writer.plain", plain.string)
        plain.flush()  // no sink: keeps everything
        record("writer.plain.afterFlush", plain.bytes.count)

        let sink = ChunkSink()
        var chunked = HTMLWriter(chunkSize: 8) { sink.chunks.append($0) }
        chunked.write("<ul>")
        chunked.write("<li>")
        chunked.writeEscaped("a&b")
        chunked.write("</li>")
        chunked.write(bytes: [0xE2, 0x9C, 0x93])  // ✓
        chunked.write("</ul>")
        chunked.write("\n")
        record("writer.chunked.beforeFlush", sink.sizes)
        record("writer.chunked.pending", chunked.bytes.count)
        chunked.flush()
        chunked.flush()  // nothing pending: no empty chunk
        record("writer.chunked.sizes", sink.sizes)
        record("writer.chunked.text", sink.text)
        record("writer.chunked.pendingAfterFlush", chunked.bytes.count)

        let tiny = ChunkSink()
        var perWrite = HTMLWriter(chunkSize: 0) { tiny.chunks.append($0) }
        perWrite.write("a")
        perWrite.writeEscaped("<")
        perWrite.write("")
        record("writer.chunkSizeZero.sizes", tiny.sizes)

        let big = ChunkSink()
        var long = HTMLWriter(chunkSize: 1000) { big.chunks.append($0) }
        for i in 0..<500 { long.writeEscaped("<" + String(i) + ">") }
        long.flush()
        record("writer.long.sizes", big.sizes)
        record("writer.long.bytes", big.text.utf8.count)
    }
}

// MARK: - Diagnostics

extension EmbeddedCases {
    mutating func diagnosticCases() {
        let full = Diagnostic(
            .error, "unknown filter 'uper'", at: SourceLocation(file: "themes/default/templates/page.html", line: 12, column: 9),
            expected: "a filter such as 'upper', 'lower', 'default'", fix: "did you mean 'upper'?",
            notes: ["while rendering 'posts/hello.md'", "step \"Render pages\""],
            sourceLine: "\t  {{ x | uper }}", length: 4)
        record("diagnostic.formatted.full", full.formatted)

        let bare = Diagnostic(.warning, "no pages found in 'content'")
        record("diagnostic.formatted.bare", bare.formatted)

        let noLine = Diagnostic(.note, "defined here", at: SourceLocation(file: "a.toml", line: 3, column: 1))
        record("diagnostic.formatted.noSourceLine", noLine.formatted)

        let pastEnd = Diagnostic(
            .error, "expected '}}'", at: SourceLocation(file: "é.html", line: 100, column: 8), sourceLine: "{{ é", length: 0)
        record("diagnostic.formatted.pastEnd", pastEnd.formatted)

        record("diagnostic.location", SourceLocation(file: "content/a.md", line: 3, column: 14).description)
        record("diagnostic.equal", full == full)
        record("diagnostic.notEqual", full == bare)

        let unsorted = [
            Diagnostic(.error, "b2", at: SourceLocation(file: "b.md", line: 2, column: 1)),
            Diagnostic(.error, "a10", at: SourceLocation(file: "a.md", line: 10, column: 1)),
            Diagnostic(.warning, "global z"),
            Diagnostic(.error, "a2c5", at: SourceLocation(file: "a.md", line: 2, column: 5)),
            Diagnostic(.error, "a2c1", at: SourceLocation(file: "a.md", line: 2, column: 1)),
            Diagnostic(.warning, "global a"),
        ]
        var order: [String] = []
        for diagnostic in unsorted.sorted(by: Diagnostic.fileOrder) { order.append(diagnostic.message) }
        record("diagnostic.fileOrder", order.joined(separator: ","))
    }
}

// MARK: - Suggestion

extension EmbeddedCases {
    mutating func suggestionCases() {
        let filters = ["upper", "lower", "default", "length", "safe"]
        record("suggestion.typo", Suggestion.nearest(to: "uper", in: filters))
        record("suggestion.caseOnly", Suggestion.nearest(to: "TITLE", in: ["title", "date"]))
        record("suggestion.none", Suggestion.nearest(to: "zzzzzz", in: filters))
        record("suggestion.closerWins", Suggestion.nearest(to: "tilte", in: ["title", "tile"]))
        record("suggestion.firstOfEqual", Suggestion.nearest(to: "café", in: ["cafe", "caff"]))
        record("suggestion.tieInCodePointOrder", Suggestion.nearest(to: "café", in: ["caff", "cafe"]))
        // Two edits in scalars (é → e, drop s), three in UTF-8 bytes: found only by scalars.
        record("suggestion.countsScalars", Suggestion.nearest(to: "cafés", in: ["cafe"]))
        record("suggestion.shortName", Suggestion.nearest(to: "a", in: ["b"]))
        record("suggestion.emptyCandidates", Suggestion.nearest(to: "x", in: []))
        record("suggestion.editDistance", Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)))
        record("suggestion.editDistance.empty", Suggestion.editDistance([], Array("abc".unicodeScalars)))
        record("suggestion.editDistance.unicode", Suggestion.editDistance(Array("straße".unicodeScalars), Array("strasse".unicodeScalars)))
    }
}

// MARK: - Escaping

extension EmbeddedCases {
    mutating func escapingCases() {
        record("escape.all", HTMLEscaping.escape("Fish & \"Chips\" <b>'s</b>"))
        record("escape.empty", HTMLEscaping.escape(""))
        record("escape.plain", HTMLEscaping.escape("plain text"))
        record("escape.unicode", HTMLEscaping.escape("é & ü 🇫🇷 <"))
        record("escape.alreadyEscaped", HTMLEscaping.escape("&amp;"))
        var bytes: [UInt8] = Array("x=".utf8)
        HTMLEscaping.escape("<>", into: &bytes)
        record("escape.into", String(decoding: bytes, as: UTF8.self))

        let urls: [(String, String)] = [
            ("https", "https://example.com/a?b=1&c=2"), ("relative", "/posts/hello/"), ("fragment", "#top"),
            ("mailto", "mailto:a@example.com"), ("javascript", "javascript:alert(1)"),
            ("mixedCase", "JaVaScRiPt:alert(1)"), ("tabInside", " java\tscript:alert(1)"),
            ("decimalRef", "&#106;avascript:alert(1)"), ("hexRef", "jav&#x09;ascript:alert(1)"),
            ("colonRef", "javascript&colon;alert(1)"), ("vbscript", "vbscript:msgbox"),
            ("dataPNG", "data:image/png;base64,iVBOR"), ("dataHTML", "data:text/html,<script>"),
            ("dataSVG", "data:image/svg+xml,<svg>"), ("colonLater", "a/b:c"), ("empty", ""),
        ]
        for (label, url) in urls {
            record("url.safe." + label, HTMLEscaping.isSafeURL(url))
        }
        record("url.sanitize.unsafe", HTMLEscaping.sanitizeURL("javascript:x"))
        record("url.sanitize.safe", HTMLEscaping.sanitizeURL("/ok"))
    }
}

// MARK: - JSON

extension EmbeddedCases {
    mutating func jsonErrorCases() {
        let input = Array("{\n  \"é\": 1 x}".utf8)
        let error = JSONError(offset: 12, message: "expected ',' or '}' after object member, found 'x'", in: input)
        record("jsonError.description", error.description)
        record("jsonError.diagnostic", error.diagnostic(file: "data/site.json", sourceLine: "  \"é\": 1 x}").formatted)
        record("jsonError.clamped", JSONError(offset: 99, message: "m", in: input).description)
    }

    mutating func jsonCases() {
        let document = #"""
            {"title": "Caf\u00e9 \"Z\"", "tags": ["a", "b\n"], "n": -12, "x": 0.1, "e": 1e300, "tiny": 5e-324, "neg0": -0.0, "two": 2.0,
             "max": 1.7976931348623157e308, "emoji": "\ud83d\ude00", "nested": {"empty": {}, "list": [[]], "ok": true, "no": null},
             "script": "</script><!-- & \u2028"}
            """#
        record("json.parse.document", parsed(document))
        let doubles: [Value] = [0.3, .double(1.0 / 3), 1e-05, 9.999999999999999e-05, .double(9007199254740994), 1.5e16, 123.456,
                                2.2250738585072014e-308, .double(-0.015625)]
        record("json.serialize.doubles", JSON.serialize(.array(doubles)))
        if let value = try? JSON.parse(document) {
            record("json.serialize.compact", JSON.serialize(value))
            record("json.serialize.pretty", JSON.serialize(value, pretty: true))
            let again = try? JSON.parse(JSON.serialize(value))
            record("json.roundTrip.equal", again?.isJSONEquivalent(to: value) == true)
            let prettyAgain = try? JSON.parse(JSON.serialize(value, pretty: true))
            record("json.roundTrip.prettyEqual", prettyAgain?.isJSONEquivalent(to: value) == true)
        }
        record("json.serialize.literal", JSON.serialize(["html": .html("<b>"), "d": 1.5, "i": [1, .null, false]]))
        record("json.serialize.empty", JSON.serialize(.object(Object()), pretty: true))
        record("json.parse.bom", parsed("\u{FEFF}[1]"))
        record("json.parse.whitespace", parsed(" \n\t 42 \r\n"))
        record("json.parse.duplicateKey", parsed(#"{"a": 1, "b": 2, "a": 3}"#))

        let malformed: [(String, String)] = [
            ("empty", ""), ("trailingCommaArray", "[1, 2,]"), ("trailingCommaObject", #"{"a": 1,}"#),
            ("comment", "// c\n1"), ("leadingZero", "012"), ("unterminatedString", #"["abc"#),
            ("controlCharacter", "\"a\tb\""), ("loneHighSurrogate", #""\ud800x""#), ("loneLowSurrogate", #""\udc00""#),
            ("trailingGarbage", "[1] x"), ("nan", "NaN"), ("tooLarge", "1e400"), ("missingColon", #"{"a" 1}"#),
            ("singleQuotes", "['a']"), ("badEscape", #""\q""#), ("unclosedObject", #"{"a": [1, 2]"#),
            ("missingFraction", "1."), ("missingExponent", "1e"), ("plusSign", "+1"),
        ]
        for (label, text) in malformed {
            record("json.malformed." + label, parsed(text))
        }
        record("json.malformed.invalidUTF8", parsed(bytes: [0x22, 0x61, 0xFF, 0x22]))
        record("json.malformed.tooDeep", parsed(String(repeating: "[", count: JSON.maximumDepth + 1)))
        // At the limit: parses, and the 512-deep value is freed again, within a wasm stack.
        let deepest = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        record("json.parse.maximumDepth", (try? JSON.parse(deepest)) != nil)
    }

    func reserialized(_ text: String) -> String {
        do throws(JSONError) {
            return JSON.serialize(try JSON.parse(text))
        } catch {
            return "error " + error.description
        }
    }

    func parsed(_ text: String) -> String {
        parsed(bytes: Array(text.utf8))
    }

    func parsed(bytes: [UInt8]) -> String {
        do throws(JSONError) {
            return describe(try JSON.parse(bytes))
        } catch {
            return "error " + String(error.offset) + " " + error.description
        }
    }
}

// MARK: - Integer width
//
// `Int` is 64 bits natively but 32 bits on wasm32, so whatever stores or converts to
// `Int` can differ between the build and the wasm component: JSON numbers beyond ±2^31
// (millisecond timestamps, large IDs) and `Value.intValue` of a large `.double`.

extension EmbeddedCases {
    mutating func integerWidthCases() {
        // What must agree is the data's meaning: the JSON written back and the text a
        // template shows. (Natively 3000000000 is an `.int`, in wasm32 a `.double`.)
        for text in ["2147483647", "3000000000", "1700000000000", "-9007199254740992"] {
            record("integer.json.roundTrip." + text, reserialized(text))
        }
        record("integer.json.serialize", JSON.serialize(["ms": 1_700_000_000_000.0]))
        record("integer.intValue.huge", Value.double(1e20).intValue)
        record("integer.intValue.fraction", Value.double(3.5).intValue)
        // Within 32 bits, so natively and in wasm32 alike; the native suite compares the rest with `Int(_:)`.
        for text in ["2147483647", "-2147483648", "+12", "-0", "", "-", "1a", "99999999999999999999"] {
            record("integer.text." + text, Text.integer(text))
        }
        record("integer.exactInteger", Value.exactInteger(1_700_000_000_000.0).map { String($0) })
    }
}

// MARK: - Formatting results

/// A string in double quotes, with `\`, `"`, newlines, tabs and other control
/// characters escaped, so every result is one line.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// A compact, deterministic rendering of a value: `{title: "Hello", tags: ["a"]}`.
func describe(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return d.description
    case .string(let s): return quoted(s)
    case .html(let s): return "html(" + quoted(s) + ")"
    case .array(let items):
        var parts: [String] = []
        for item in items { parts.append(describe(item)) }
        return "[" + parts.joined(separator: ", ") + "]"
    case .object(let object):
        var parts: [String] = []
        for entry in object.entries { parts.append(entry.key + ": " + describe(entry.value)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

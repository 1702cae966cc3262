import SitegenHTML
import SitegenTemplates
import Testing

/// Issue 8 (fuzzing): the recursive-descent parser overflowed the stack on deeply nested
/// input (`sitegen-fuzz template`, seed 20261125, input #1069: ~1,800 `(`). Nesting is
/// now bounded and reported as a located diagnostic; ordinary nesting is untouched.
struct NestingLimitTests {
    static let depth = 5_000

    @Test(arguments: [
        ("parentheses", "{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}"),
        ("lists", "{{ " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + " }}"),
        ("dictionaries", "{{ " + String(repeating: "{\"a\": ", count: depth) + "1" + String(repeating: "}", count: depth) + " }}"),
        ("negations", "{{ " + String(repeating: "- ", count: depth) + "1 }}"),
        ("nots", "{{ " + String(repeating: "not ", count: depth) + "x }}"),
        ("ifs", String(repeating: "{% if true %}", count: depth) + String(repeating: "{% endif %}", count: depth)),
        ("fors", String(repeating: "{% for x in [1] %}", count: depth) + String(repeating: "{% endfor %}", count: depth)),
    ])
    func issue8DeepNestingIsADiagnostic(_ name: String, _ source: String) throws {
        let result = TemplateCompiler.compile(source, name: "deep.html")
        #expect(result.template == nil)
        let first = try #require(result.diagnostics.first)
        #expect(first.message.hasPrefix("too deeply nested at "), "\(name): \(first.formatted)")
        #expect(first.expected == "at most 100 nested brackets, operators or tags")
        #expect(first.location?.line == 1)
    }

    @Test func ordinaryNestingCompilesAndRenders() throws {
        let parens = String(repeating: "(", count: 40) + "1 + 2" + String(repeating: ")", count: 40)
        let ifs = String(repeating: "{% if true %}", count: 40) + "{{ \(parens) }}" + String(repeating: "{% endif %}", count: 40)
        #expect(try render(ifs) == "3")
    }
}

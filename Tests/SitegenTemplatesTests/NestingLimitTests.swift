import SitegenHTML
import SitegenTemplates
import Testing

/// Issue 8 (fuzzing): the recursive-descent parser overflowed the stack on deeply nested
/// input (`sitegen-fuzz template`, seed 20261125, input #1069: ~1,800 `(`). Nesting is
/// now bounded and reported as a located diagnostic; ordinary nesting is untouched. Long
/// operator, filter and attribute chains count too: they make the tree as deep, and
/// `sitegen-fuzz template` (seed 1, input #284279: `x - 1 - 1 …` 700 times) found one the
/// IR codec could encode but not decode (its decoder stops at depth 256).
struct NestingLimitTests {
    static let depth = 5_000

    @Test(arguments: [
        ("parentheses", "{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}"),
        ("lists", "{{ " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + " }}"),
        ("dictionaries", "{{ " + String(repeating: "{\"a\": ", count: depth) + "1" + String(repeating: "}", count: depth) + " }}"),
        ("negations", "{{ " + String(repeating: "- ", count: depth) + "1 }}"),
        ("nots", "{{ " + String(repeating: "not ", count: depth) + "x }}"),
        ("ifs", String(repeating: "{% if true %}", count: depth) + String(repeating: "{% endif %}", count: depth)),
        ("subtractions", "{{ a" + String(repeating: " - 1", count: depth) + " }}"),
        ("concatenations", "{{ a" + String(repeating: " ~ 'x'", count: depth) + " }}"),
        ("attributes", "{{ page" + String(repeating: ".a", count: depth) + " }}"),
        ("filters", "{{ page" + String(repeating: " | upper", count: depth) + " }}"),
        ("indexes", "{{ page" + String(repeating: "[0]", count: depth) + " }}"),
        ("ands", "{{ a" + String(repeating: " and b", count: depth) + " }}"),
        ("comparisons", "{{ a" + String(repeating: " == b", count: depth) + " }}"),
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

    @Test func aChainJustUnderTheLimitSurvivesTheCodec() throws {
        let source = "{{ 1" + String(repeating: " + 1", count: 90) + " }}"
        let template = try #require(TemplateCompiler.compile(source, name: "chain.html").template)
        #expect(try TemplateCodec.decode(TemplateCodec.encode([template])) == [template])
        #expect(try render(source) == "91")
    }

    @Test func ordinaryNestingCompilesAndRenders() throws {
        let parens = String(repeating: "(", count: 40) + "1 + 2" + String(repeating: ")", count: 40)
        let ifs = String(repeating: "{% if true %}", count: 40) + "{{ \(parens) }}" + String(repeating: "{% endif %}", count: 40)
        #expect(try render(ifs) == "3")
    }
}

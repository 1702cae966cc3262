import SitegenHTML
import SitegenTemplates
import Testing

/// The printed form of compile errors: location, excerpt with caret, expected, fix.
@Suite struct DiagnosticTests {
    @Test func unknownFilterSnapshot() {
        let source = "<h1>\n  {{ page.title | uper }}\n</h1>"
        #expect(compileErrors(source) == """
            themes/default/templates/page.html:2:19: error: unknown filter 'uper'
             2 |   {{ page.title | uper }}
               |                   ^~~~
              expected: a filter such as 'upper', 'lower', 'default', 'date', 'join'
              fix: did you mean 'upper'?

            """)
    }

    @Test func unclosedForSnapshot() {
        let source = "{% for p in pages %}\n<li>{{ p }}</li>\n"
        #expect(compileErrors(source) == """
            themes/default/templates/page.html:1:4: error: '{% for %}' is never closed
             1 | {% for p in pages %}
               |    ^~~
              expected: '{% endfor %}' before end of template
              fix: add '{% endfor %}'
              note: reached end of template at line 3

            """)
    }

    @Test func unknownTagSuggestsNearest() {
        let result = TemplateCompiler.compile("{% if x %}a{% endfi %}", name: "p.html")
        #expect(result.template == nil)
        #expect(result.diagnostics.first?.message == "'{% if %}' is never closed")
        let unknown = TemplateCompiler.compile("{% inclde 'x.html' %}", name: "p.html")
        #expect(unknown.diagnostics.first?.message == "unknown tag 'inclde'")
        #expect(unknown.diagnostics.first?.fix == "did you mean 'include'?")
    }

    @Test(arguments: [
        ("{{ x ", "unclosed expression '{{'"),
        ("{% if %}", "unexpected '%}'"),
        ("{{ 'abc }}", "unterminated string"),
        ("{{ a | }}", "unexpected '}}'"),
        ("{{ x $ y }}", "unexpected character '$' in a tag"),
        ("{% endif %}", "unexpected '{% endif %}'"),
        ("{# open", "unclosed comment '{#'"),
        ("a{% extends 'b.html' %}", "'{% extends %}' must come first in the template"),
        ("{% block a %}{% endblock %}{% block a %}{% endblock %}", "block 'a' is defined twice"),
        ("{{ 99999999999999999999 }}", "number '99999999999999999999' is too large"),
        ("{% suspense likes %}{% endsuspense %}", "unexpected 'likes'"),
        ("{{ x is fancy }}", "unknown test 'fancy'"),
    ])
    func syntaxErrorMessages(source: String, message: String) {
        let result = TemplateCompiler.compile(source, name: "p.html")
        #expect(result.template == nil)
        #expect(result.diagnostics.first?.message == message)
        #expect(result.diagnostics.first?.location != nil)
    }

    @Test func severalUnknownFiltersAreAllReported() {
        let result = TemplateCompiler.compile("{{ a | uper }}{{ b | lowr }}", name: "p.html")
        #expect(result.diagnostics.map(\.fix) == ["did you mean 'upper'?", "did you mean 'lower'?"])
    }

    /// Arbitrary input never crashes or hangs the compiler.
    @Test func randomInputNeverCrashes() {
        var generator = SplitMix(seed: 42)
        let pieces = ["{{", "}}", "{%", "%}", "{#", "#}", "if", "for", "x", " in ", "endfor", "endif", "|", "'", "\"", "(", ")",
                      "[", "]", "{", "}", ".", "-", "block", "endblock", "extends", "set", "=", "raw", "endraw", "\n", "é", "macro", "suspense"]
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<Int(generator.next() % 24) { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let result = TemplateCompiler.compile(source, name: "fuzz.html")
            if let template = result.template {
                _ = try? TemplateEngine(library: TemplateLibrary([template])).render("fuzz.html", context: [:])
            }
        }
    }
}

struct SplitMix {
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

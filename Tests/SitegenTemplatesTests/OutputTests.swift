import SitegenHTML
import Testing

@Suite struct OutputTests {
    @Test func textPassesThrough() throws {
        #expect(try render("<p>Hello</p>") == "<p>Hello</p>")
    }

    @Test func outputIsAutoescaped() throws {
        #expect(try render("{{ x }}", ["x": "<b>\"Tom\" & 'Jerry'</b>"])
            == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    }

    @Test func safeAndTrustedHTMLAreNotEscaped() throws {
        #expect(try render("{{ x | safe }}", ["x": "<b>hi</b>"]) == "<b>hi</b>")
        #expect(try render("{{ x }}", ["x": .html("<i>md</i>")]) == "<i>md</i>")
    }

    @Test func attributesAndPaths() throws {
        let context: Value = ["page": ["title": "T", "tags": ["a", "b"], "extra": ["n": 3]]]
        #expect(try render("{{ page.title }}|{{ page.tags[1] }}|{{ page['extra'].n }}|{{ page.tags[-1] }}", context) == "T|b|3|b")
    }

    @Test func missingValuesRenderEmptyUnlessStrict() throws {
        #expect(try render("[{{ nope }}][{{ page.nope }}]", ["page": [:]]) == "[][]")
        #expect(throws: TemplateError.self) { try render("{{ nope }}", strict: true) }
        #expect(throws: TemplateError.self) { try render("{{ page.nope }}", ["page": [:]], strict: true) }
    }

    @Test func strictUnknownVariableIsLocatedWithSuggestion() throws {
        do throws(TemplateError) {
            _ = try render("line one\n  {{ titel }}", ["title": "x"], strict: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "unknown variable 'titel'")
            #expect(error.span == Span(line: 2, column: 6))
            #expect(error.fix == "did you mean 'title'?")
        }
    }

    @Test func literalsAndArithmetic() throws {
        #expect(try render("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 % 3 }} {{ 7 / 2 }} {{ -4 }} {{ 1.5 + 1 }}") == "7 9 1 3.5 -4 2.5")
        #expect(try render("{{ 'a' ~ 1 ~ true }} {{ 'x' + 'y' }} {{ [1, 2] | length }} {{ none }}|") == "a1true xy 2 |")
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try render("{{ 1 < 2 and 'b' > 'a' }} {{ not false }} {{ 2 in [1, 2] }} {{ 'ell' in 'hello' }} {{ 3 not in [1] }}")
            == "true true true true true")
        #expect(try render("{{ missing or 'fallback' }} {{ 'x' if flag else 'y' }}", ["flag": false]) == "fallback y")
    }

    @Test func comments() throws {
        #expect(try render("a{# hidden {{ x }} #}b") == "ab")
    }

    @Test func whitespaceControl() throws {
        #expect(try render("<ul>\n  {%- for x in xs %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>", ["xs": [1, 2]])
            == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
        #expect(try render("a   {{- 'b' -}}   c") == "abc")
        #expect(try render("a {#- c -#} b") == "ab")
    }

    @Test func rawBlocks() throws {
        #expect(try render("{% raw %}{{ not rendered }}{% endraw %}") == "{{ not rendered }}")
    }

    @Test func tests() throws {
        let context: Value = ["n": 3, "s": "abc", "o": ["k": 1]]
        #expect(try render("{{ n is odd }} {{ n is even }} {{ x is defined }} {{ n is defined }} {{ s is string }} {{ o is mapping }} {{ n is not none }} {{ s is starting_with('ab') }} {{ n is divisibleby(3) }}", context)
            == "true false false true true true true true true")
    }
}

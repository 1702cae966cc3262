import SitegenHTML
import Testing

@Suite struct ControlFlowTests {
    @Test func ifElifElse() throws {
        let t = "{% if n > 10 %}big{% elif n > 5 %}medium{% else %}small{% endif %}"
        #expect(try render(t, ["n": 20]) == "big")
        #expect(try render(t, ["n": 7]) == "medium")
        #expect(try render(t, ["n": 1]) == "small")
    }

    @Test func forLoopWithLoopVariables() throws {
        let t = "{% for x in xs %}{{ loop.index }}:{{ x }}{% if loop.first %}(first){% endif %}{% if loop.last %}(last){% else %},{% endif %}{% endfor %}"
        #expect(try render(t, ["xs": ["a", "b", "c"]]) == "1:a(first),2:b,3:c(last)")
    }

    @Test func forElseOnEmptyOrMissing() throws {
        let t = "{% for x in xs %}{{ x }}{% else %}none{% endfor %}"
        #expect(try render(t, ["xs": []]) == "none")
        #expect(try render(t) == "none")
    }

    @Test func forOverObjectAndNestedLoops() throws {
        #expect(try render("{% for k, v in o %}{{ k }}={{ v }};{% endfor %}", ["o": ["b": 2, "a": 1]]) == "b=2;a=1;")
        #expect(try render("{% for r in rows %}{% for c in r %}{{ loop.index }}{% endfor %}/{{ loop.index }} {% endfor %}",
                           ["rows": [[1, 2], [3]]]) == "12/1 1/2 ")
    }

    @Test func setAndScoping() throws {
        #expect(try render("{% set x = 2 * 21 %}{{ x }}") == "42")
        #expect(try render("{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{{ x }}{% endfor %}{{ x }}") == "21")
        #expect(try render("{% set body %}<b>{{ 1 + 1 }}</b>{% endset %}{{ body }}") == "<b>2</b>")
    }

    @Test func rangeFunction() throws {
        #expect(try render("{% for i in range(3) %}{{ i }}{% endfor %}|{{ range(1, 10, 3) | join(',') }}") == "012|1,4,7")
    }

    @Test func loopOutsideForIsAnError() {
        #expect(throws: TemplateError.self) { try render("{{ loop.index }}") }
    }
}

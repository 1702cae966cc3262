import SitegenHTML
import SitegenTemplates
import Testing

@testable import SitegenBuild

/// What `IslandCompiler` turns island templates into. That the Swift it writes renders as
/// the interpreter does is shown end to end (`IslandCompilationTests`: the real component
/// against the native interpreter).
struct IslandCompilerTests {
    func template(_ name: String, _ source: String) throws -> Template {
        let result = TemplateCompiler.compile(source, name: name)
        return try #require(result.template, "\(result.diagnostics)")
    }

    @Test func compilesTheSupportedSubsetAndLeavesTheRestToTheInterpreter() throws {
        let likes = try template("islands/likes.html", """
            <span>{{ data.count }} {% if data.count == 1 %}like{% else %}likes{% endif %}</span>
            {%- block error %}<p>no likes for {{ args.slug }}</p>{% endblock %}
            """)
        let macro = try template("islands/macro.html", "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(data) }}")
        let child = try template("islands/child.html", "{% extends \"base.html\" %}{% block a %}x{% endblock %}")
        let output = IslandCompiler.compile([macro, child, likes])
        #expect(output.interpreted == ["islands/child.html", "islands/macro.html"])
        // What `sitegen build --verbose` says kept each from compiling.
        #expect(output.interpretedBecause == ["islands/child.html": "extends", "islands/macro.html": "macro"])
        #expect(output.registrations == [
            "        (UTF8Key(\"likes\"), \"islands/likes.html\", sitegenIsland0, "
                + "{ Islands.renderErrorBlock($0, template: \"islands/likes.html\", sitegenIsland0Error) }),\n"
        ])
        // The render function leaves the error block out; the error function is that block.
        let render = try #require(output.source.components(separatedBy: "func sitegenIsland0Error").first)
        #expect(render.contains("func sitegenIsland0(_ f: TemplateFrame) throws(TemplateError) {"))
        #expect(render.contains("f.text(\"<span>\")"))
        #expect(render.contains(".bool(TemplateFrame.equal("))
        #expect(!render.contains("no likes for"))
        #expect(output.source.contains("f.text(\"<p>no likes for \")"))
    }

    @Test func callsFiltersAndTestsDirectlyAndEscapesLiterals() throws {
        let island = try template("islands/x.html", """
            {% for item in data.items | sort(attribute="t") %}{% if item.url is starting_with("https://") %}\
            <a href="{{ item.url }}">{{ item.t | upper }}</a>{% endif %}{% else %}"none"\\{% endfor %}
            """)
        let source = IslandCompiler.compile([island]).source
        #expect(source.contains("try f.filter(Filters.`sort`, \"sort\", "))
        #expect(source.contains("try f.filter(Filters.`upper`, \"upper\", "))
        #expect(source.contains("try f.test(ValueTests.`startingWith`, \"starting_with\", "))
        #expect(source.contains(".named[\"attribute\"] = "))
        // `href="{{ }}"` is written through the URL check, as the interpreter does.
        #expect(source.contains("f.outputURL("))
        #expect(source.contains("f.text(\"\\\"none\\\"\\\\\")"))
    }

    @Test func literalsAreSwiftThatCompilesForWasm32() throws {
        let island = try template("islands/n.html", "{{ 7 }} {{ -2147483648 }} {{ 3000000000 }} {{ 1.5 }} {{ none }} {{ true }}")
        let source = IslandCompiler.compile([island]).source
        #expect(source.contains("Value? = .int(7)"))
        // Int is 32 bits in wasm32: a wider literal becomes a double, as the IR decoder makes it.
        #expect(source.contains("Value? = .double(3000000000.0)"))
        #expect(source.contains("Value? = .double(1.5)"))
        #expect(source.contains("Value? = .null"))
        #expect(source.contains("Value? = .bool(true)"))
    }

    /// The build leaves the site config out of the component unless a compiled island
    /// looks up `config` (in its body or its error block).
    @Test func notesWhetherAnIslandReadsTheConfig() throws {
        let plain = try template("islands/a.html", "{{ data.count }} {% set config = 1 %}")
        #expect(!IslandCompiler.compile([plain]).readsConfig)
        let body = try template("islands/b.html", "<h2>{{ config.title }}</h2>")
        #expect(IslandCompiler.compile([plain, body]).readsConfig)
        let errorBlock = try template("islands/c.html", "{{ data }}{% block error %}{{ config.extra.author }}{% endblock %}")
        #expect(IslandCompiler.compile([errorBlock]).readsConfig)
    }

    @Test func swiftStringLiteralsEscapeWhatSwiftWouldRead() {
        #expect(IslandCompiler.swiftString("a\"b\\c\n\t\u{1}é\\(x)") == "\"a\\\"b\\\\c\\n\\t\\u{1}é\\\\(x)\"")
    }
}

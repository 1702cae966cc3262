import SitegenHTML
import Testing

@Suite struct InheritanceTests {
    let base = "<html><title>{% block title %}Site{% endblock %}</title><body>{% block body %}{% endblock %}</body></html>"

    @Test func childOverridesBlocks() throws {
        let lib = library([("base.html", base), ("page.html", "{% extends \"base.html\" %}{% block body %}<p>{{ page.title }}</p>{% endblock %}")])
        let html = try TemplateEngine(library: lib).render("page.html", context: ["page": ["title": "Hi"]]).html
        #expect(html == "<html><title>Site</title><body><p>Hi</p></body></html>")
    }

    @Test func multiLevelWithSuper() throws {
        let lib = library([
            ("base.html", base),
            ("section.html", "{% extends 'base.html' %}{% block title %}Section · {{ super() }}{% endblock %}"),
            ("blog.html", "{% extends 'section.html' %}{% block title %}Blog · {{ super() }}{% endblock %}{% block body %}posts{% endblock %}"),
        ])
        let html = try TemplateEngine(library: lib).render("blog.html", context: [:]).html
        #expect(html == "<html><title>Blog · Section · Site</title><body>posts</body></html>")
    }

    @Test func childTopLevelSetIsVisibleInBlocks() throws {
        let lib = library([("base.html", base), ("p.html", "{% extends 'base.html' %}{% set who = 'World' %}ignored{% block body %}Hello {{ who }}{% endblock %}")])
        #expect(try TemplateEngine(library: lib).render("p.html", context: [:]).html.contains("<body>Hello World</body>"))
    }

    @Test func includeSeesContext() throws {
        let lib = library([("nav.html", "<nav>{{ title }}</nav>"), ("p.html", "{% set title = 'X' %}{% include 'nav.html' %}{% include 'gone.html' ignore missing %}")])
        #expect(try TemplateEngine(library: lib).render("p.html", context: [:]).html == "<nav>X</nav>")
    }

    @Test func missingIncludeIsLocatedErrorWithSuggestion() throws {
        let lib = library([("nav.html", "n"), ("p.html", "\n  {% include 'nab.html' %}")])
        do throws(TemplateError) {
            _ = try TemplateEngine(library: lib).render("p.html", context: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error == TemplateError("template 'nab.html' not found", template: "p.html", at: Span(line: 2, column: 6), fix: "did you mean 'nav.html'?"))
        }
    }

    @Test func macrosWithDefaultsAndImports() throws {
        let lib = library([
            ("macros.html", "{% macro badge(text, kind='info') %}<span class=\"{{ kind }}\">{{ text }}</span>{% endmacro %}"),
            ("p.html", "{% import 'macros.html' as m %}{% macro local(x) %}[{{ x }}]{% endmacro %}{{ m.badge('<new>') }}{{ m.badge('b', kind='warn') }}{{ local(1) }}"),
        ])
        #expect(try TemplateEngine(library: lib).render("p.html", context: [:]).html
            == "<span class=\"info\">&lt;new&gt;</span><span class=\"warn\">b</span>[1]")
    }

    @Test func recursionIsBoundedNotAHang() throws {
        let lib = library([("a.html", "{% include 'b.html' %}"), ("b.html", "{% include 'a.html' %}")])
        #expect(throws: TemplateError.self) { try TemplateEngine(library: lib).render("a.html", context: [:]) }
        let cycle = library([("x.html", "{% extends 'y.html' %}"), ("y.html", "{% extends 'x.html' %}")])
        #expect(throws: TemplateError.self) { try TemplateEngine(library: cycle).render("x.html", context: [:]) }
    }

    @Test func hostFunctions() throws {
        var engine = TemplateEngine(library: library([("p.html", "{{ url('style.css') }}")]))
        // A named function, not a closure literal: Swift 6.3's SILGen crashes on a
        // `@Sendable` typed-throws closure literal stored into the dictionary.
        @Sendable func url(_ args: Arguments) throws(TemplateError) -> Value {
            .string("/assets/" + (args.positional.first?.stringValue ?? ""))
        }
        engine.functions["url"] = url
        #expect(try engine.render("p.html", context: [:]).html == "/assets/style.css")
    }
}

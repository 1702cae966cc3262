import SitegenHTML
import SitegenTemplates
import Testing

@Suite struct CodecTests {
    @Test func irRoundTripsThroughBytes() throws {
        let sources = [
            ("base.html", "<html>{% block b %}x{% endblock %}</html>"),
            ("p.html", """
                {% extends "base.html" %}{% import 'm.html' as m %}{% block b %}{{ super() }}{% set v = [1, 2.5, -3, "s", none, true, {k: 'v'}] %}\
                {% for a, b in {x: 1} %}{{ a ~ b }}{% else %}e{% endfor %}{% if v is defined and not (1 > 2) %}{{ v | join(sep=',') }}{% elif x %}{% else %}{% endif %}\
                {% set c %}cap{% endset %}{% include "m.html" ignore missing %}{% macro f(a, b=1) %}{{ a if b else -a }}{% endmacro %}\
                {% suspense "likes" with { slug: page.slug, n: v[0] } %}…{% endsuspense %}{{ loop.index if false }}{% endblock %}
                """),
            ("m.html", "{% macro g() %}g{% endmacro %}"),
        ]
        let templates = sources.map { TemplateCompiler.compile($0.1, name: $0.0).template! }
        let bytes = TemplateCodec.encode(templates)
        #expect(try TemplateCodec.decode(bytes) == templates)
        let engine = TemplateEngine(library: TemplateLibrary(try TemplateCodec.decode(bytes)))
        #expect(try engine.render("p.html", context: ["page": ["slug": "s"]]).html
            == TemplateEngine(library: TemplateLibrary(templates)).render("p.html", context: ["page": ["slug": "s"]]).html)
    }

    @Test func corruptBytesAreAnErrorNotATrap() {
        let bytes = TemplateCodec.encode([TemplateCompiler.compile("{% for x in y %}{{ x | upper }}{% endfor %}", name: "t").template!])
        for cut in 0..<bytes.count {
            #expect(throws: TemplateError.self) { try TemplateCodec.decode(Array(bytes.prefix(cut))) }
        }
        var generator = SplitMix(seed: 7)
        for _ in 0..<2000 {
            var mutated = bytes
            mutated[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            _ = try? TemplateCodec.decode(mutated)
        }
    }
}

import SitegenHTML
import SitegenTemplates

extension FuzzTarget {
    /// Templates: the compiler (lexer, parser, diagnostics), the interpreter (with
    /// extends, include, import, macros and suspense against a small fixed library) and
    /// the IR codec the component decodes.
    ///
    /// Properties: never crashes or hangs; a compiled template survives the codec round
    /// trip unchanged; the codec decoder refuses (rather than traps on) a corrupted
    /// encoding; diagnostics are located inside the source.
    public static let template = FuzzTarget(
        name: "template", summary: "template compiler, interpreter (shell and resolved suspense) and IR codec",
        seeds: templateSeeds, tokens: templateTokens, maxLength: 2048
    ) { input in
        let source = String(decoding: input, as: UTF8.self)
        let result = TemplateCompiler.compile(source, name: "fuzz.html")
        if let failure = checkLocated(result.diagnostics, in: source) { return failure }
        guard let template = result.template else { return nil }

        let encoded = TemplateCodec.encode([template])
        guard let decoded = try? TemplateCodec.decode(encoded) else { return "the codec cannot decode what it encoded" }
        if decoded != [template] { return "the codec round trip changed the template" }
        var corrupted = encoded
        let hash = input.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
        corrupted[Int(hash % UInt64(corrupted.count))] ^= UInt8(truncatingIfNeeded: hash >> 32) | 1
        _ = try? TemplateCodec.decode(corrupted)

        var library = templateLibrary
        library.add(template)
        let engine = TemplateEngine(library: library, functions: ["now": fuzzNow])
        _ = try? engine.render("fuzz.html", context: templateContext, suspense: .shell)
        _ = try? engine.render("fuzz.html", context: templateContext, suspense: .resolved(fuzzLoader))
        let strict = TemplateEngine(library: library, strictVariables: true, maxDepth: 16)
        _ = try? strict.render("fuzz.html", context: templateContext)
        return nil
    }

    @Sendable static func fuzzNow(_ arguments: Arguments) throws(TemplateError) -> Value { .string("2024-05-01T10:00:00Z") }

    @Sendable static func fuzzLoader(_ section: SuspendedSection) throws(TemplateError) -> Value {
        if section.loader == "fail" { throw TemplateError("the loader failed") }
        return ["items": [1, "<b>", ["k": "v"]], "count": 3, "loader": .string(section.loader)]
    }

    static let templateContext: Value = [
        "page": [
            "title": "<script>alert(1)</script>", "url": "javascript:alert(1)", "tags": ["a", "b&c", "\"q\""],
            "n": 3, "big": .int(Int.max), "small": .int(Int.min), "f": 1.5, "html": .html("<b>bold</b>"),
            "date": "2024-05-01", "nested": ["a": ["b": ["c": "deep"]]], "empty": [], "null": .null,
        ],
        "config": ["title": "Site", "base_url": "https://example.com"],
        "items": [1, 2, 3, -1, 0],
    ]

    static let templateLibrary: TemplateLibrary = {
        let sources = [
            ("base.html", "<html>{% block head %}<title>{{ page.title }}</title>{% endblock %}<body>{% block body %}{% endblock %}</body></html>"),
            ("partial.html", "<p>{{ page.title | upper }}{% include \"partial2.html\" %}</p>"),
            ("partial2.html", "<i>{{ n | default(value=1) }}</i>"),
            ("loop.html", "{% include \"loop.html\" %}"),
            ("macros.html", "{% macro card(title, n=1) %}<div>{{ title }}{{ n * 2 }}</div>{% endmacro %}{% macro rec(n) %}{{ self::rec(n=n) }}{% endmacro %}"),
            ("islands/comments.html", "{% block error %}<p>failed</p>{% endblock %}<ul>{% for i in data.items %}<li>{{ i }}</li>{% endfor %}</ul>"),
        ]
        var library = TemplateLibrary()
        for (name, source) in sources {
            if let template = TemplateCompiler.compile(source, name: name).template { library.add(template) }
        }
        return library
    }()

    static let templateSeeds = utf8Bytes([
        "<h1>{{ page.title }}</h1><a href=\"{{ page.url }}\" title='{{ page.title | escape }}'>{{ page.html }}</a>",
        "{% extends \"base.html\" %}{% block body %}{{ super() }}{% for t in page.tags %}{{ loop.index }}:{{ t | upper }}{% else %}none{% endfor %}{% endblock %}",
        "{% import \"macros.html\" as m %}{{ m::card(title=page.title, n=page.n) }}{{ m::rec(n=1) }}",
        "{% include \"partial.html\" %}{% include \"loop.html\" %}",
        "{% set x = [1, 2, 3] | reverse | join(sep=\",\") %}{{ x ~ \"!\" }}{% if x is defined and not false %}{{ x | length }}{% elif 1 %}b{% else %}c{% endif %}",
        "{% for i in range(3) %}{% for j in range(start=1, end=4, step=2) %}{{ i * j + 1 - 2 / 4 % 3 }}{% endfor %}{% endfor %}",
        "{% suspense \"comments\" with {\"post\": page.title, \"n\": 2} %}<p>loading</p>{% endsuspense %}{% suspense \"fail\" %}x{% endsuspense %}",
        "{{ page.date | date(format=\"%Y %B %d\") }}{{ page.f | round(precision=2) }}{{ page.big + 1 }}{{ page.small - 1 }}{{ page.small | abs }}",
        "{{ page.title | truncate(length=5) | striptags | slugify | urlencode | replace(from=\"a\", to=\"b\") | split(pat=\"-\") | first }}",
        "{{ items | sort | last }}{{ page.nested.a.b.c }}{{ page['nested']['a'] | json(pretty=true) }}{{ \"x\" in page.tags }}",
        "{% raw %}{{ not a tag }}{% endraw %}{# comment #}{%- if true -%} trimmed {%- endif -%}",
        "{{ page.tags | where(attribute=\"x\", value=1) | length }}{{ 'a' is string }}{{ page.n | int(default=0) | float }}",
    ])

    static let templateTokens = utf8Bytes([
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", " if ", " elif ", " else ", " endif ", " for ",
        " in ", " endfor ", " set ", " block ", " endblock ", " extends ", " include ", " import ", " as ", " macro ",
        " endmacro ", " suspense ", " endsuspense ", " with ", " raw ", " endraw ", " super() ", " loop.index ",
        "|", " | ", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "==", "!=", "<=", ">", "+", "-", "*", "/", "%", "~",
        " and ", " or ", " not ", " is ", " defined ", "\"", "'", "\\", "\"base.html\"", "\"fuzz.html\"", "\"loop.html\"",
        "\"macros.html\"", "m::card", "self::", "page", "page.title", "page.big", "page.small", "items", "range(",
        "9223372036854775807", "-9223372036854775808", "1e308", "0", "-1", "100000", "upper", "truncate(length=-1)",
        "round(precision=-5)", "date(format=\"%", "json", "safe", "escape", "join", "sort", "where", "replace", "split",
        "first", "last", "slugify", "default", "abs", "int", "float", "length", "\n", " ", "é", "😀", "\u{0}", "<script>",
    ])
}

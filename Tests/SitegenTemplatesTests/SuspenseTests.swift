import SitegenHTML
import SitegenTemplates
import Testing

@Suite struct SuspenseTests {
    let page = """
        <main>{% for p in posts %}<article><h2>{{ p }}</h2>\
        {% suspense "likes" with { slug: p, n: loop.index } %}<span>…</span>{% endsuspense %}</article>{% endfor %}\
        {% suspense "weather" %}Loading weather{% endsuspense %}</main>
        """

    var engine: TemplateEngine {
        TemplateEngine(library: library([
            ("page.html", page),
            ("islands/likes.html", "<b>{{ data.count }}</b> likes for {{ args.slug }}"),
        ]))
    }

    static func loader(_ section: SuspendedSection) throws(TemplateError) -> Value {
        switch section.loader {
        case "likes": return ["count": .int((section.arguments["n"]?.intValue ?? 0) * 10)]
        default: return .string("Sunny <hot>")
        }
    }

    @Test func shellRendersFallbacksAndRecordsSections() throws {
        let shell = try engine.render("page.html", context: ["posts": ["a", "b"]])
        #expect(shell.sections == [
            SuspendedSection(id: 1, loader: "likes", arguments: ["slug": "a", "n": 1]),
            SuspendedSection(id: 2, loader: "likes", arguments: ["slug": "b", "n": 2]),
            SuspendedSection(id: 3, loader: "weather", arguments: [:]),
        ])
        #expect(shell.html.contains(#"<sg-b id="sg-b1"><span>…</span></sg-b>"#))
        #expect(shell.html.contains(#"<sg-b id="sg-b3">Loading weather</sg-b>"#))
    }

    /// Parity: a synchronous render and a shell with sections streamed out of order
    /// give the same document once the replacements are applied.
    @Test func syncAndStreamedRenderingGiveTheSameDocument() throws {
        let context: Value = ["posts": ["a", "b", "c"]]
        let sync = try engine.render("page.html", context: context, suspense: .resolved(Self.loader)).html
        let shell = try engine.render("page.html", context: context)
        var streamed = shell.html + SuspenseMarkup.runtime
        for section in shell.sections.reversed() {
            let html = try engine.renderSection(section, data: try Self.loader(section))
            streamed += SuspenseMarkup.replacement(section.id, html: html)
        }
        #expect(DOMSwap.apply(streamed) == sync)
        #expect(sync.contains("<b>20</b> likes for b"))
        #expect(sync.contains("Sunny &lt;hot&gt;"))
    }

    /// An island template's `{% block error %}` is its failure view: left out of the
    /// content, rendered with `args` alone when the loader fails.
    @Test func errorBlockIsTheSectionsFailureView() throws {
        let engine = TemplateEngine(library: library([
            ("page.html", page),
            ("islands/likes.html", """
                <b>{{ data.count }}</b> likes{% block error %}<em>likes for {{ args.slug }} are unavailable</em>{% endblock %}
                """),
        ]))
        let section = SuspendedSection(id: 1, loader: "likes", arguments: ["slug": "a<b"])
        #expect(try engine.renderSection(section, data: ["count": 3]) == "<b>3</b> likes")
        #expect(engine.renderSectionError(section) == "<em>likes for a&lt;b are unavailable</em>")
        // No template, or a template without the block: the default boundary.
        #expect(engine.renderSectionError(SuspendedSection(id: 2, loader: "weather", arguments: [:])) == SuspenseMarkup.errorBoundary)
        #expect(self.engine.renderSectionError(section) == SuspenseMarkup.errorBoundary)
        // A synchronous render uses it too.
        let html = try engine.render("page.html", context: ["posts": ["a"]], suspense: .resolved { section throws(TemplateError) in
            if section.loader == "likes" { throw TemplateError("store down") }
            return "sunny"
        }).html
        #expect(html.contains(#"<sg-b id="sg-b1"><em>likes for a are unavailable</em></sg-b>"#), "\(html)")
        #expect(html.contains(#"<sg-b id="sg-b2">sunny</sg-b>"#), "\(html)")
    }

    @Test func failingLoaderGetsAnErrorBoundaryAndThePageRenders() throws {
        let html = try engine.render("page.html", context: ["posts": ["a"]], suspense: .resolved { section throws(TemplateError) in
            if section.loader == "weather" { throw TemplateError("upstream timed out") }
            return ["count": 1]
        }).html
        #expect(html.contains(#"<sg-b id="sg-b2">"# + SuspenseMarkup.errorBoundary + "</sg-b>"))
        #expect(html.contains("<b>1</b> likes for a"))
    }
}

/// What `sg(n)` does in the browser, on the markup: move each `<template id="sg-tN">`'s
/// content into `<sg-b id="sg-bN">` and drop the template, its script and the runtime.
enum DOMSwap {
    static func apply(_ html: String) -> String {
        var doc = Text.replace(html, SuspenseMarkup.runtime, with: "")
        while let start = range(of: "<template id=\"sg-t", in: doc) {
            let afterID = String(doc.utf8.dropFirst(start + 18))!
            let idEnd = Array(afterID.utf8).firstIndex(of: UInt8(ascii: "\""))!
            let id = String(afterID.utf8.prefix(idEnd))!
            let contentStart = start + 18 + idEnd + 2
            let close = "</template><script>sg(" + id + ")</script>"
            let end = range(of: close, in: doc)!
            let content = String(doc.utf8.dropFirst(contentStart).prefix(end - contentStart))!
            doc = String(doc.utf8.prefix(start))! + String(doc.utf8.dropFirst(end + close.utf8.count))!
            let open = "<sg-b id=\"sg-b" + id + "\">"
            let boundary = range(of: open, in: doc)! + open.utf8.count
            let boundaryEnd = boundary + range(of: "</sg-b>", in: String(doc.utf8.dropFirst(boundary))!)!
            doc = String(doc.utf8.prefix(boundary))! + content + String(doc.utf8.dropFirst(boundaryEnd))!
        }
        return doc
    }

    static func range(of needle: String, in haystack: String) -> Int? {
        Text.find(Array(needle.utf8), in: Array(haystack.utf8), from: 0)
    }
}

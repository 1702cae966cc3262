import SitegenHTML

// Template cases for the Embedded parity driver. The wasm side has no compiler, so
// the IR is built by hand here, exactly as the compiler would emit it, and rendered by
// the shared interpreter on both sides; the IR also goes through `TemplateCodec`.

extension EmbeddedCases {
    mutating func templateCases() {
        let s = Span(line: 1, column: 1)
        func v(_ name: String) -> TemplateExpr { .variable(name, s) }
        let base = Template(name: "base.html", nodes: [
            .text("<title>"), .block("title", [.text("Site")]), .text("</title><main>"), .block("body", []), .text("</main>"),
        ])
        let page = Template(name: "page.html", parent: "base.html", nodes: [
            .block("title", [.output(.filter(.attribute(v("page"), "title", s), "upper", [], s), s), .text(" · "),
                             .output(.call("super", [], s), s)]),
            .block("body", [
                .loop(Loop(variables: ["tag"], sequence: .attribute(v("page"), "tags", s), body: [
                    .output(.loopProperty("index", s), s), .text(":"), .output(v("tag"), s),
                    .conditional([Branch(.unary(.not, .loopProperty("last", s), s), [.text(", ")])], otherwise: []),
                ], otherwise: [.text("no tags")], span: s)),
                .text("|"),
                .output(.filter(.attribute(v("page"), "date", s), "date", [Argument(.literal("%B %e, %Y"))], s), s),
                .text("|"),
                .output(.binary(.add, .literal(.int(40)), .literal(.double(2.5)), s), s),
                .text("|"),
                .output(.filter(.attribute(v("page"), "tags", s), "join", [Argument(.literal(" & "))], s), s),
                .text("|"),
                .output(.filter(.attribute(v("page"), "title", s), "slugify", [], s), s),
                .text("|"),
                .suspense(loader: "likes", arguments: [Entry("slug", .attribute(v("page"), "slug", s))], fallback: [.text("…")], s),
            ]),
        ])
        let island = Template(name: "islands/likes.html", nodes: [
            .output(.attribute(v("data"), "count", s), s), .text(" likes for "), .output(.attribute(v("args"), "slug", s), s),
        ])
        let context: Value = ["page": ["title": "Héllo <World>", "slug": "hello", "date": "2024-02-29T10:00:00Z",
                                       "tags": ["swift", "wasm", "<b>"]]]
        let engine = TemplateEngine(library: TemplateLibrary([base, page, island]))
        record("template.shell", rendered(engine, "page.html", context, suspense: .shell))
        record("template.resolved", rendered(engine, "page.html", context, suspense: .resolved(Self.likes)))
        do throws(TemplateError) {
            let shell = try engine.render("page.html", context: context)
            var sections: [String] = []
            for section in shell.sections {
                sections.append(section.loader + "#" + String(section.id) + " " + JSON.serialize(.object(section.arguments)))
                let html = try engine.renderSection(section, data: try Self.likes(section))
                sections.append(SuspenseMarkup.replacement(section.id, html: html))
            }
            record("template.sections", sections.joined(separator: " "))
        } catch {
            record("template.sections", "error " + error.message)
        }
        let bytes = TemplateCodec.encode([base, page, island])
        record("template.codec.size", bytes.count)
        do throws(TemplateError) {
            record("template.codec.roundTrip", try TemplateCodec.decode(bytes) == [base, page, island])
            _ = try TemplateCodec.decode(Array(bytes.dropLast()))
            record("template.codec.truncated", "decoded")
        } catch {
            record("template.codec.truncated", error.message)
        }
        let missing = Template(name: "m.html", nodes: [.output(.filter(v("x"), "length", [], Span(line: 3, column: 9)), s),
                                                       .output(.variable("nope", Span(line: 4, column: 2)), s)])
        var strict = TemplateEngine(library: TemplateLibrary([missing]), strictVariables: true)
        record("template.strictError", rendered(strict, "m.html", ["x": [1, 2], "nop": 1], suspense: .shell))
        strict.strictVariables = false
        record("template.lenient", rendered(strict, "m.html", ["x": [1, 2]], suspense: .shell))
        record("template.date.unix", DateValue(.int(951_782_400))?.formatted("%A %F %T %z"))
        record("template.slug", Text.slugify("Ünïcode & Friends — 2024!"))
    }

    static func likes(_ section: SuspendedSection) throws(TemplateError) -> Value {
        ["count": .int(section.arguments["slug"]?.stringValue?.utf8.count ?? 0)]
    }

    func rendered(_ engine: TemplateEngine, _ name: String, _ context: Value, suspense: SuspenseMode) -> String {
        do throws(TemplateError) {
            return try engine.render(name, context: context, suspense: suspense).html
        } catch {
            return "error " + error.diagnostic().formatted
        }
    }
}

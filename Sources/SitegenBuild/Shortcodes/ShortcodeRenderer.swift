import SitegenContent
import SitegenHTML
import SitegenTemplates

/// Renders Markdown shortcodes through `templates/shortcodes/<name>.html` (the site's,
/// then the theme's), and the built-in `island`.
///
/// A shortcode template sees:
/// - `args`: the named arguments (`args.src`); declared optional ones that were not
///   given are `none`;
/// - `body`: the body's Markdown rendered to HTML (safe; `none` without a body);
/// - `page`: the page (or section) it is in, without `content`, `summary` and `toc`,
///   which are what is being rendered;
/// - `shortcode.name`, and what every template sees (`config`, `data`, `now`, `url()`).
struct ShortcodeRenderer: Sendable {
    let engine: TemplateEngine
    let templates: TemplateSet
    /// Every `shortcodes/*.html` template by shortcode name, with its declaration if it has one.
    let signatures: [String: ShortcodeSignature?]

    static let island = "island"

    init(templates: TemplateSet, engine: TemplateEngine) {
        self.templates = templates
        self.engine = engine
        var signatures: [String: ShortcodeSignature?] = [:]
        for name in templates.library.names where name.hasPrefix("shortcodes/") && name.hasSuffix(".html") {
            let shortcode = String(name.dropFirst("shortcodes/".count).dropLast(".html".count))
            signatures[shortcode] = templates.source(of: name).flatMap(ShortcodeSignature.parse(templateSource:))
        }
        self.signatures = signatures
    }

    /// Every shortcode a page may use.
    var names: [String] { (Array(signatures.keys) + [Self.island]).sorted() }

    func takesBody(_ name: String) -> Bool? {
        name == Self.island ? nil : signatures[name].flatMap { $0?.takesBody }
    }

    /// Markdown with its shortcodes replaced by placeholders, their HTML, and what was found on the way.
    struct Expansion {
        var markdown: String
        var output: ShortcodeOutput
        var islands: [ContentIsland] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Expands the shortcodes of a scanned text; bodies are rendered with `renderFragment`
    /// (the caller's Markdown renderer, which rewrites and checks their links).
    func expand(_ document: ShortcodeDocument, page: Value,
                renderFragment: (String, ShortcodeOutput) -> String) -> Expansion {
        var islands: [ContentIsland] = []
        var diagnostics = document.diagnostics

        func expand(_ pieces: [ShortcodePiece], inIsland: Bool) -> (String, ShortcodeOutput) {
            var html: [String] = []
            let (markdown, map) = document.assemble(pieces) { shortcode in
                html.append(render(shortcode, inIsland: inIsland))
                return ShortcodeOutput.placeholder(html.count - 1)
            }
            return (markdown, ShortcodeOutput(html: html, map: map))
        }

        func render(_ shortcode: Shortcode, inIsland: Bool) -> String {
            let isIsland = shortcode.name == Self.island
            var body: String? = nil
            if let b = shortcode.body {
                let (markdown, output) = expand(b.pieces, inIsland: inIsland || isIsland)
                body = renderFragment(markdown, output)
            }
            if isIsland {
                return island(shortcode, body: body ?? "", nested: inIsland)
            }
            guard let signature = signatures[shortcode.name] else {
                diagnostics.append(.unknownShortcode(shortcode.name, known: names, at: shortcode.tag, in: document))
                return ""
            }
            var args = Object()
            for argument in shortcode.arguments { args[argument.name] = argument.value }
            if let signature {
                guard check(shortcode, against: signature) else { return "" }
                for name in signature.optional where args[name] == nil { args[name] = .null }
            }
            var context = Object()
            context["args"] = .object(args)
            context["body"] = body.map { .html($0) } ?? .null
            context["page"] = page
            context["shortcode"] = ["name": .string(shortcode.name)]
            let where_ = "while rendering shortcode '" + shortcode.name + "' at " + document.location(of: shortcode.tag.lowerBound).description
            do throws(TemplateError) {
                let rendered = try engine.render("shortcodes/" + shortcode.name + ".html", context: .object(context))
                if !rendered.sections.isEmpty {
                    diagnostics.append(Diagnostic(
                        .error, "shortcode template 'shortcodes/" + shortcode.name + ".html' has a {% suspense %} boundary",
                        expected: "boundaries in page templates, or {{< island >}} in Markdown",
                        fix: "use {{< island name=\"…\" >}}fallback{{< /island >}} in the Markdown instead", notes: [where_]))
                }
                var html = rendered.html
                while html.last == "\n" { html.removeLast() }
                return html
            } catch {
                diagnostics.append(templates.diagnostic(for: error, note: where_))
                return ""
            }
        }

        /// Arguments and body against the template's declaration; reports what does not fit.
        func check(_ shortcode: Shortcode, against signature: ShortcodeSignature) -> Bool {
            var fits = true
            for argument in shortcode.arguments where !signature.acceptsOthers && !signature.arguments.contains(argument.name) {
                diagnostics.append(.unknownShortcodeArgument(argument.name, shortcode: shortcode.name, known: signature.arguments,
                                                             at: argument.range, in: document))
                fits = false
            }
            for name in signature.required where shortcode.argument(name) == nil {
                diagnostics.append(.missingShortcodeArgument(name, shortcode: shortcode.name, usage: signature.usage(shortcode.name),
                                                             at: shortcode.tag, in: document))
                fits = false
            }
            if let body = shortcode.body, signature.body == .none {
                diagnostics.append(.shortcodeBody(shortcode.name, needed: false, at: body.closingTag, in: document))
                fits = false
            }
            return fits
        }

        /// `{{< island name="likes" slug="…" >}}fallback{{< /island >}}`: a content boundary
        /// that the page's render turns into `{% suspense "likes" with {slug: "…"} %}`'s markup.
        func island(_ shortcode: Shortcode, body: String, nested: Bool) -> String {
            if nested {
                diagnostics.append(.nestedIsland(at: shortcode.tag, in: document))
                return ""
            }
            guard let nameArgument = shortcode.argument("name"), let loader = nameArgument.value.stringValue, !loader.isEmpty else {
                diagnostics.append(.missingShortcodeArgument(
                    "name", shortcode: Self.island, usage: "{{< island name=\"loader\" key=\"value\" … >}}fallback{{< /island >}}",
                    at: shortcode.tag, in: document))
                return ""
            }
            var arguments = Object()
            for argument in shortcode.arguments where argument.name != "name" { arguments[argument.name] = argument.value }
            islands.append(ContentIsland(loader: loader, place: document.diagnostic("", at: nameArgument.range)))
            return SuspenseMarkup.contentBoundaryOpen(loader: loader, arguments: arguments) + body + SuspenseMarkup.contentBoundaryClose
        }

        let (markdown, output) = expand(document.pieces, inIsland: false)
        return Expansion(markdown: markdown, output: output, islands: islands, diagnostics: diagnostics)
    }
}

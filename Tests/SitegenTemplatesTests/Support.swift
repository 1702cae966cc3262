import SitegenHTML
import SitegenTemplates
import Testing

/// Compiles each `(name, source)` pair; records an issue for any diagnostic.
func library(_ sources: [(String, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TemplateLibrary {
    var library = TemplateLibrary()
    for (name, source) in sources {
        let result = TemplateCompiler.compile(source, name: name)
        for d in result.diagnostics { Issue.record(Comment(rawValue: d.formatted), sourceLocation: sourceLocation) }
        if let template = result.template { library.add(template) }
    }
    return library
}

/// Renders `source` as a one-template library with `context`.
func render(_ source: String, _ context: Value = [:], strict: Bool = false,
            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws(TemplateError) -> String {
    let engine = TemplateEngine(library: library([("t.html", source)], sourceLocation: sourceLocation),
                                strictVariables: strict)
    return try engine.render("t.html", context: context).html
}

/// The diagnostics for compiling `source`, printed.
func compileErrors(_ source: String, name: String = "page.html") -> String {
    TemplateCompiler.compile(source, name: name, path: "themes/default/templates/" + name)
        .diagnostics.map(\.formatted).joined()
}

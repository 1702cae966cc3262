import SitegenHTML

/// Compiles template source (Jinja/Tera syntax) into the IR that `SitegenHTML` renders.
///
/// ```swift
/// let result = TemplateCompiler.compile("<h1>{{ page.title | upper }}</h1>", name: "page.html")
/// if let template = result.template { … }
/// for diagnostic in result.diagnostics { print(diagnostic.formatted) }
/// ```
/// Compiling never crashes and never hangs: bad input gives located diagnostics.
public enum TemplateCompiler {
    /// The template (when it compiled) and every problem found.
    public struct Result: Sendable {
        public var template: Template?
        public var diagnostics: [Diagnostic]
    }

    /// Compiles `source`.
    /// - Parameters:
    ///   - name: the template's name in its library (`page.html`, `partials/nav.html`).
    ///   - path: the file path used in diagnostics (defaults to `name`).
    public static func compile(_ source: String, name: String, path: String? = nil) -> Result {
        let file = path ?? name
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            let tokens = try Lexer.tokenize(source)
            var parser = Parser(tokens: tokens)
            let nodes = try parser.parseTemplate()
            let diagnostics = parser.warnings.map { error, length in
                var d = error.diagnostic(file: file, sourceLine: line(error.span.line, in: lines))
                d.length = length
                return d
            }
            let template = Template(name: name, parent: parser.parent, nodes: nodes)
            return Result(template: diagnostics.isEmpty ? template : nil, diagnostics: diagnostics)
        } catch {
            return Result(template: nil, diagnostics: [error.diagnostic(file: file, source: lines)])
        }
    }

    static func line(_ number: Int, in lines: [Substring]) -> String? {
        number >= 1 && number <= lines.count ? String(lines[number - 1]) : nil
    }
}

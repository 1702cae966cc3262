import Foundation
import SitegenHTML

/// The templates of a site: its own `templates/` over its theme's, compiled, with the
/// sources kept so that render errors can quote the offending line.
public struct TemplateSet: Sendable {
    public private(set) var library = TemplateLibrary()
    /// Template name → (file path for diagnostics, its lines).
    private var sources: [String: (path: String, lines: [String])] = [:]

    /// An empty set.
    public init() {}

    /// Loads every `*.html` under each folder; earlier folders win for the same name.
    /// - Parameters:
    ///   - folders: `(absolute folder, path prefix for diagnostics)`, highest priority first.
    ///   - diagnostics: compile errors are appended here.
    public init(folders: [(directory: String, displayPrefix: String)], diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for (directory, prefix) in folders {
            for name in Self.htmlFiles(in: directory) where !seen.contains(name) {
                seen.insert(name)
                let path = prefix + name
                guard let source = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else {
                    diagnostics.append(Diagnostic(.error, "cannot read template '" + path + "'", fix: "check the file is UTF-8 text"))
                    continue
                }
                add(source: source, name: name, path: path, diagnostics: &diagnostics)
            }
        }
    }

    /// Compiles and adds one template.
    public mutating func add(source: String, name: String, path: String, diagnostics: inout [Diagnostic]) {
        let result = TemplateCompiler.compile(source, name: name, path: path)
        diagnostics.append(contentsOf: result.diagnostics)
        sources[name] = (path, source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        if let template = result.template { library.add(template) }
    }

    /// The source text of the template `name`, as read.
    public func source(of name: String) -> String? {
        sources[name].map { $0.lines.joined(separator: "\n") }
    }

    /// Whether a template called `name` exists.
    public func contains(_ name: String) -> Bool { library[name] != nil }

    /// A render error as a located diagnostic quoting the template line.
    public func diagnostic(for error: TemplateError, note: String? = nil) -> Diagnostic {
        let source = sources[error.template]
        let line = source.flatMap { s in error.span.line >= 1 && error.span.line <= s.lines.count ? s.lines[error.span.line - 1] : nil }
        var d = error.diagnostic(file: source?.path ?? error.template, sourceLine: line)
        if let note { d.notes.append(note) }
        return d
    }

    static func htmlFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            if name.hasSuffix(".html") { names.append(name) }
        }
        return names.sorted()
    }
}

/// An error while rendering a template: where it happened, what went wrong, how to fix it.
///
/// The native build turns it into a `Diagnostic` (`diagnostic(sourceLine:)`); the wasm
/// component logs it to stderr and shows an island's error boundary.
public struct TemplateError: Error, Equatable, Sendable {
    /// The template being rendered.
    public var template: String
    public var span: Span
    public var message: String
    public var expected: String?
    public var fix: String?

    /// Creates an error.
    public init(_ message: String, template: String = "", at span: Span = .unknown, expected: String? = nil, fix: String? = nil) {
        self.message = message
        self.template = template
        self.span = span
        self.expected = expected
        self.fix = fix
    }

    /// The error as a located `Diagnostic`; `file` overrides the template name as the path.
    public func diagnostic(file: String? = nil, sourceLine: String? = nil) -> Diagnostic {
        let location: SourceLocation? =
            span.line > 0 ? SourceLocation(file: file ?? template, line: span.line, column: span.column) : nil
        return Diagnostic(
            .error, message, at: location, expected: expected, fix: fix,
            notes: location == nil && !template.isEmpty ? ["while rendering '" + template + "'"] : [],
            sourceLine: sourceLine)
    }
}

extension TemplateError {
    static func unknownVariable(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            "unknown variable '" + name + "'", at: span,
            fix: suggestion.map { "did you mean '" + $0 + "'?" } ?? "define it with {% set " + name + " = … %} or pass it in the context")
    }

    static func unknownFilter(_ name: String, at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: Filters.names)
        return TemplateError(
            "unknown filter '" + name + "'", at: span,
            expected: "one of " + Filters.names.map { "'" + $0 + "'" }.joined(separator: ", "),
            fix: suggestion.map { "did you mean '" + $0 + "'?" })
    }

    static func unknownFunction(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            "unknown function or macro '" + name + "'", at: span,
            fix: suggestion.map { "did you mean '" + $0 + "'?" } ?? "define it with {% macro " + name + "() %}")
    }

    static func wrongType(_ what: String, expected: String, got value: Value, at span: Span) -> TemplateError {
        TemplateError(what + " expects " + expected + ", got " + value.kindName, at: span, expected: expected)
    }

    static func missingTemplate(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            "template '" + name + "' not found", at: span,
            fix: suggestion.map { "did you mean '" + $0 + "'?" } ?? "create templates/" + name)
    }
}

/// An error while rendering a template: where it happened, what went wrong, how to fix it.
///
/// The native build turns it into a `Diagnostic` (`diagnostic(sourceLine:)`); the wasm
/// component logs it to stderr and shows an island's error boundary.
public struct TemplateError: Error, Equatable, Sendable {
    /// The template being rendered.
    public var template: String {
        get { storage.template }
        set { unique().template = newValue }
    }
    public var span: Span {
        get { storage.span }
        set { unique().span = newValue }
    }
    public var message: String {
        get { storage.message }
        set { unique().message = newValue }
    }
    public var expected: String? {
        get { storage.expected }
        set { unique().expected = newValue }
    }
    public var fix: String? {
        get { storage.fix }
        set { unique().fix = newValue }
    }

    // One reference instead of five fields: every `throws(TemplateError)` call site moves
    // the error, and a one-word error keeps those paths small in the wasm component.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        var template: String
        var span: Span
        var message: String
        var expected: String?
        var fix: String?
        init(template: String, span: Span, message: String, expected: String?, fix: String?) {
            self.template = template
            self.span = span
            self.message = message
            self.expected = expected
            self.fix = fix
        }
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(template: storage.template, span: storage.span, message: storage.message,
                              expected: storage.expected, fix: storage.fix)
        }
        return storage
    }

    /// Creates an error.
    public init(_ message: String, template: String = "", at span: Span = .unknown, expected: String? = nil, fix: String? = nil) {
        storage = Storage(template: template, span: span, message: message, expected: expected, fix: fix)
    }

    public static func == (a: TemplateError, b: TemplateError) -> Bool {
        a.template == b.template && a.span == b.span && a.message == b.message && a.expected == b.expected && a.fix == b.fix
    }

    /// The error as a located `Diagnostic`; `file` overrides the template name as the path.
    public func diagnostic(file: String? = nil, sourceLine: String? = nil) -> Diagnostic {
        let location: SourceLocation? =
            span.line > 0 ? SourceLocation(file: file ?? template, line: span.line, column: span.column) : nil
        return Diagnostic(
            .error, message, at: location, expected: expected, fix: fix,
            notes: location == nil && !template.isEmpty ? [Text.join("while rendering '", template, "'")] : [],
            sourceLine: sourceLine)
    }
}

extension TemplateError {
    static func unknownVariable(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            Text.join("unknown variable '", name, "'"), at: span,
            fix: suggestion.map { Text.join("did you mean '", $0, "'?") } ?? Text.join("define it with {% set ", name, " = … %} or pass it in the context"))
    }

    static func unknownFilter(_ name: String, at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: Filters.names)
        return TemplateError(
            Text.join("unknown filter '", name, "'"), at: span,
            expected: Text.join("one of ", Filters.names.map { Text.join("'", $0, "'") }.joined(separator: ", ")),
            fix: suggestion.map { Text.join("did you mean '", $0, "'?") })
    }

    static func unknownFunction(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            Text.join("unknown function or macro '", name, "'"), at: span,
            fix: suggestion.map { Text.join("did you mean '", $0, "'?") } ?? Text.join("define it with {% macro ", name, "() %}"))
    }

    static func wrongType(_ what: String, expected: String, got value: Value, at span: Span) -> TemplateError {
        TemplateError(Text.join(Text.join(what, " expects ", expected, ", got "), value.kindName), at: span, expected: expected)
    }

    static func missingTemplate(_ name: String, candidates: [String], at span: Span) -> TemplateError {
        let suggestion = Suggestion.nearest(to: name, in: candidates)
        return TemplateError(
            Text.join("template '", name, "' not found"), at: span,
            fix: suggestion.map { Text.join("did you mean '", $0, "'?") } ?? Text.join("create templates/", name))
    }
}

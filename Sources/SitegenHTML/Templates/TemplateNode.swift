/// A compiled template statement. A template is a list of nodes.
public indirect enum TemplateNode: Equatable, Sendable {
    /// Literal markup, written as is.
    case text(String)
    /// `{{ expr }}`: written escaped unless the value is trusted HTML.
    case output(TemplateExpr, Span)
    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`.
    case conditional([Branch], otherwise: [TemplateNode])
    /// `{% for x in xs %}` / `{% for key, value in object %}`, with its `{% else %}` body.
    case loop(Loop)
    /// `{% set name = expr %}`.
    case assign(String, TemplateExpr, Span)
    /// `{% set name %}…{% endset %}`: captures rendered markup.
    case capture(String, [TemplateNode])
    /// `{% block name %}…{% endblock %}`: a slot a child template may override.
    case block(String, [TemplateNode])
    /// `{% include "name" %}`: renders another template with the current context.
    case include(TemplateExpr, ignoreMissing: Bool, Span)
    /// `{% import "macros.html" as name %}`.
    case importMacros(String, namespace: String, Span)
    /// `{% macro name(params) %}…{% endmacro %}`: defines a macro; renders nothing.
    case macro(Macro)
    /// `{% suspense "loader" with { … } %}fallback{% endsuspense %}`: an island boundary.
    case suspense(loader: String, arguments: [Entry], fallback: [TemplateNode], Span)
}

/// One `if`/`elif` arm.
public struct Branch: Equatable, Sendable {
    public var condition: TemplateExpr
    public var body: [TemplateNode]
    public init(_ condition: TemplateExpr, _ body: [TemplateNode]) {
        self.condition = condition
        self.body = body
    }
}

/// A `for` loop.
public struct Loop: Equatable, Sendable {
    /// One name (`for x in xs`) or two (`for key, value in object`).
    public var variables: [String]
    public var sequence: TemplateExpr
    public var body: [TemplateNode]
    /// Rendered when the sequence is empty.
    public var otherwise: [TemplateNode]
    public var span: Span
    public init(variables: [String], sequence: TemplateExpr, body: [TemplateNode], otherwise: [TemplateNode], span: Span) {
        self.variables = variables
        self.sequence = sequence
        self.body = body
        self.otherwise = otherwise
        self.span = span
    }
}

/// A macro definition: parameters with optional defaults, and a body.
public struct Macro: Equatable, Sendable {
    public var name: String
    public var parameters: [Parameter]
    public var body: [TemplateNode]
    public var span: Span
    public init(name: String, parameters: [Parameter], body: [TemplateNode], span: Span) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }

    public struct Parameter: Equatable, Sendable {
        public var name: String
        public var defaultValue: TemplateExpr?
        public init(_ name: String, default defaultValue: TemplateExpr? = nil) {
            self.name = name
            self.defaultValue = defaultValue
        }
    }
}

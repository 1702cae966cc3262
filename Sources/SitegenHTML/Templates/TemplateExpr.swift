/// Where a node or expression came from in its template: 1-based line and column.
public struct Span: Equatable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    /// No known position (IR built by hand).
    public static let unknown = Span(line: 0, column: 0)
}

/// A compiled template expression (the right-hand side of `{{ … }}` and tag arguments).
public indirect enum TemplateExpr: Equatable, Sendable {
    /// A constant: `"text"`, `42`, `true`, `none`.
    case literal(Value)
    /// A name looked up in the scopes, then the context: `page`.
    case variable(String, Span)
    /// A property of a `for` loop (`loop.index`, `loop.first`, …), read without building an object.
    case loopProperty(String, Span)
    /// `base.name`.
    case attribute(TemplateExpr, String, Span)
    /// `base[key]`.
    case index(TemplateExpr, TemplateExpr, Span)
    /// `input | name(args)`.
    case filter(TemplateExpr, String, [Argument], Span)
    /// `name(args)`: a macro (`card(x)`, `m.card(x)`), `super()`, or a built-in or host function.
    case call(String, [Argument], Span)
    /// `value is name(args)` / `value is not name`.
    case test(TemplateExpr, String, [Argument], negated: Bool, Span)
    case unary(UnaryOperator, TemplateExpr, Span)
    case binary(BinaryOperator, TemplateExpr, TemplateExpr, Span)
    /// `[a, b]`.
    case list([TemplateExpr])
    /// `{ key: value }`.
    case dictionary([Entry])
    /// `a if condition else b`.
    case conditional(condition: TemplateExpr, then: TemplateExpr, otherwise: TemplateExpr)

    /// Where the expression starts, as far as it is known.
    public var span: Span {
        switch self {
        case .literal, .list, .dictionary: return .unknown
        case .variable(_, let s), .loopProperty(_, let s), .attribute(_, _, let s), .index(_, _, let s),
            .filter(_, _, _, let s), .call(_, _, let s), .test(_, _, _, _, let s), .unary(_, _, let s),
            .binary(_, _, _, let s):
            return s
        case .conditional(let c, _, _): return c.span
        }
    }
}

/// An argument of a filter, test, function or macro call; `name` is set for `key=value`.
public struct Argument: Equatable, Sendable {
    public var name: String?
    public var value: TemplateExpr
    public init(name: String? = nil, _ value: TemplateExpr) {
        self.name = name
        self.value = value
    }
}

/// One `key: value` of a dictionary literal.
public struct Entry: Equatable, Sendable {
    public var key: String
    public var value: TemplateExpr
    public init(_ key: String, _ value: TemplateExpr) {
        self.key = key
        self.value = value
    }
}

public enum UnaryOperator: UInt8, Equatable, Sendable {
    case not, negate
}

public enum BinaryOperator: UInt8, Equatable, Sendable {
    case or, and
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual, contains, notContains
    case add, subtract, multiply, divide, remainder, concat
}

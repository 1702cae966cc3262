import SitegenHTML

/// Parses a token stream into template IR. Statements here; expressions in `Parser+Expressions`.
struct Parser {
    static let tagNames = [
        "block", "elif", "else", "endblock", "endfor", "endif", "endmacro", "endset", "endsuspense", "extends",
        "for", "if", "import", "include", "macro", "raw", "set", "suspense",
    ]

    let tokens: [Token]
    var position = 0
    var parent: String?
    var blockNames: Set<String> = []
    /// Unknown filters and tests: reported, but parsing goes on to find more.
    var warnings: [(TemplateError, Int)] = []
    var sawContent = false
    /// Current nesting of expressions and tags: the parser is recursive descent, so a
    /// bound keeps `((((…` or a thousand nested `{% if %}` a diagnostic, not a stack overflow.
    var nesting = 0
    /// The deepest nesting accepted (each level is a few stack frames here and in the
    /// interpreter, which may run on a thread with a small stack).
    static let maxNesting = 100

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[position] }
    func peek(_ k: Int = 1) -> Token { tokens[min(position + k, tokens.count - 1)] }

    /// Enters one level of nesting; pair with `defer { nesting -= 1 }`.
    mutating func enterNesting() throws(TemplateSyntaxError) {
        guard nesting < Parser.maxNesting else { throw .tooDeeplyNested(current) }
        nesting += 1
    }

    /// One more link of a left-deep chain (`a + b + c`, `x | f | g`, `a.b.c`): the tree
    /// gets one level deeper per link, so links count as nesting. The caller releases
    /// them with `defer { nesting -= links }`.
    mutating func link(_ links: inout Int) throws(TemplateSyntaxError) {
        try enterNesting()
        links += 1
    }

    mutating func next() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func expect(_ symbol: String) throws(TemplateSyntaxError) {
        guard current.is(symbol) else { throw .unexpectedToken(current, expected: "'" + symbol + "'") }
        _ = next()
    }

    mutating func expectName(_ what: String = "a name") throws(TemplateSyntaxError) -> Token {
        guard current.kind == .name else { throw .unexpectedToken(current, expected: what) }
        return next()
    }

    mutating func expectTagClose() throws(TemplateSyntaxError) {
        guard current.kind == .tagClose else { throw .unexpectedToken(current, expected: "'%}'") }
        _ = next()
    }

    /// The whole template.
    mutating func parseTemplate() throws(TemplateSyntaxError) -> [TemplateNode] {
        let (nodes, end) = try parseNodes(until: [], opener: nil)
        if let end { throw .unexpectedEndTag(end, open: nil) }
        return nodes
    }

    /// Nodes up to one of the `until` tags (returned, with the tag's name token consumed),
    /// or the end of input when `until` is empty.
    mutating func parseNodes(until: Set<String>, opener: (tag: String, span: Span)?) throws(TemplateSyntaxError) -> ([TemplateNode], Token?) {
        try enterNesting()
        defer { nesting -= 1 }
        var nodes: [TemplateNode] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                if let opener { throw .missingEndTag(opener.tag, opener: opener.span, found: token) }
                return (nodes, nil)
            case .text:
                _ = next()
                if !Parser.isBlank(token.text) { sawContent = true }
                nodes.append(.text(token.text))
            case .outputOpen:
                _ = next()
                sawContent = true
                let expr = try parseExpression()
                guard current.kind == .outputClose else { throw .unexpectedToken(current, expected: "'}}' or a filter '|'") }
                _ = next()
                nodes.append(.output(expr, token.span))
            case .tagOpen:
                _ = next()
                let name = try expectName("a tag name such as 'if', 'for' or 'block'")
                if until.contains(name.text) { return (nodes, name) }
                if name.text.hasPrefix("end") || name.text == "else" || name.text == "elif" {
                    if let opener { throw .missingEndTag(opener.tag, opener: opener.span, found: name) }
                    throw .unexpectedEndTag(name, open: nil)
                }
                if let node = try parseTag(name, at: token.span) { nodes.append(node) }
            default:
                throw .unexpectedToken(token, expected: "text, '{{' or '{%'")
            }
        }
    }

    static func isBlank(_ s: String) -> Bool { s.utf8.allSatisfy { Lexer.isSpace($0) } }
}

import SitegenHTML

extension Parser {
    /// `a if condition else b`, or a plain `or` expression.
    mutating func parseExpression() throws(TemplateSyntaxError) -> TemplateExpr {
        try enterNesting()
        defer { nesting -= 1 }
        let value = try parseOr()
        guard current.isName("if") else { return value }
        _ = next()
        let condition = try parseOr()
        var otherwise: TemplateExpr = .literal(.null)
        if current.isName("else") {
            _ = next()
            otherwise = try parseExpression()
        }
        return .conditional(condition: condition, then: value, otherwise: otherwise)
    }

    mutating func parseOr() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseAnd()
        while current.isName("or") {
            try link(&links)
            let op = next()
            lhs = .binary(.or, lhs, try parseAnd(), op.span)
        }
        return lhs
    }

    mutating func parseAnd() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseNot()
        while current.isName("and") {
            try link(&links)
            let op = next()
            lhs = .binary(.and, lhs, try parseNot(), op.span)
        }
        return lhs
    }

    mutating func parseNot() throws(TemplateSyntaxError) -> TemplateExpr {
        if current.isName("not") {
            try enterNesting()
            defer { nesting -= 1 }
            let op = next()
            return .unary(.not, try parseNot(), op.span)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseConcat()
        while true {
            let token = current
            let op: BinaryOperator
            if token.is("==") { op = .equal }
            else if token.is("!=") { op = .notEqual }
            else if token.is("<") { op = .less }
            else if token.is("<=") { op = .lessOrEqual }
            else if token.is(">") { op = .greater }
            else if token.is(">=") { op = .greaterOrEqual }
            else if token.isName("in") { op = .contains }
            else if token.isName("not") && peek().isName("in") { _ = next(); op = .notContains }
            else if token.isName("is") {
                _ = next()
                try link(&links)
                lhs = try parseTest(lhs, at: token.span)
                continue
            } else { return lhs }
            try link(&links)
            _ = next()
            lhs = .binary(op, lhs, try parseConcat(), token.span)
        }
    }

    mutating func parseTest(_ input: TemplateExpr, at span: Span) throws(TemplateSyntaxError) -> TemplateExpr {
        var negated = false
        if current.isName("not") {
            _ = next()
            negated = true
        }
        let name = try expectName("a test name such as 'defined' or 'none'")
        if !ValueTests.names.contains(name.text) {
            warnings.append((TemplateError(
                "unknown test '" + name.text + "'", at: name.span,
                expected: "one of " + ValueTests.names.map { "'" + $0 + "'" }.joined(separator: ", "),
                fix: Suggestion.nearest(to: name.text, in: ValueTests.names).map { "did you mean '" + $0 + "'?" }), name.length))
        }
        let arguments = current.is("(") ? try parseArguments() : []
        return .test(input, name.text, arguments, negated: negated, name.span)
    }

    mutating func parseConcat() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseAdditive()
        while current.is("~") {
            try link(&links)
            let op = next()
            lhs = .binary(.concat, lhs, try parseAdditive(), op.span)
        }
        return lhs
    }

    mutating func parseAdditive() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseMultiplicative()
        while current.is("+") || current.is("-") {
            try link(&links)
            let op = next()
            lhs = .binary(op.text == "+" ? .add : .subtract, lhs, try parseMultiplicative(), op.span)
        }
        return lhs
    }

    mutating func parseMultiplicative() throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var lhs = try parseUnary()
        while current.is("*") || current.is("/") || current.is("%") {
            try link(&links)
            let op = next()
            let kind: BinaryOperator = op.text == "*" ? .multiply : (op.text == "/" ? .divide : .remainder)
            lhs = .binary(kind, lhs, try parseUnary(), op.span)
        }
        return lhs
    }

    /// As in Jinja, filters apply to the negated value: `-3 | abs` is 3.
    mutating func parseUnary(filters: Bool = true) throws(TemplateSyntaxError) -> TemplateExpr {
        if current.is("-") {
            try enterNesting()
            defer { nesting -= 1 }
            let op = next()
            let negated = TemplateExpr.unary(.negate, try parseUnary(filters: false), op.span)
            return filters ? try parsePostfix(negated) : negated
        }
        let primary = try parsePrimary()
        return try parsePostfix(primary, filters: filters)
    }

    mutating func parsePostfix(_ base: TemplateExpr, filters: Bool = true) throws(TemplateSyntaxError) -> TemplateExpr {
        var links = 0
        defer { nesting -= links }
        var expr = base
        while true {
            let token = current
            if token.is(".") {
                try link(&links)
                _ = next()
                let name = try expectName("an attribute name after '.'")
                if case .variable("loop", _) = expr {
                    expr = .loopProperty(name.text, name.span)
                } else {
                    expr = .attribute(expr, name.text, name.span)
                }
            } else if token.is("[") {
                try link(&links)
                _ = next()
                let key = try parseExpression()
                try expect("]")
                expr = .index(expr, key, token.span)
            } else if token.is("("), let callee = Parser.calleeName(expr) {
                try link(&links)
                expr = .call(callee, try parseArguments(), expr.span)
            } else if token.is("|") && filters {
                try link(&links)
                _ = next()
                let name = try expectName("a filter name after '|'")
                if !Filters.names.contains(name.text) {
                    warnings.append((TemplateError(
                        "unknown filter '" + name.text + "'", at: name.span,
                        expected: "a filter such as " + ["upper", "lower", "default", "date", "join"].map { "'" + $0 + "'" }.joined(separator: ", "),
                        fix: Suggestion.nearest(to: name.text, in: Filters.names).map { "did you mean '" + $0 + "'?" }), name.length))
                }
                let arguments = current.is("(") ? try parseArguments() : []
                expr = .filter(expr, name.text, arguments, name.span)
            } else {
                return expr
            }
        }
    }

    /// `name` or `namespace.name`, when an expression can be called.
    static func calleeName(_ expr: TemplateExpr) -> String? {
        switch expr {
        case .variable(let name, _): return name
        case .attribute(.variable(let base, _), let name, _): return base + "." + name
        default: return nil
        }
    }

    mutating func parsePrimary() throws(TemplateSyntaxError) -> TemplateExpr {
        let token = current
        switch token.kind {
        case .string:
            _ = next()
            return .literal(.string(token.text))
        case .integer:
            _ = next()
            return .literal(.int(Int(token.text) ?? 0))
        case .number:
            _ = next()
            return .literal(.double(Parser.parseDecimal(token.text)))
        case .name:
            _ = next()
            switch token.text {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None", "null": return .literal(.null)
            default: return .variable(token.text, token.span)
            }
        case .symbol where token.text == "(":
            _ = next()
            let inner = try parseExpression()
            try expect(")")
            return inner
        case .symbol where token.text == "[":
            _ = next()
            var items: [TemplateExpr] = []
            while !current.is("]") {
                items.append(try parseExpression())
                if !current.is(",") { break }
                _ = next()
            }
            try expect("]")
            return .list(items)
        case .symbol where token.text == "{":
            _ = next()
            return .dictionary(try parseEntries())
        default:
            throw .unexpectedToken(token, expected: "a value: a name, a string, a number, '(', '[' or '{'")
        }
    }

    /// `key: value, "key": value }` (after the opening brace).
    mutating func parseEntries() throws(TemplateSyntaxError) -> [Entry] {
        var entries: [Entry] = []
        while !current.is("}") {
            guard current.kind == .name || current.kind == .string else {
                throw .unexpectedToken(current, expected: "a key (a name or a string)")
            }
            let key = next().text
            try expect(":")
            entries.append(Entry(key, try parseExpression()))
            if !current.is(",") { break }
            _ = next()
        }
        try expect("}")
        return entries
    }

    /// `(a, b, name=c)`.
    mutating func parseArguments() throws(TemplateSyntaxError) -> [Argument] {
        try expect("(")
        var arguments: [Argument] = []
        while !current.is(")") {
            if current.kind == .name && peek().is("=") {
                let name = next().text
                _ = next()
                arguments.append(Argument(name: name, try parseExpression()))
            } else {
                arguments.append(Argument(try parseExpression()))
            }
            if !current.is(",") { break }
            _ = next()
        }
        try expect(")")
        return arguments
    }

    /// Decimal literal text (`3.25`) to a Double without Foundation.
    static func parseDecimal(_ text: String) -> Double {
        var value = 0.0
        var scale = 1.0
        var afterPoint = false
        for b in text.utf8 {
            if b == UInt8(ascii: ".") { afterPoint = true; continue }
            let digit = Double(Int(b) - 48)
            if afterPoint {
                scale /= 10
                value += digit * scale
            } else {
                value = value * 10 + digit
            }
        }
        return value
    }
}

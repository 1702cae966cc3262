import SitegenHTML

extension Parser {
    mutating func parseTag(_ name: Token, at open: Span) throws(TemplateSyntaxError) -> TemplateNode? {
        switch name.text {
        case "if": return try parseIf(at: name.span)
        case "for": return try parseFor(at: name.span)
        case "set": return try parseSet(at: name.span)
        case "block": return try parseBlock(at: name.span)
        case "extends":
            if sawContent || parent != nil { throw .extendsNotFirst(at: open) }
            guard current.kind == .string else { throw .unexpectedToken(current, expected: "a template name in quotes") }
            parent = next().text
            try expectTagClose()
            return nil
        case "include":
            sawContent = true
            let target = try parseExpression()
            var ignoreMissing = false
            if current.isName("ignore") {
                _ = next()
                guard current.isName("missing") else { throw .unexpectedToken(current, expected: "'missing'") }
                _ = next()
                ignoreMissing = true
            }
            try expectTagClose()
            return .include(target, ignoreMissing: ignoreMissing, name.span)
        case "import":
            guard current.kind == .string else { throw .unexpectedToken(current, expected: "a template name in quotes") }
            let file = next().text
            guard current.isName("as") else { throw .unexpectedToken(current, expected: "'as'") }
            _ = next()
            let namespace = try expectName("a namespace name").text
            try expectTagClose()
            return .importMacros(file, namespace: namespace, name.span)
        case "macro": return try parseMacro(at: name.span)
        case "suspense": return try parseSuspense(at: name.span)
        default:
            throw .unknownTag(name, candidates: Parser.tagNames)
        }
    }

    mutating func parseIf(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        sawContent = true
        var branches: [Branch] = []
        var condition = try parseExpression()
        try expectTagClose()
        while true {
            let (body, end) = try parseNodes(until: ["elif", "else", "endif"], opener: ("if", span))
            branches.append(Branch(condition, body))
            switch end?.text {
            case "elif":
                condition = try parseExpression()
                try expectTagClose()
            case "else":
                try expectTagClose()
                let (otherwise, _) = try parseNodes(until: ["endif"], opener: ("if", span))
                try expectTagClose()
                return .conditional(branches, otherwise: otherwise)
            default:
                try expectTagClose()
                return .conditional(branches, otherwise: [])
            }
        }
    }

    mutating func parseFor(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        sawContent = true
        var variables = [try expectName("a loop variable name").text]
        if current.is(",") {
            _ = next()
            variables.append(try expectName("a second loop variable name").text)
        }
        guard current.isName("in") else { throw .unexpectedToken(current, expected: "'in'") }
        _ = next()
        let sequence = try parseExpression()
        try expectTagClose()
        let (body, end) = try parseNodes(until: ["else", "endfor"], opener: ("for", span))
        try expectTagClose()
        var otherwise: [TemplateNode] = []
        if end?.text == "else" {
            (otherwise, _) = try parseNodes(until: ["endfor"], opener: ("for", span))
            try expectTagClose()
        }
        return .loop(Loop(variables: variables, sequence: sequence, body: body, otherwise: otherwise, span: span))
    }

    mutating func parseSet(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        guard current.kind == .name else { throw .invalidAssignmentTarget(current) }
        let target = next()
        if current.kind == .tagClose {
            _ = next()
            let (body, _) = try parseNodes(until: ["endset"], opener: ("set", span))
            try expectTagClose()
            return .capture(target.text, body)
        }
        try expect("=")
        let value = try parseExpression()
        try expectTagClose()
        return .assign(target.text, value, target.span)
    }

    mutating func parseBlock(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        sawContent = true
        let name = try expectName("a block name")
        if blockNames.contains(name.text) { throw .duplicateBlock(name.text, at: name.span) }
        blockNames.insert(name.text)
        try expectTagClose()
        let (body, _) = try parseNodes(until: ["endblock"], opener: ("block", span))
        if current.kind == .name {
            // `{% endblock name %}` must name the block it closes.
            let closing = next()
            if closing.text != name.text { throw .unexpectedToken(closing, expected: "'" + name.text + "' or '%}'") }
        }
        try expectTagClose()
        return .block(name.text, body)
    }

    mutating func parseMacro(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        let name = try expectName("a macro name")
        try expect("(")
        var parameters: [Macro.Parameter] = []
        while !current.is(")") {
            let parameter = try expectName("a parameter name")
            var defaultValue: TemplateExpr? = nil
            if current.is("=") {
                _ = next()
                defaultValue = try parseExpression()
            }
            parameters.append(Macro.Parameter(parameter.text, default: defaultValue))
            if !current.is(",") { break }
            _ = next()
        }
        try expect(")")
        try expectTagClose()
        let (body, _) = try parseNodes(until: ["endmacro"], opener: ("macro", span))
        if current.kind == .name { _ = next() }
        try expectTagClose()
        return .macro(Macro(name: name.text, parameters: parameters, body: body, span: name.span))
    }

    /// `{% suspense "loader" with { key: expr } %}fallback{% endsuspense %}`
    mutating func parseSuspense(at span: Span) throws(TemplateSyntaxError) -> TemplateNode {
        sawContent = true
        guard current.kind == .string else {
            throw .unexpectedToken(current, expected: "the loader's name in quotes, e.g. {% suspense \"likes\" %}")
        }
        let loader = next().text
        var arguments: [Entry] = []
        if current.isName("with") {
            _ = next()
            guard current.is("{") else { throw .unexpectedToken(current, expected: "'{' starting the arguments, e.g. with { slug: page.slug }") }
            _ = next()
            arguments = try parseEntries()
        }
        try expectTagClose()
        let (fallback, _) = try parseNodes(until: ["endsuspense"], opener: ("suspense", span))
        try expectTagClose()
        return .suspense(loader: loader, arguments: arguments, fallback: fallback, span)
    }
}

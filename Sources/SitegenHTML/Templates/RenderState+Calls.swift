extension RenderState {
    /// Built-in functions every template has, besides the host's.
    static let builtinFunctions = ["range", "super"]

    func call(_ name: String, arguments: [Argument], at span: Span) throws(TemplateError) -> Value {
        if let m = macros[UTF8Key(name)] { return try callMacro(m, arguments: arguments, at: span) }
        switch UTF8Key(name) {
        case "super":
            return try renderSuper(at: span)
        case "range":
            let args = try evaluate(arguments)
            return try range(args, at: span)
        default:
            break
        }
        guard let function = engine.function(named: name) else {
            var candidates = macros.keys.map { $0.string } + Self.builtinFunctions
            candidates.append(contentsOf: engine.functions.keys)
            throw located(.unknownFunction(name, candidates: Text.sorted(candidates), at: span))
        }
        let args = try evaluate(arguments)
        do {
            return try function(args)
        } catch {
            var error = located(error)
            if error.span == .unknown { error.span = span }
            throw error
        }
    }

    func callMacro(_ m: Macro, arguments: [Argument], at span: Span) throws(TemplateError) -> Value {
        try enter(at: span)
        defer { depth -= 1 }
        let args = try evaluate(arguments)
        if args.positional.count > m.parameters.count {
            throw error(
                "macro '" + m.name + "' takes " + String(m.parameters.count) + " arguments, got "
                    + String(args.positional.count), at: span,
                expected: m.name + "(" + m.parameters.map { $0.name }.joined(separator: ", ") + ")")
        }
        for key in args.named.keys where !m.parameters.contains(where: { Text.equal($0.name, key) }) {
            let names = m.parameters.map { $0.name }
            throw error("macro '" + m.name + "' has no parameter '" + key + "'", at: span,
                        expected: "one of " + names.map { "'" + $0 + "'" }.joined(separator: ", "),
                        fix: Suggestion.nearest(to: key, in: names).map { "did you mean '" + $0 + "'?" })
        }
        // A macro sees its parameters and the global context, not the caller's locals.
        let savedScopes = scopes
        let savedLoops = loops
        scopes = [scopes[0], [:]]
        loops = []
        defer {
            scopes = savedScopes
            loops = savedLoops
        }
        for (i, parameter) in m.parameters.enumerated() {
            if let value = args.value(i, parameter.name) {
                scopes[1][UTF8Key(parameter.name)] = value
            } else if let defaultValue = parameter.defaultValue {
                scopes[1][UTF8Key(parameter.name)] = try evaluate(defaultValue)
            } else {
                scopes[1][UTF8Key(parameter.name)] = .null
            }
        }
        return .html(try capture(m.body))
    }

    /// `range(end)`, `range(start, end)` or `range(start, end, step)`: integers, end excluded.
    func range(_ args: Arguments, at span: Span) throws(TemplateError) -> Value {
        do {
            return try Self.range(args, at: span)
        } catch {
            throw located(error)
        }
    }

    /// ``range(_:at:)`` with errors that carry no template.
    static func range(_ args: Arguments, at span: Span) throws(TemplateError) -> Value {
        func error(_ message: String, at span: Span, expected: String? = nil) -> TemplateError {
            TemplateError(message, at: span, expected: expected)
        }
        var numbers: [Int] = []
        for value in args.positional {
            guard let n = value.intValue else { throw error("range expects integers, got " + value.kindName, at: span) }
            numbers.append(n)
        }
        let start = numbers.count >= 2 ? numbers[0] : 0
        let end = numbers.count >= 2 ? numbers[1] : (numbers.first ?? 0)
        let step = numbers.count >= 3 ? numbers[2] : 1
        if step == 0 { throw error("range step must not be 0", at: span) }
        let count = step > 0 ? (end > start ? (end - start + step - 1) / step : 0)
                             : (start > end ? (start - end - step - 1) / -step : 0)
        if count > 100_000 {
            throw error("range of " + String(count) + " numbers is too long", at: span, expected: "at most 100000")
        }
        var result: [Value] = []
        result.reserveCapacity(count)
        var n = start
        for _ in 0..<count {
            result.append(.int(n))
            n += step
        }
        return .array(result)
    }

    // MARK: Suspense

    func renderSuspense(loader: String, arguments: [Entry], fallback: [TemplateNode], at span: Span) throws(TemplateError) {
        var args = Object()
        for entry in arguments { args[entry.key] = try evaluate(entry.value) }
        let section = openBoundary(loader: loader, arguments: args)
        switch suspense {
        case .shell:
            try render(fallback)
        case .resolved(let load):
            resolve(section, with: load)
        }
        writer.write(SuspenseMarkup.close)
    }

    /// Records a section and writes its opening element; the caller writes what goes inside and closes it.
    func openBoundary(loader: String, arguments: Object) -> SuspendedSection {
        let section = SuspendedSection(id: sections.count + 1, loader: loader, arguments: arguments)
        sections.append(section)
        if let source = engine.islandSource?(section) {
            writer.write(SuspenseMarkup.open(section.id, source: source))
        } else {
            writer.write(SuspenseMarkup.open(section.id))
        }
        return section
    }

    /// Calls the loader now and writes the island, or the error boundary: an island's
    /// failure is contained, the page still renders.
    func resolve(_ section: SuspendedSection, with load: @Sendable (SuspendedSection) throws(TemplateError) -> Value) {
        do {
            let data = try load(section)
            let content = RenderState(engine: engine, context: .null, suspense: .shell, writer: HTMLWriter())
            try content.renderIsland(section, data: data)
            writer.write(bytes: content.writer.bytes)
        } catch {
            writer.write(engine.renderSectionError(section))
        }
    }

    /// Writes trusted markup from content (a page's Markdown), turning the boundaries it
    /// carries (`SuspenseMarkup.contentBoundaryOpen`) into suspense boundaries numbered
    /// in document order with the template's own, exactly as `{% suspense %}` writes them.
    func writeContent(_ markup: String) {
        let bytes = Array(markup.utf8)
        var i = 0
        while let boundary = ContentBoundary.next(in: bytes, from: i) {
            writer.write(bytes: Array(bytes[i..<boundary.start]))
            let section = openBoundary(loader: boundary.loader, arguments: boundary.arguments)
            switch suspense {
            case .shell: writer.write(bytes: Array(bytes[boundary.fallback]))
            case .resolved(let load): resolve(section, with: load)
            }
            writer.write(SuspenseMarkup.close)
            i = boundary.end
        }
        writer.write(bytes: Array(bytes[i...]))
    }

    /// Renders `islands/<loader>.html` with `args` and `data`, or `data` itself without that
    /// template. The template's `{% block error %}` is left out: it is the section's view
    /// when its loader fails (``renderIslandError(_:)``).
    func renderIsland(_ section: SuspendedSection, data: Value) throws(TemplateError) {
        let name = "islands/" + section.loader + ".html"
        guard engine.library[name] != nil else {
            write(data)
            return
        }
        scopes = [[UTF8Key("args"): .object(section.arguments), UTF8Key("data"): data]]
        hiddenBlock = "error"
        try renderTemplate(named: name, at: .unknown)
    }

    /// Renders the `{% block error %}` of `islands/<loader>.html` with `args` (no `data`:
    /// the loader failed); false when the template has no such block.
    func renderIslandError(_ section: SuspendedSection) throws(TemplateError) -> Bool {
        guard let template = engine.library["islands/" + section.loader + ".html"], let body = template.blocksByName[UTF8Key("error")] else {
            return false
        }
        scopes = [[UTF8Key("args"): .object(section.arguments)]]
        currentTemplate = template.name
        try render(body)
        return true
    }
}

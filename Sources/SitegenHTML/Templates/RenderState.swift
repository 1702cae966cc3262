/// The interpreter's state for one render: scopes, loops, blocks, macros and the output.
///
/// A class so that nested calls (includes, macros, `super()`) share one state without
/// `inout` plumbing; one instance renders one document on one thread.
final class RenderState {
    let engine: TemplateEngine
    let context: Value
    let suspense: SuspenseMode
    var writer: HTMLWriter
    var sections: [SuspendedSection] = []

    /// Local variable scopes, innermost last. Scope 0 holds top-level `set`s.
    var scopes: [[UTF8Key: Value]] = [[:]]
    /// Active `for` loops, innermost last: (0-based index, length).
    var loops: [(index: Int, length: Int)] = []
    /// Macros by name (`card`, or `m.card` for imported ones).
    var macros: [UTF8Key: Macro] = [:]
    /// For each block name, its bodies from the most derived template to the base.
    var blockChain: [UTF8Key: [(body: [TemplateNode], template: String)]] = [:]
    /// Blocks being rendered (name, level in the chain), for `super()`.
    var blockStack: [(name: String, level: Int)] = []
    /// The template whose nodes are being run, for error locations.
    var currentTemplate = ""
    /// A block left out of the output: an island's `error` block is its failure view, not content.
    var hiddenBlock: String?
    var depth = 0

    init(engine: TemplateEngine, context: Value, suspense: SuspenseMode, writer: HTMLWriter) {
        self.engine = engine
        self.context = context
        self.suspense = suspense
        self.writer = writer
    }

    func error(_ message: String, at span: Span, expected: String? = nil, fix: String? = nil) -> TemplateError {
        TemplateError(message, template: currentTemplate, at: span, expected: expected, fix: fix)
    }

    /// Fills in the current template for errors raised by helpers that do not know it.
    func located(_ error: TemplateError) -> TemplateError {
        var error = error
        if error.template.isEmpty { error.template = currentTemplate }
        return error
    }

    // MARK: Templates

    func template(named name: String, at span: Span) throws(TemplateError) -> Template {
        guard let template = engine.library[name] else {
            throw located(.missingTemplate(name, candidates: engine.library.names, at: span))
        }
        return template
    }

    func enter(at span: Span) throws(TemplateError) {
        depth += 1
        if depth > engine.maxDepth {
            throw error(
                "templates nest deeper than " + String(engine.maxDepth) + " levels", at: span,
                fix: "look for an include, macro or extends that leads back to itself")
        }
    }

    /// Renders a whole template, following `extends` up to the base.
    func renderTemplate(named name: String, at span: Span) throws(TemplateError) {
        try enter(at: span)
        defer { depth -= 1 }
        var template = try self.template(named: name, at: span)
        let saved = currentTemplate
        defer { currentTemplate = saved }
        var seen: [String] = []
        while let parent = template.parent {
            seen.append(template.name)
            for (block, body) in template.blocksByName { blockChain[block, default: []].append((body, template.name)) }
            currentTemplate = template.name
            try runDeclarations(template.nodes)
            if Text.contains(seen, parent) {
                throw error("'" + parent + "' extends itself through '" + template.name + "'", at: span,
                            fix: "remove the cycle of {% extends %} tags")
            }
            currentTemplate = template.name
            template = try self.template(named: parent, at: span)
        }
        currentTemplate = template.name
        if !seen.isEmpty {
            for (block, body) in template.blocksByName { blockChain[block, default: []].append((body, template.name)) }
        }
        registerMacros(template.nodes, prefix: "")
        try render(template.nodes)
    }

    /// In a child template only `set`, `import` and `macro` run outside blocks.
    func runDeclarations(_ nodes: [TemplateNode]) throws(TemplateError) {
        registerMacros(nodes, prefix: "")
        for node in nodes {
            switch node {
            case .assign, .importMacros: try render([node])
            default: break
            }
        }
    }

    func registerMacros(_ nodes: [TemplateNode], prefix: String) {
        for node in nodes {
            if case .macro(let m) = node { macros[UTF8Key(prefix + m.name)] = m }
        }
    }

    // MARK: Nodes

    func render(_ nodes: [TemplateNode]) throws(TemplateError) {
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text(let text):
                writer.write(text)
            case .output(let expr, _):
                // `href="{{ x }}"`: the value starts a URL, so a `javascript:` one is refused.
                if index > 0, case .text(let before) = nodes[index - 1], HTMLEscaping.opensURLAttribute(before) {
                    writeURL(try evaluate(expr))
                } else {
                    write(try evaluate(expr))
                }
            case .conditional(let branches, let otherwise):
                var taken = false
                for branch in branches where try evaluate(branch.condition).isTruthy {
                    try render(branch.body)
                    taken = true
                    break
                }
                if !taken { try render(otherwise) }
            case .loop(let loop):
                try renderLoop(loop)
            case .assign(let name, let expr, _):
                let value = try evaluate(expr)
                scopes[scopes.count - 1][UTF8Key(name)] = value
            case .capture(let name, let body):
                let markup = try capture(body)
                scopes[scopes.count - 1][UTF8Key(name)] = .html(markup)
            case .block(let name, let body):
                if let hiddenBlock, Text.equal(name, hiddenBlock) { continue }
                try renderBlock(name, default: body)
            case .include(let expr, let ignoreMissing, let span):
                let nameValue = try evaluate(expr)
                guard let name = nameValue.stringValue else {
                    throw error("include expects a template name, got " + nameValue.kindName, at: span)
                }
                if ignoreMissing && engine.library[name] == nil { continue }
                try include(name, at: span)
            case .importMacros(let name, let namespace, let span):
                let imported = try template(named: name, at: span)
                registerMacros(imported.nodes, prefix: namespace + ".")
            case .macro:
                break
            case .suspense(let loader, let arguments, let fallback, let span):
                try renderSuspense(loader: loader, arguments: arguments, fallback: fallback, at: span)
            }
        }
    }

    func include(_ name: String, at span: Span) throws(TemplateError) {
        try enter(at: span)
        defer { depth -= 1 }
        let included = try template(named: name, at: span)
        let saved = currentTemplate
        currentTemplate = included.name
        defer { currentTemplate = saved }
        registerMacros(included.nodes, prefix: "")
        try render(included.nodes)
    }

    func renderBlock(_ name: String, default body: [TemplateNode]) throws(TemplateError) {
        let chain = blockChain[UTF8Key(name)] ?? []
        let saved = currentTemplate
        defer { currentTemplate = saved }
        blockStack.append((name, 0))
        defer { blockStack.removeLast() }
        if let first = chain.first {
            currentTemplate = first.template
            try render(first.body)
        } else {
            try render(body)
        }
    }

    /// `super()`: the next body up the chain of the block being rendered.
    func renderSuper(at span: Span) throws(TemplateError) -> Value {
        guard let top = blockStack.last else {
            throw error("super() is only allowed inside a {% block %}", at: span)
        }
        let chain = blockChain[UTF8Key(top.name)] ?? []
        let level = top.level + 1
        guard level < chain.count else {
            throw error("block '" + top.name + "' has no parent block for super()", at: span,
                        fix: "remove super(), or add the block to the parent template")
        }
        let saved = currentTemplate
        defer { currentTemplate = saved }
        blockStack.append((top.name, level))
        defer { blockStack.removeLast() }
        currentTemplate = chain[level].template
        return .html(try capture(chain[level].body))
    }

    func renderLoop(_ loop: Loop) throws(TemplateError) {
        let sequence = try evaluate(loop.sequence)
        guard let (items, keys) = Self.loopItems(sequence) else {
            throw error("for loop expects an array or an object, got " + sequence.kindName, at: loop.span)
        }
        if items.isEmpty {
            try render(loop.otherwise)
            return
        }
        scopes.append([:])
        loops.append((0, items.count))
        defer {
            scopes.removeLast()
            loops.removeLast()
        }
        let top = scopes.count - 1
        for i in 0..<items.count {
            loops[loops.count - 1].index = i
            if loop.variables.count == 2 {
                scopes[top][UTF8Key(loop.variables[0])] = keys.isEmpty ? .int(i) : .string(keys[i])
                scopes[top][UTF8Key(loop.variables[1])] = items[i]
            } else if let name = loop.variables.first {
                scopes[top][UTF8Key(name)] = keys.isEmpty ? items[i] : .string(keys[i])
            }
            try render(loop.body)
        }
    }

    /// What a `for` loop runs over: an array's items, an object's values with its keys,
    /// nothing for `null`; nil for anything else.
    static func loopItems(_ sequence: Value) -> (items: [Value], keys: [String])? {
        switch sequence {
        case .array(let array): return (array, [])
        case .object(let object): return (object.values, object.keys)
        case .null: return ([], [])
        default: return nil
        }
    }

    /// Renders `nodes` into a fresh buffer and returns the markup.
    func capture(_ nodes: [TemplateNode]) throws(TemplateError) -> String {
        let saved = writer
        writer = HTMLWriter()
        defer { writer = saved }
        try render(nodes)
        return writer.string
    }

    /// Writes a value as `{{ }}` does: trusted HTML as is, everything else escaped.
    func write(_ value: Value) {
        if case .html(let markup) = value, engine.expandsContentBoundaries { return writeContent(markup) }
        Self.write(value, into: &writer)
    }

    /// ``write(_:)`` without content boundaries (what compiled islands write, ``TemplateFrame``).
    static func write(_ value: Value, into writer: inout HTMLWriter) {
        switch value {
        case .html(let markup): writer.write(markup)
        case .string(let text): writer.writeEscaped(text)
        case .null: break
        default: writer.writeEscaped(text(of: value))
        }
    }

    /// Writes a value that starts a URL attribute: as ``write(_:)``, but a URL that would
    /// run script (``HTMLEscaping/isSafeURL(_:)``) becomes `about:invalid`, trusted
    /// (`| safe`) values included.
    func writeURL(_ value: Value) {
        Self.writeURL(value, into: &writer)
    }

    static func writeURL(_ value: Value, into writer: inout HTMLWriter) {
        switch value {
        case .html(let markup): writer.write(HTMLEscaping.isSafeURL(markup) ? markup : HTMLEscaping.unsafeURLReplacement)
        case .string(let text): writer.writeEscaped(HTMLEscaping.sanitizeURL(text))
        default: write(value, into: &writer)
        }
    }

    /// The text of a value (`~`, `string`, output): numbers in decimal, collections as JSON.
    static func text(of value: Value) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return DoubleText.number(d)
        case .string(let s), .html(let s): return s
        case .array, .object: return JSON.serialize(value)
        }
    }
}

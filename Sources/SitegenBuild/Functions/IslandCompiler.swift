import SitegenHTML

/// Compiles island templates to Swift for the wasm component.
///
/// An island template the compiler supports becomes a Swift function over a
/// ``TemplateFrame`` that calls the built-in filters and tests directly; the component then
/// carries no IR for it, and when every island compiles, neither the IR decoder nor the
/// interpreter. Supported: text, `{{ }}`, `if`/`elif`/`else`, `for`/`else` (with `loop.*`),
/// `set`, `{% set %}…{% endset %}`, blocks, every expression, the built-in filters and
/// tests, and `range()`. A template that `extends`, includes, imports or defines macros, or
/// holds a `{% suspense %}` of its own, is interpreted as before (its IR goes into the site
/// data and the generated code installs the interpreter).
///
/// The code follows the interpreter's semantics with lenient variables (the component's
/// engine is never strict): ``RenderState`` is the reference, and the end-to-end tests render
/// the same islands both ways.
struct IslandCompiler {
    /// What the compiler made of a site's island templates.
    struct Output: Equatable {
        /// The Swift functions, one per compiled island template (and its error block).
        var source = ""
        /// The elements of the registration's `Islands.install([…])`, one line per compiled
        /// template: its loader, template name, render function, and what renders its error
        /// block (`Islands.renderErrorBlock` with the block's function), if it has one.
        var registrations: [String] = []
        /// Names of the island templates left to the interpreter.
        var interpreted: [String] = []
        /// Why each of ``interpreted`` is: the first construct the compiler does not
        /// support (`macro`, `include`, `filter markdown`, …), for `sitegen build --verbose`.
        var interpretedBecause: [String: String] = [:]
        /// The filters and tests the interpreted templates (with what they include) use:
        /// the generated code installs those (``TemplateFilterScan/installation(for:)``).
        var interpretedUsage = TemplateFilterScan.Usage()
        /// Whether any island template uses a filter that needs the Unicode case tables.
        var unicodeCaseMapping = false
        /// Whether a compiled island template looks up the global `config` (else the build
        /// leaves the config out of the component).
        var readsConfig = false
    }

    struct Unsupported: Error {
        let what: String
    }

    /// Compiles every `islands/<loader>.html` in `templates` it can.
    static func compile(_ templates: [Template]) -> Output {
        var output = Output()
        var number = 0
        for template in templates.sorted(by: { $0.name < $1.name }) where template.name.hasPrefix("islands/") && template.name.hasSuffix(".html") {
            let loader = String(template.name.dropFirst("islands/".count).dropLast(".html".count))
            let compiled: (source: String, render: String, error: String?, variables: Set<String>)
            do {
                compiled = try compile(template, number: number)
            } catch {
                output.interpreted.append(template.name)
                output.interpretedBecause[template.name] = error.what
                continue
            }
            number += 1
            output.source += compiled.source
            output.readsConfig = output.readsConfig || compiled.variables.contains("config")
            output.registrations.append(
                "        (UTF8Key(" + swiftString(loader) + "), " + swiftString(template.name) + ", " + compiled.render
                    + ", " + (compiled.error.map { "{ Islands.renderErrorBlock($0, template: " + swiftString(template.name) + ", " + $0 + ") }" } ?? "nil") + "),\n")
        }
        return output
    }

    /// The Swift source of one island template: its render function and, if it has a
    /// `{% block error %}`, the function that renders that block alone.
    /// Also returns the variables the functions look up.
    static func compile(_ template: Template, number: Int) throws(Unsupported) -> (source: String, render: String, error: String?, variables: Set<String>) {
        guard template.parent == nil else { throw Unsupported(what: "extends") }
        let render = "sitegenIsland" + String(number)
        var emitter = Emitter()
        try emitter.nodes(template.nodes, hiding: "error")
        var source = "/// " + template.name + "\n@inline(never)\nfunc " + render + "(_ f: TemplateFrame) throws(TemplateError) {\n"
            + emitter.lines.joined() + "}\n\n"
        var errorName: String?
        var variables = emitter.variables
        if let body = template.blocks["error"] {
            var errorEmitter = Emitter()
            try errorEmitter.nodes(body, hiding: nil)
            errorName = render + "Error"
            source += "/// {% block error %} of " + template.name + "\n@inline(never)\nfunc " + errorName! + "(_ f: TemplateFrame) throws(TemplateError) {\n"
                + errorEmitter.lines.joined() + "}\n\n"
            variables.formUnion(errorEmitter.variables)
        }
        return (source, render, errorName, variables)
    }

    /// Writes Swift statements for nodes and expressions; every expression's value lands
    /// in a fresh local of type `Value?` (`nil`: undefined).
    struct Emitter {
        var lines: [String] = []
        var depth = 1
        var counter = 0
        /// The names looked up with `f.variable`.
        var variables: Set<String> = []

        mutating func line(_ text: String) {
            lines.append(String(repeating: "    ", count: depth) + text + "\n")
        }

        mutating func fresh(_ prefix: String = "v") -> String {
            counter += 1
            return prefix + String(counter)
        }

        mutating func nodes(_ nodes: [TemplateNode], hiding hidden: String?) throws(Unsupported) {
            for (index, node) in nodes.enumerated() {
                switch node {
                case .text(let text):
                    line("f.text(" + swiftString(text) + ")")
                case .output(let expr, _):
                    let value = try self.expr(expr)
                    if index > 0, case .text(let before) = nodes[index - 1], HTMLEscaping.opensURLAttribute(before) {
                        line("f.outputURL(" + value + ")")
                    } else {
                        line("f.output(" + value + ")")
                    }
                case .conditional(let branches, let otherwise):
                    try conditional(branches[...], otherwise: otherwise, hiding: hidden)
                case .loop(let loop):
                    try self.loop(loop, hiding: hidden)
                case .assign(let name, let expr, _):
                    let value = try self.expr(expr)
                    line("f.set(" + key(name) + ", " + value + " ?? .null)")
                case .capture(let name, let body):
                    line("f.beginCapture()")
                    try self.nodes(body, hiding: hidden)
                    line("f.set(" + key(name) + ", f.endCapture())")
                case .block(let name, let body):
                    if let hidden, name == hidden { continue }
                    try self.nodes(body, hiding: hidden)
                case .include: throw Unsupported(what: "include")
                case .importMacros: throw Unsupported(what: "import")
                case .macro: throw Unsupported(what: "macro")
                case .suspense: throw Unsupported(what: "suspense")
                }
            }
        }

        mutating func conditional(_ branches: ArraySlice<Branch>, otherwise: [TemplateNode], hiding hidden: String?) throws(Unsupported) {
            guard let first = branches.first else {
                try nodes(otherwise, hiding: hidden)
                return
            }
            let condition = try expr(first.condition)
            line("if (" + condition + " ?? .null).isTruthy {")
            depth += 1
            try nodes(first.body, hiding: hidden)
            depth -= 1
            let rest = branches.dropFirst()
            if rest.isEmpty && otherwise.isEmpty {
                line("}")
                return
            }
            line("} else {")
            depth += 1
            try conditional(rest, otherwise: otherwise, hiding: hidden)
            depth -= 1
            line("}")
        }

        mutating func loop(_ loop: Loop, hiding hidden: String?) throws(Unsupported) {
            guard loop.variables.count == 1 || loop.variables.count == 2 else { throw Unsupported(what: "loop variables") }
            let sequence = try expr(loop.sequence)
            let items = fresh("l")
            let i = fresh("i")
            line("let " + items + " = try f.loopItems(" + sequence + ", at: " + span(loop.span) + ")")
            line("if " + items + ".items.isEmpty {")
            depth += 1
            try nodes(loop.otherwise, hiding: hidden)
            depth -= 1
            line("} else {")
            depth += 1
            line("f.beginLoop(count: " + items + ".items.count)")
            line("for " + i + " in 0..<" + items + ".items.count {")
            depth += 1
            line("f.loopIndex(" + i + ")")
            let keyed = items + ".keys.isEmpty"
            if loop.variables.count == 2 {
                line("f.set(" + key(loop.variables[0]) + ", " + keyed + " ? .int(" + i + ") : .string(" + items + ".keys[" + i + "]))")
                line("f.set(" + key(loop.variables[1]) + ", " + items + ".items[" + i + "])")
            } else {
                line("f.set(" + key(loop.variables[0]) + ", " + keyed + " ? " + items + ".items[" + i + "] : .string(" + items + ".keys[" + i + "]))")
            }
            try nodes(loop.body, hiding: hidden)
            depth -= 1
            line("}")
            line("f.endLoop()")
            depth -= 1
            line("}")
        }

        /// Emits `expr` and returns the name of the local (`Value?`) that holds its value.
        mutating func expr(_ expr: TemplateExpr) throws(Unsupported) -> String {
            let v = fresh()
            switch expr {
            case .literal(let value):
                line("let " + v + ": Value? = " + (try literal(value)))
            case .variable(let name, _):
                variables.insert(name)
                line("let " + v + " = f.variable(" + key(name) + ")")
            case .loopProperty(let name, let s):
                line("let " + v + ": Value? = try f.loopProperty(" + key(name) + ", at: " + span(s) + ")")
            case .attribute(let base, let name, _):
                let b = try self.expr(base)
                line("let " + v + " = TemplateFrame.attribute(" + b + ", " + swiftString(name) + ")")
            case .index(let base, let keyExpr, let s):
                let b = try self.expr(base)
                let k = try self.expr(keyExpr)
                line("let " + v + " = try f.index(" + b + ", " + k + ", at: " + span(s) + ")")
            case .filter(let input, let name, let arguments, let s):
                let value = try self.expr(input)
                let args = try self.arguments(arguments)
                if name == "default" {
                    line("let " + v + ": Value? = TemplateFrame.defaultFilter(" + value + ", " + args + ")")
                } else {
                    guard Filters.names.contains(name) else { throw Unsupported(what: "filter " + name) }
                    line("let " + v + ": Value? = try f.filter(Filters." + TemplateFilterScan.swiftName(name) + ", " + swiftString(name)
                        + ", " + value + ", " + args + ", at: " + span(s) + ")")
                }
            case .test(let input, let name, let arguments, let negated, let s):
                guard ValueTests.names.contains(name) else { throw Unsupported(what: "test " + name) }
                let value = try self.expr(input)
                let args = try self.arguments(arguments)
                line("let " + v + ": Value? = .bool(try f.test(ValueTests." + TemplateFilterScan.swiftName(name) + ", " + swiftString(name)
                    + ", " + value + ", " + args + ", at: " + span(s) + ") " + (negated ? "==" : "!=") + " false)")
            case .call(let name, let arguments, let s):
                guard name == "range" else { throw Unsupported(what: "call " + name) }
                let args = try self.arguments(arguments)
                line("let " + v + ": Value? = try f.range(" + args + ", at: " + span(s) + ")")
            case .unary(let op, let operand, let s):
                let value = try self.expr(operand)
                switch op {
                case .not: line("let " + v + ": Value? = .bool(!(" + value + " ?? .null).isTruthy)")
                case .negate: line("let " + v + ": Value? = try f.negate(" + value + ", at: " + span(s) + ")")
                }
            case .binary(let op, let lhs, let rhs, let s):
                let l = try self.expr(lhs)
                if op == .and || op == .or {
                    // Short-circuits and gives an operand, as in Jinja: `page.title or config.title`.
                    try choose(v, when: l, negated: op == .and, then: nil, otherwise: rhs)
                } else {
                    let r = try self.expr(rhs)
                    // Equality and order have functions of their own, so that a site whose
                    // islands only compare does not link the other operators (`f.binary`).
                    switch op {
                    case .equal, .notEqual:
                        line("let " + v + ": Value? = .bool(" + (op == .equal ? "" : "!") + "TemplateFrame.equal(" + l + ", " + r + "))")
                    case .less, .lessOrEqual, .greater, .greaterOrEqual:
                        line("let " + v + ": Value? = try f.order(." + String(describing: op) + ", " + l + ", " + r + ", at: " + span(s) + ")")
                    default:
                        line("let " + v + ": Value? = try f.binary(." + String(describing: op) + ", " + l + ", " + r + ", at: " + span(s) + ")")
                    }
                }
            case .list(let items):
                var values: [String] = []
                for item in items { values.append(try self.expr(item) + " ?? .null") }
                line("let " + v + ": Value? = .array([" + values.joined(separator: ", ") + "])")
            case .dictionary(let entries):
                let object = fresh("o")
                line("var " + object + " = Object()")
                for entry in entries {
                    let value = try self.expr(entry.value)
                    line(object + "[" + swiftString(entry.key) + "] = " + value + " ?? .null")
                }
                line("let " + v + ": Value? = .object(" + object + ")")
            case .conditional(let condition, let whenTrue, let whenFalse):
                let c = try self.expr(condition)
                try choose(v, when: c, then: whenTrue, otherwise: whenFalse)
            }
            return v
        }

        /// Declares `v` and sets it to the value of `then` (nil: the condition's own value) when
        /// the local `condition` is truthy (falsy, when `negated`), else to that of `otherwise`;
        /// each branch evaluates only its own expression.
        mutating func choose(_ v: String, when condition: String, negated: Bool = false,
                             then: TemplateExpr?, otherwise: TemplateExpr) throws(Unsupported) {
            line("let " + v + ": Value?")
            line("if " + (negated ? "!" : "") + "(" + condition + " ?? .null).isTruthy {")
            depth += 1
            var t = condition
            if let then { t = try expr(then) }
            line(v + " = " + t + " ?? .null")
            depth -= 1
            line("} else {")
            depth += 1
            let o = try self.expr(otherwise)
            line(v + " = " + o + " ?? .null")
            depth -= 1
            line("}")
        }

        /// Emits evaluated arguments and returns the name of the `Arguments` local.
        mutating func arguments(_ arguments: [Argument]) throws(Unsupported) -> String {
            let a = fresh("a")
            guard !arguments.isEmpty else {
                line("let " + a + " = Arguments()")
                return a
            }
            line("var " + a + " = Arguments()")
            for argument in arguments {
                let value = try expr(argument.value)
                if let name = argument.name {
                    line(a + ".named[" + swiftString(name) + "] = " + value + " ?? .null")
                } else {
                    line(a + ".positional.append(" + value + " ?? .null)")
                }
            }
            return a
        }

        func literal(_ value: Value) throws(Unsupported) -> String {
            switch value {
            case .null: return ".null"
            case .bool(let b): return ".bool(" + (b ? "true" : "false") + ")"
            case .int(let i):
                // Ints are 32-bit in wasm32: a wider literal is a double there, as the IR decoder makes it.
                if let small = Int32(exactly: i) { return ".int(" + String(small) + ")" }
                return ".double(" + String(Double(i)) + ")"
            case .double(let d):
                guard d.isFinite else { throw Unsupported(what: "non-finite literal") }
                return ".double(" + String(d) + ")"
            case .string(let s): return ".string(" + swiftString(s) + ")"
            case .html(let s): return ".html(" + swiftString(s) + ")"
            case .array, .object: throw Unsupported(what: "collection literal")
            }
        }

        func key(_ name: String) -> String { "UTF8Key(" + swiftString(name) + ")" }

        func span(_ s: Span) -> String { "Span(line: " + String(s.line) + ", column: " + String(s.column) + ")" }
    }

    /// `text` as a Swift string literal.
    static func swiftString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private func swiftString(_ text: String) -> String { IslandCompiler.swiftString(text) }

extension RenderState {
    /// Evaluates an expression; an undefined name or key is an error in strict mode, `null` otherwise.
    func evaluate(_ expr: TemplateExpr) throws(TemplateError) -> Value {
        if let value = try lookup(expr, allowUndefined: !engine.strictVariables) { return value }
        return .null
    }

    /// Evaluates an expression; returns `nil` for an undefined name or key when `allowUndefined`.
    func lookup(_ expr: TemplateExpr, allowUndefined: Bool) throws(TemplateError) -> Value? {
        switch expr {
        case .literal(let value):
            return value
        case .variable(let name, let span):
            if let value = variable(name) { return value }
            if allowUndefined { return nil }
            throw located(.unknownVariable(name, candidates: visibleNames(), at: span))
        case .loopProperty(let name, let span):
            return try loopProperty(name, at: span)
        case .attribute(let base, let name, let span):
            guard let container = try lookup(base, allowUndefined: allowUndefined) else { return nil }
            if let value = container[name] { return value }
            if case .null = container, allowUndefined { return nil }
            if allowUndefined { return nil }
            let keys = container.objectValue?.keys ?? []
            let suggestion = Suggestion.nearest(to: name, in: keys)
            throw error(
                container.objectValue == nil
                    ? "cannot read '" + name + "' of " + container.kindName
                    : "no key '" + name + "' in this object", at: span,
                expected: keys.isEmpty ? nil : "one of " + keys.map { "'" + $0 + "'" }.joined(separator: ", "),
                fix: suggestion.map { "did you mean '" + $0 + "'?" })
        case .index(let base, let key, let span):
            guard let container = try lookup(base, allowUndefined: allowUndefined) else { return nil }
            let k = try evaluate(key)
            switch (container, k) {
            case (.array(let items), .int(let i)):
                let j = i < 0 ? items.count + i : i
                if j >= 0, j < items.count { return items[j] }
            case (.object(let object), .string(let s)):
                if let value = object[s] { return value }
            case (.array, _), (.object, _):
                break
            default:
                if case .null = container, allowUndefined { return nil }
                throw error("cannot index " + container.kindName + " with " + k.kindName, at: span)
            }
            if allowUndefined { return nil }
            throw error("index " + Self.text(of: k) + " is out of range", at: span)
        case .filter(let input, let name, let arguments, let span):
            if Text.equal(name, "default") {
                let value = try lookup(input, allowUndefined: true)
                return Self.defaultFilter(value, try evaluate(arguments))
            }
            let value = try evaluate(input)
            do {
                return try applyFilter(name, to: value, arguments: try evaluate(arguments), at: span)
            } catch {
                throw located(error)
            }
        case .test(let input, let name, let arguments, let negated, let span):
            let value = try lookup(input, allowUndefined: true)
            let result = try applyTest(name, to: value, arguments: try evaluate(arguments), at: span)
            return .bool(result != negated)
        case .call(let name, let arguments, let span):
            return try call(name, arguments: arguments, at: span)
        case .unary(let op, let operand, let span):
            let value = try evaluate(operand)
            switch op {
            case .not: return .bool(!value.isTruthy)
            case .negate:
                guard let negated = Self.negated(value) else { throw error("cannot negate " + value.kindName, at: span) }
                return negated
            }
        case .binary(let op, let lhs, let rhs, let span):
            return try binary(op, lhs, rhs, at: span)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item)) }
            return .array(values)
        case .dictionary(let entries):
            var object = Object()
            for entry in entries { object[entry.key] = try evaluate(entry.value) }
            return .object(object)
        case .conditional(let condition, let then, let otherwise):
            return try evaluate(condition).isTruthy ? try evaluate(then) : try evaluate(otherwise)
        }
    }

    /// `value | default(fallback, boolean)`: the fallback for an undefined or `null` value
    /// (or, with `boolean`, a falsy one).
    static func defaultFilter(_ value: Value?, _ args: Arguments) -> Value {
        let fallback = args.value(0, "value") ?? .string("")
        let onFalsy = args.value(1, "boolean")?.isTruthy ?? false
        guard let value, !(onFalsy && !value.isTruthy) else { return fallback }
        if case .null = value { return fallback }
        return value
    }

    /// `-value`; nil for what is not a number (or is `Int.min`).
    static func negated(_ value: Value) -> Value? {
        switch value {
        case .int(let i) where i != Int.min: return .int(-i)
        case .double(let d): return .double(-d)
        default: return nil
        }
    }

    func variable(_ name: String) -> Value? {
        let key = UTF8Key(name)
        var i = scopes.count - 1
        while i >= 0 {
            if let value = scopes[i][key] { return value }
            i -= 1
        }
        if let value = context[name] { return value }
        return engine.globals[name]
    }

    func visibleNames() -> [String] {
        var names: [String] = []
        for scope in scopes { names.append(contentsOf: scope.keys.map { $0.string }) }
        names.append(contentsOf: context.objectValue?.keys ?? [])
        names.append(contentsOf: engine.globals.keys)
        return Text.sorted(names)
    }

    func loopProperty(_ name: String, at span: Span) throws(TemplateError) -> Value {
        guard let loop = loops.last else {
            throw error("'loop' is only defined inside a {% for %} loop", at: span)
        }
        if let value = Self.loopValue(UTF8Key(name), index: loop.index, length: loop.length) { return value }
        let names = ["index", "index0", "revindex", "revindex0", "first", "last", "length"]
        throw error("loop has no property '" + name + "'", at: span,
                    expected: "one of " + names.map { "'" + $0 + "'" }.joined(separator: ", "),
                    fix: Suggestion.nearest(to: name, in: names).map { "did you mean 'loop." + $0 + "'?" })
    }

    /// `loop.<name>` at item `index` (0-based) of `length`; nil for a name loops do not have.
    static func loopValue(_ name: UTF8Key, index: Int, length: Int) -> Value? {
        switch name {
        case "index": return .int(index + 1)
        case "index0": return .int(index)
        case "revindex": return .int(length - index)
        case "revindex0": return .int(length - index - 1)
        case "first": return .bool(index == 0)
        case "last": return .bool(index == length - 1)
        case "length": return .int(length)
        default: return nil
        }
    }

    func evaluate(_ arguments: [Argument]) throws(TemplateError) -> Arguments {
        var result = Arguments()
        for argument in arguments {
            let value = try evaluate(argument.value)
            if let name = argument.name { result.named[name] = value } else { result.positional.append(value) }
        }
        return result
    }
}

extension Filters {
    public static func first(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        if case .string(let s) = value { return s.unicodeScalars.first.map { .string(String($0)) } ?? .null }
        return try array(value, call).first ?? .null
    }

    public static func last(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        if case .string(let s) = value { return s.unicodeScalars.last.map { .string(String($0)) } ?? .null }
        return try array(value, call).last ?? .null
    }

    public static func reverse(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        if case .string(let s) = value { return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed()))) }
        return .array(try array(value, call).reversed())
    }

    public static func join(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        let separator = args.value(0, "sep")?.stringValue ?? ""
        let items = try array(value, call)
        // Joining trusted HTML keeps it trusted only if every part is; otherwise parts are text.
        var allHTML = !items.isEmpty
        var parts: [String] = []
        for item in items {
            if case .html = item {} else { allHTML = false }
            parts.append(RenderState.text(of: item))
        }
        return allHTML ? .html(parts.joined(separator: separator)) : .string(parts.joined(separator: separator))
    }

    public static func sort(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        let items = try array(value, call)
        let attribute = args.value(0, "attribute")?.stringValue
        let reverse = args.value(1, "reverse")?.isTruthy ?? false
        var keyed: [(key: Value, index: Int)] = []
        for (i, item) in items.enumerated() {
            keyed.append((attribute.map { path($0, in: item) } ?? item, i))
        }
        var failed: (Value, Value)? = nil
        keyed.sort { a, b in
            guard let order = RenderState.compare(a.key, b.key) else {
                // Missing keys sort last; other mixed kinds are an error reported below.
                switch (RenderState.isNull(a.key), RenderState.isNull(b.key)) {
                case (true, true): return a.index < b.index
                case (true, false): return false
                case (false, true): return true
                default:
                    failed = (a.key, b.key)
                    return a.index < b.index
                }
            }
            if order == 0 { return a.index < b.index }
            return reverse ? order > 0 : order < 0
        }
        if let (a, b) = failed {
            throw call.error(Text.join("sort cannot compare ", a.kindName, " with ", b.kindName),
                             fix: attribute == nil ? "sort by an attribute: sort(attribute=\"title\")" : nil)
        }
        return .array(keyed.map { items[$0.index] })
    }

    public static func `where`(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard let key = args.value(0, "attribute")?.stringValue else {
            throw call.error("where expects an attribute name: where(\"draft\", false)")
        }
        let wanted = args.value(1, "value")
        return .array(try array(value, call).filter { item in
            let v = path(key, in: item)
            if let wanted { return RenderState.equal(v, wanted) }
            return v.isTruthy
        })
    }

    public static func map(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard let key = args.value(0, "attribute")?.stringValue else {
            throw call.error("map expects an attribute name: map(attribute=\"title\")")
        }
        return .array(try array(value, call).map { path(key, in: $0) })
    }

    public static func unique(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        var result: [Value] = []
        for item in try array(value, call) where !result.contains(where: { RenderState.equal($0, item) }) {
            result.append(item)
        }
        return .array(result)
    }

    public static func concat(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        var items = try array(value, call)
        if let other = args.value(0, "with") {
            if case .array(let more) = other { items.append(contentsOf: more) } else { items.append(other) }
        }
        return .array(items)
    }

    public static func sum(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        var total: Value = .int(0)
        for item in try array(value, call) {
            total = try RenderState.arithmetic(.add, total, item, at: call.span)
        }
        return total
    }

    public static func keys(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard case .object(let object) = value else { throw call.wrongType("an object", value) }
        return .array(object.keys.map { .string($0) })
    }

    public static func values(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard case .object(let object) = value else { throw call.wrongType("an object", value) }
        return .array(object.values)
    }

    /// The input of a collection filter: an array, or none for `null`.
    static func array(_ value: Value, _ call: FilterCall) throws(TemplateError) -> [Value] {
        switch value {
        case .array(let items): return items
        case .null: return []
        default: throw call.wrongType("an array", value)
        }
    }

    /// Reads a dotted path (`"extra.weight"`) in a value; `null` where missing.
    static func path(_ path: String, in value: Value) -> Value {
        var current = value
        for part in Text.split(path, ".") {
            guard let next = current[part] else { return .null }
            current = next
        }
        return current
    }
}

extension RenderState {
    static func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        return false
    }
}

extension RenderState {
    func applyCollectionFilter(_ name: String, to value: Value, arguments args: Arguments, at span: Span) throws(TemplateError) -> Value {
        switch UTF8Key(name) {
        case "first":
            if case .string(let s) = value { return s.unicodeScalars.first.map { .string(String($0)) } ?? .null }
            return try array(value, for: name, at: span).first ?? .null
        case "last":
            if case .string(let s) = value { return s.unicodeScalars.last.map { .string(String($0)) } ?? .null }
            return try array(value, for: name, at: span).last ?? .null
        case "reverse":
            if case .string(let s) = value { return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed()))) }
            return .array(try array(value, for: name, at: span).reversed())
        case "join":
            let separator = args.value(0, "sep")?.stringValue ?? ""
            let items = try array(value, for: name, at: span)
            // Joining trusted HTML keeps it trusted only if every part is; otherwise parts are text.
            var allHTML = !items.isEmpty
            var parts: [String] = []
            for item in items {
                if case .html = item {} else { allHTML = false }
                parts.append(Self.text(of: item))
            }
            return allHTML ? .html(parts.joined(separator: separator)) : .string(parts.joined(separator: separator))
        case "sort":
            let items = try array(value, for: name, at: span)
            let attribute = args.value(0, "attribute")?.stringValue
            let reverse = args.value(1, "reverse")?.isTruthy ?? false
            var keyed: [(key: Value, index: Int)] = []
            for (i, item) in items.enumerated() {
                keyed.append((attribute.map { Self.path($0, in: item) } ?? item, i))
            }
            var failed: (Value, Value)? = nil
            keyed.sort { a, b in
                guard let order = Self.compare(a.key, b.key) else {
                    // Missing keys sort last; other mixed kinds are an error reported below.
                    switch (Self.isNull(a.key), Self.isNull(b.key)) {
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
                throw error("sort cannot compare " + a.kindName + " with " + b.kindName, at: span,
                            fix: attribute == nil ? "sort by an attribute: sort(attribute=\"title\")" : nil)
            }
            return .array(keyed.map { items[$0.index] })
        case "where":
            guard let key = args.value(0, "attribute")?.stringValue else {
                throw error("where expects an attribute name: where(\"draft\", false)", at: span)
            }
            let wanted = args.value(1, "value")
            return .array(try array(value, for: name, at: span).filter { item in
                let v = Self.path(key, in: item)
                if let wanted { return Self.equal(v, wanted) }
                return v.isTruthy
            })
        case "map":
            guard let key = args.value(0, "attribute")?.stringValue else {
                throw error("map expects an attribute name: map(attribute=\"title\")", at: span)
            }
            return .array(try array(value, for: name, at: span).map { Self.path(key, in: $0) })
        case "unique":
            var result: [Value] = []
            for item in try array(value, for: name, at: span) where !result.contains(where: { Self.equal($0, item) }) {
                result.append(item)
            }
            return .array(result)
        case "concat":
            var items = try array(value, for: name, at: span)
            if let other = args.value(0, "with") {
                if case .array(let more) = other { items.append(contentsOf: more) } else { items.append(other) }
            }
            return .array(items)
        case "sum":
            var total: Value = .int(0)
            for item in try array(value, for: name, at: span) {
                total = try arithmetic(.add, total, item, at: span)
            }
            return total
        case "keys":
            guard case .object(let object) = value else { throw wrongType(name, "an object", value, span) }
            return .array(object.keys.map { .string($0) })
        case "values":
            guard case .object(let object) = value else { throw wrongType(name, "an object", value, span) }
            return .array(object.values)
        default:
            throw located(.unknownFilter(name, at: span))
        }
    }

    func array(_ value: Value, for filter: String, at span: Span) throws(TemplateError) -> [Value] {
        switch value {
        case .array(let items): return items
        case .null: return []
        default: throw wrongType(filter, "an array", value, span)
        }
    }

    static func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        return false
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

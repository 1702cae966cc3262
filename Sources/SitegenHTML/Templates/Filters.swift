/// The built-in filters: `{{ value | name(arguments) }}`.
public enum Filters {
    /// Every built-in filter name, sorted; the compiler checks names against it.
    public static let names: [String] = [
        "abs", "capitalize", "concat", "date", "default", "e", "escape", "first", "float", "int", "join", "json",
        "keys", "last", "length", "lower", "map", "markdown_safe", "replace", "reverse", "round", "safe", "slugify",
        "sort", "split", "string", "striptags", "sum", "title", "trim", "truncate", "unique", "upper", "urlencode",
        "values", "where", "wordcount",
    ]
}

extension RenderState {
    func applyFilter(_ name: String, to value: Value, arguments args: Arguments, at span: Span) throws(TemplateError) -> Value {
        switch UTF8Key(name) {
        case "safe", "markdown_safe":
            return .html(Self.text(of: value))
        case "escape", "e":
            if case .html(let s) = value { return .html(s) }
            return .html(HTMLEscaping.escape(Self.text(of: value)))
        case "length":
            return .int(value.count ?? 0)
        case "upper":
            return .string(CaseMapping.uppercase(try string(value, for: name, at: span)))
        case "lower":
            return .string(CaseMapping.lowercase(try string(value, for: name, at: span)))
        case "capitalize":
            return .string(Text.capitalize(try string(value, for: name, at: span)))
        case "title":
            return .string(Text.titleCase(try string(value, for: name, at: span)))
        case "trim":
            return .string(Text.trim(try string(value, for: name, at: span)))
        case "striptags":
            return .string(Text.stripTags(Self.text(of: value)))
        case "wordcount":
            return .int(Text.wordCount(Self.text(of: value)))
        case "truncate":
            let length = args.value(0, "length")?.intValue ?? 255
            let end = args.value(1, "end")?.stringValue ?? "…"
            return .string(Text.truncate(Self.text(of: value), length: length, end: end))
        case "slugify":
            return .string(Text.slugify(Self.text(of: value)))
        case "urlencode":
            return .string(Text.percentEncode(Self.text(of: value)))
        case "replace":
            guard let from = args.value(0, "from")?.stringValue, let to = args.value(1, "to")?.stringValue else {
                throw error("replace expects two strings: replace(\"from\", \"to\")", at: span)
            }
            let replaced = Text.replace(Self.text(of: value), from, with: to)
            if case .html = value { return .html(replaced) }
            return .string(replaced)
        case "split":
            let separator = args.value(0, "pat")?.stringValue ?? " "
            return .array(Text.split(Self.text(of: value), separator).map { .string($0) })
        case "date":
            let format = args.value(0, "format")?.stringValue ?? "%Y-%m-%d"
            guard let date = DateValue(value) else {
                throw error("date expects a date like 2024-05-01 or 2024-05-01T10:00:00Z, got "
                    + (value.stringValue.map { "'" + $0 + "'" } ?? value.kindName), at: span)
            }
            return .string(date.formatted(format))
        case "json":
            return .string(JSON.serialize(value, pretty: args.value(0, "pretty")?.isTruthy ?? false))
        case "string":
            return .string(Self.text(of: value))
        case "int":
            if let i = value.intValue { return .int(i) }
            if let d = value.doubleValue, d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
            if let s = value.stringValue, let i = Int(Text.trim(s)) { return .int(i) }
            return .int(args.value(0, "default")?.intValue ?? 0)
        case "float":
            if let d = value.doubleValue { return .double(d) }
            if let s = value.stringValue, let i = Int(Text.trim(s)) { return .double(Double(i)) }
            return .double(0)
        case "abs":
            switch value {
            case .int(let i) where i != Int.min: return .int(i < 0 ? -i : i)
            case .double(let d): return .double(d.magnitude)
            default: throw wrongType(name, "a number", value, span)
            }
        case "round":
            guard let d = value.doubleValue else { throw wrongType(name, "a number", value, span) }
            let precision = args.value(0, "precision")?.intValue ?? 0
            if precision <= 0 {
                let r = d.rounded()
                return Int(exactly: r).map { .int($0) } ?? .double(r)
            }
            var scale = 1.0
            for _ in 0..<min(precision, 15) { scale *= 10 }
            return .double((d * scale).rounded() / scale)
        default:
            return try applyCollectionFilter(name, to: value, arguments: args, at: span)
        }
    }

    func string(_ value: Value, for filter: String, at span: Span) throws(TemplateError) -> String {
        switch value {
        case .string(let s), .html(let s): return s
        case .null: return ""
        case .int, .double, .bool: return Self.text(of: value)
        default: throw wrongType(filter, "a string", value, span)
        }
    }

    func wrongType(_ filter: String, _ expected: String, _ value: Value, _ span: Span) -> TemplateError {
        located(.wrongType("filter '" + filter + "'", expected: expected, got: value, at: span))
    }
}

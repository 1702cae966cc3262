/// A built-in filter: `{{ value | name(arguments) }}`. Gets the evaluated input and
/// arguments and where it is applied (for its errors; the interpreter adds the template).
public typealias Filter = @Sendable (_ value: Value, _ arguments: Arguments, _ call: FilterCall) throws(TemplateError) -> Value

/// Where a filter or test is applied: its name and position, for the errors it raises.
public struct FilterCall: Sendable {
    public var name: String
    public var span: Span
    public init(_ name: String, at span: Span) {
        self.name = name
        self.span = span
    }

    func error(_ message: String, expected: String? = nil, fix: String? = nil) -> TemplateError {
        TemplateError(message, at: span, expected: expected, fix: fix)
    }

    func wrongType(_ expected: String, _ value: Value) -> TemplateError {
        .wrongType(Text.join("filter '", name, "'"), expected: expected, got: value, at: span)
    }
}

/// The built-in filters.
///
/// Natively every filter is installed. In the wasm component only the filters its island
/// templates use are: the component's generated site code calls ``install(_:)`` with them
/// (the build sees every template the component can render), so `--gc-sections` drops the
/// others, with the text, date and collection code only they reach. Each filter is a
/// `static func` named after the filter in lower camel case (`markdown_safe` →
/// `markdownSafe`), which is how the generated code names it.
public enum Filters {
    /// Every built-in filter name, sorted; the compiler checks names against it.
    public static let names: [String] = [
        "abs", "capitalize", "concat", "date", "default", "e", "escape", "first", "float", "int", "join", "json",
        "keys", "last", "length", "lower", "map", "markdown_safe", "replace", "reverse", "round", "safe", "slugify",
        "sort", "split", "string", "striptags", "sum", "title", "trim", "truncate", "unique", "upper", "urlencode",
        "values", "where", "wordcount",
    ]

    /// Every built-in filter but `default`, which the interpreter applies itself (it sees
    /// whether its input is defined).
    public static let builtins: [(name: String, filter: Filter)] = [
        ("abs", abs), ("capitalize", capitalize), ("concat", concat), ("date", date), ("e", e), ("escape", escape),
        ("first", first), ("float", float), ("int", int), ("join", join), ("json", json), ("keys", keys),
        ("last", last), ("length", length), ("lower", lower), ("map", map), ("markdown_safe", markdownSafe),
        ("replace", replace), ("reverse", reverse), ("round", round), ("safe", safe), ("slugify", slugify),
        ("sort", sort), ("split", split), ("string", string), ("striptags", striptags), ("sum", sum),
        ("title", title), ("trim", trim), ("truncate", truncate), ("unique", unique), ("upper", upper),
        ("urlencode", urlencode), ("values", values), ("where", `where`), ("wordcount", wordcount),
    ]

    #if hasFeature(Embedded)
    nonisolated(unsafe) static var installed: [(name: UTF8Key, filter: Filter)] = []

    /// Makes `filters` the ones templates can apply (the component's generated code).
    public static func install(_ filters: [(name: String, filter: Filter)]) {
        installed = filters.map { (UTF8Key($0.name), $0.filter) }
    }
    #else
    static let installed: [(name: UTF8Key, filter: Filter)] = builtins.map { (UTF8Key($0.name), $0.filter) }
    #endif

    /// The installed filter `name`. A scan: as many byte comparisons as a `switch` on the name.
    static func named(_ name: String) -> Filter? {
        let key = UTF8Key(name)
        for entry in installed where entry.name == key { return entry.filter }
        return nil
    }

    // MARK: Text

    public static func safe(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .html(RenderState.text(of: value))
    }

    public static func markdownSafe(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        safe(value, args, call)
    }

    public static func escape(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        if case .html(let s) = value { return .html(s) }
        return .html(HTMLEscaping.escape(RenderState.text(of: value)))
    }

    public static func e(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        escape(value, args, call)
    }

    public static func length(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .int(value.count ?? 0)
    }

    public static func upper(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        .string(CaseMapping.uppercase(try string(of: value, call)))
    }

    public static func lower(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        .string(CaseMapping.lowercase(try string(of: value, call)))
    }

    public static func capitalize(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        .string(Text.capitalize(try string(of: value, call)))
    }

    public static func title(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        .string(Text.titleCase(try string(of: value, call)))
    }

    public static func trim(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        .string(Text.trim(try string(of: value, call)))
    }

    public static func striptags(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .string(Text.stripTags(RenderState.text(of: value)))
    }

    public static func wordcount(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .int(Text.wordCount(RenderState.text(of: value)))
    }

    public static func truncate(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        let length = args.value(0, "length")?.intValue ?? 255
        let end = args.value(1, "end")?.stringValue ?? "…"
        return .string(Text.truncate(RenderState.text(of: value), length: length, end: end))
    }

    public static func slugify(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .string(Text.slugify(RenderState.text(of: value)))
    }

    public static func urlencode(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .string(Text.percentEncode(RenderState.text(of: value)))
    }

    public static func replace(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard let from = args.value(0, "from")?.stringValue, let to = args.value(1, "to")?.stringValue else {
            throw call.error("replace expects two strings: replace(\"from\", \"to\")")
        }
        let replaced = Text.replace(RenderState.text(of: value), from, with: to)
        if case .html = value { return .html(replaced) }
        return .string(replaced)
    }

    public static func split(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        let separator = args.value(0, "pat")?.stringValue ?? " "
        return .array(Text.split(RenderState.text(of: value), separator).map { .string($0) })
    }

    public static func date(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        let format = args.value(0, "format")?.stringValue ?? "%Y-%m-%d"
        guard let date = DateValue(value) else {
            throw call.error(Text.join("date expects a date like 2024-05-01 or 2024-05-01T10:00:00Z, got ",
                                       value.stringValue.map { Text.join("'", $0, "'") } ?? value.kindName))
        }
        return .string(date.formatted(format))
    }

    public static func json(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .string(JSON.serialize(value, pretty: args.value(0, "pretty")?.isTruthy ?? false))
    }

    public static func string(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        .string(RenderState.text(of: value))
    }

    // MARK: Numbers

    public static func int(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        if let i = value.intValue { return .int(i) }
        if let d = value.doubleValue, d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
        if let s = value.stringValue, let i = Text.integer(Text.trim(s)) { return .int(i) }
        return .int(args.value(0, "default")?.intValue ?? 0)
    }

    public static func float(_ value: Value, _ args: Arguments, _ call: FilterCall) -> Value {
        if let d = value.doubleValue { return .double(d) }
        if let s = value.stringValue, let i = Text.integer(Text.trim(s)) { return .double(Double(i)) }
        return .double(0)
    }

    public static func abs(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        switch value {
        case .int(let i) where i != Int.min: return .int(i < 0 ? -i : i)
        case .double(let d): return .double(d.magnitude)
        default: throw call.wrongType("a number", value)
        }
    }

    public static func round(_ value: Value, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Value {
        guard let d = value.doubleValue else { throw call.wrongType("a number", value) }
        let precision = args.value(0, "precision")?.intValue ?? 0
        if precision <= 0 {
            let r = d.rounded()
            return Int(exactly: r).map { .int($0) } ?? .double(r)
        }
        var scale = 1.0
        for _ in 0..<min(precision, 15) { scale *= 10 }
        return .double((d * scale).rounded() / scale)
    }

    /// The input of a string filter: text as is, numbers and booleans as text, `null` as "".
    static func string(of value: Value, _ call: FilterCall) throws(TemplateError) -> String {
        switch value {
        case .string(let s), .html(let s): return s
        case .null: return ""
        case .int, .double, .bool: return RenderState.text(of: value)
        default: throw call.wrongType("a string", value)
        }
    }
}

extension RenderState {
    /// Applies the installed filter `name` (every filter but `default`, which ``lookup(_:allowUndefined:)`` applies).
    func applyFilter(_ name: String, to value: Value, arguments args: Arguments, at span: Span) throws(TemplateError) -> Value {
        guard let filter = Filters.named(name) else { throw located(.unknownFilter(name, at: span)) }
        do {
            return try filter(value, args, FilterCall(name, at: span))
        } catch {
            throw located(error)
        }
    }
}

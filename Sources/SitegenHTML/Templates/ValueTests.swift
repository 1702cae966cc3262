/// A built-in test: `{% if value is name(arguments) %}`. Its input is `nil` when the value
/// is not defined (`defined` and `undefined` tell the two apart; other tests see `null`).
public typealias ValueTest = @Sendable (_ value: Value?, _ arguments: Arguments, _ call: FilterCall) throws(TemplateError) -> Bool

/// The built-in tests, installed as ``Filters`` are: all of them natively, in the wasm
/// component those its island templates use (``install(_:)``, from the generated site code).
/// Each is a `static func` named after the test in lower camel case (`starting_with` →
/// `startingWith`).
public enum ValueTests {
    /// Every built-in test name, sorted.
    public static let names: [String] = [
        "containing", "defined", "divisibleby", "ending_with", "even", "float", "integer", "iterable", "mapping",
        "none", "null", "number", "object", "odd", "starting_with", "string", "undefined",
    ]

    /// Every built-in test.
    public static let builtins: [(name: String, test: ValueTest)] = [
        ("containing", containing), ("defined", defined), ("divisibleby", divisibleby), ("ending_with", endingWith),
        ("even", even), ("float", float), ("integer", integer), ("iterable", iterable), ("mapping", mapping),
        ("none", none), ("null", null), ("number", number), ("object", object), ("odd", odd),
        ("starting_with", startingWith), ("string", string), ("undefined", undefined),
    ]

    #if hasFeature(Embedded)
    nonisolated(unsafe) static var installed: [(name: UTF8Key, test: ValueTest)] = []

    /// Makes `tests` the ones templates can apply (the component's generated code).
    public static func install(_ tests: [(name: String, test: ValueTest)]) {
        installed = tests.map { (UTF8Key($0.name), $0.test) }
    }
    #else
    static let installed: [(name: UTF8Key, test: ValueTest)] = builtins.map { (UTF8Key($0.name), $0.test) }
    #endif

    /// The installed test `name`.
    static func named(_ name: String) -> ValueTest? {
        let key = UTF8Key(name)
        for entry in installed where entry.name == key { return entry.test }
        return nil
    }

    public static func defined(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value != nil }
    public static func undefined(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value == nil }
    public static func none(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { RenderState.isNull(value ?? .null) }
    public static func null(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { RenderState.isNull(value ?? .null) }
    public static func string(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value?.stringValue != nil }
    public static func number(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value?.doubleValue != nil }

    public static func integer(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        if case .int = value { return true } else { return false }
    }

    public static func float(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        if case .double = value { return true } else { return false }
    }

    public static func iterable(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        value?.arrayValue != nil || value?.objectValue != nil
    }

    public static func mapping(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value?.objectValue != nil }
    public static func object(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool { value?.objectValue != nil }

    public static func odd(_ value: Value?, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Bool {
        try integer(of: value, call) % 2 != 0
    }

    public static func even(_ value: Value?, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Bool {
        try integer(of: value, call) % 2 == 0
    }

    public static func divisibleby(_ value: Value?, _ args: Arguments, _ call: FilterCall) throws(TemplateError) -> Bool {
        let n = try integer(of: value, call)
        guard let d = args.value(0, "num")?.intValue, d != 0 else {
            throw call.error("divisibleby expects a non-zero integer argument")
        }
        return n % d == 0
    }

    public static func startingWith(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        guard let s = value?.stringValue, let affix = args.value(0, "pat")?.stringValue else { return false }
        return Text.hasPrefix(s, affix)
    }

    public static func endingWith(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        guard let s = value?.stringValue, let affix = args.value(0, "pat")?.stringValue else { return false }
        return Text.hasSuffix(s, affix)
    }

    public static func containing(_ value: Value?, _ args: Arguments, _ call: FilterCall) -> Bool {
        guard let needle = args.value(0, "pat") else { return false }
        switch value ?? .null {
        case .array(let items): return items.contains { RenderState.equal($0, needle) }
        case .object(let object): return needle.stringValue.map { object[$0] != nil } ?? false
        case .string(let s), .html(let s): return needle.stringValue.map { Text.contains(s, $0) } ?? false
        default: return false
        }
    }

    static func integer(of value: Value?, _ call: FilterCall) throws(TemplateError) -> Int {
        guard let n = value?.intValue else {
            throw call.error(Text.join("test '", call.name, "' expects an integer, got ", (value ?? .null).kindName))
        }
        return n
    }
}

extension RenderState {
    func applyTest(_ name: String, to input: Value?, arguments args: Arguments, at span: Span) throws(TemplateError) -> Bool {
        guard let test = ValueTests.named(name) else {
            throw error(Text.join("unknown test '", name, "'"), at: span,
                        expected: Text.join("one of ", ValueTests.names.map { Text.join("'", $0, "'") }.joined(separator: ", ")),
                        fix: Suggestion.nearest(to: name, in: ValueTests.names).map { Text.join("did you mean '", $0, "'?") })
        }
        do {
            return try test(input, args, FilterCall(name, at: span))
        } catch {
            throw located(error)
        }
    }
}

/// The built-in tests: `{% if value is name(arguments) %}`.
public enum ValueTests {
    /// Every built-in test name, sorted.
    public static let names: [String] = [
        "containing", "defined", "divisibleby", "ending_with", "even", "float", "integer", "iterable", "mapping",
        "none", "null", "number", "object", "odd", "starting_with", "string", "undefined",
    ]
}

extension RenderState {
    func applyTest(_ name: String, to input: Value?, arguments args: Arguments, at span: Span) throws(TemplateError) -> Bool {
        switch UTF8Key(name) {
        case "defined": return input != nil
        case "undefined": return input == nil
        default: break
        }
        let value = input ?? .null
        switch UTF8Key(name) {
        case "none", "null": return Self.isNull(value)
        case "string": return value.stringValue != nil
        case "number": return value.doubleValue != nil
        case "integer": if case .int = value { return true } else { return false }
        case "float": if case .double = value { return true } else { return false }
        case "iterable": return value.arrayValue != nil || value.objectValue != nil
        case "mapping", "object": return value.objectValue != nil
        case "odd", "even", "divisibleby":
            guard let n = value.intValue else { throw error("test '" + name + "' expects an integer, got " + value.kindName, at: span) }
            if Text.equal(name, "odd") { return n % 2 != 0 }
            if Text.equal(name, "even") { return n % 2 == 0 }
            guard let d = args.value(0, "num")?.intValue, d != 0 else {
                throw error("divisibleby expects a non-zero integer argument", at: span)
            }
            return n % d == 0
        case "starting_with", "ending_with":
            guard let s = value.stringValue, let affix = args.value(0, "pat")?.stringValue else { return false }
            return Text.equal(name, "starting_with") ? Text.hasPrefix(s, affix) : Text.hasSuffix(s, affix)
        case "containing":
            guard let needle = args.value(0, "pat") else { return false }
            switch value {
            case .array(let items): return items.contains { Self.equal($0, needle) }
            case .object(let object): return needle.stringValue.map { object[$0] != nil } ?? false
            case .string(let s), .html(let s): return needle.stringValue.map { Text.contains(s, $0) } ?? false
            default: return false
            }
        default:
            throw error("unknown test '" + name + "'", at: span,
                        expected: "one of " + ValueTests.names.map { "'" + $0 + "'" }.joined(separator: ", "),
                        fix: Suggestion.nearest(to: name, in: ValueTests.names).map { "did you mean '" + $0 + "'?" })
        }
    }
}

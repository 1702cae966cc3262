import SitegenHTML

/// The wording of every front-matter and data-file diagnostic. Tests call these
/// factories rather than repeating the strings.
extension Diagnostic {
    /// A top-level key that is neither a known field nor a taxonomy.
    static func unknownFrontMatterKey(
        _ key: String, suggestion: String?, known: [String], at location: SourceLocation,
        sourceLine: String?, length: Int
    ) -> Diagnostic {
        Diagnostic(
            .error, "unknown front-matter key '\(key)'", at: location,
            expected: "one of " + quotedList(known),
            fix: suggestion.map { "did you mean '\($0)'?" }
                ?? "remove it, or move it under 'extra' to pass it to templates",
            sourceLine: sourceLine, length: length)
    }

    /// A key under `taxonomies` that the site does not configure.
    static func unknownTaxonomy(
        _ name: String, suggestion: String?, known: [String], at location: SourceLocation,
        sourceLine: String?, length: Int
    ) -> Diagnostic {
        Diagnostic(
            .error, "unknown taxonomy '\(name)'", at: location,
            expected: "one of " + quotedList(known),
            fix: suggestion.map { "did you mean '\($0)'?" } ?? "add '\(name)' to 'taxonomies' in sitegen.toml",
            sourceLine: sourceLine, length: length)
    }

    /// A known key whose value has the wrong type or format (`draft: "yes"`, `date: tomorrow`).
    static func invalidFrontMatterValue(
        key: String, expected kind: FrontMatterKind, got value: Value, at location: SourceLocation,
        sourceLine: String?, length: Int
    ) -> Diagnostic {
        Diagnostic(
            .error, "'\(key)' must be \(kind.name), not \(describe(value))", at: location,
            expected: kind.example, fix: kind.fix, sourceLine: sourceLine, length: length)
    }

    /// An opening `---` or `+++` fence with no closing one.
    static func unterminatedFrontMatter(_ format: DataFormat, file: String, sourceLine: String?) -> Diagnostic {
        Diagnostic(
            .error, "front matter opened with '\(format.fence)' is never closed",
            at: SourceLocation(file: file, line: 1, column: 1),
            expected: "a line with only '\(format.fence)' after the last front-matter line",
            fix: "add a '\(format.fence)' line between the front matter and the content",
            sourceLine: sourceLine, length: 3)
    }

    /// A YAML syntax error, as libyaml words it.
    static func invalidYAML(
        _ problem: String, at location: SourceLocation, sourceLine: String?, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(.error, "invalid YAML: " + problem, at: location, notes: notes, sourceLine: sourceLine)
    }

    /// A TOML syntax error, as toml++ words it.
    static func invalidTOML(_ problem: String, at location: SourceLocation, sourceLine: String?) -> Diagnostic {
        var problem = problem
        if problem.hasPrefix("Error while parsing ") { problem.removeFirst("Error while parsing ".count) }
        while problem.last == "." || problem.last == "\n" { problem.removeLast() }
        return Diagnostic(.error, "invalid TOML: " + problem, at: location, sourceLine: sourceLine)
    }

    /// The same key twice in one YAML mapping.
    static func duplicateKey(_ key: String, at location: SourceLocation, sourceLine: String?) -> Diagnostic {
        Diagnostic(
            .error, "duplicate key '\(key)'", at: location, fix: "keep one '\(key)' and remove the others",
            sourceLine: sourceLine, length: max(key.unicodeScalars.count, 1))
    }

    /// Front matter that is a list or a single value rather than keys and values.
    static func frontMatterNotAMapping(got value: Value, at location: SourceLocation, sourceLine: String?) -> Diagnostic {
        Diagnostic(
            .error, "front matter must be keys and values, not \(describe(value))", at: location,
            expected: "lines of 'key: value', like 'title: Hello'", sourceLine: sourceLine)
    }

    /// What the author wrote, quoted for a message: `'yes'`, `3`, `a list`.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "an empty value"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s), .html(let s): return "'" + s + "'"
        case .array: return "a list"
        case .object: return "a table"
        }
    }

    private static func quotedList(_ names: [String]) -> String {
        names.map { "'" + $0 + "'" }.joined(separator: ", ")
    }
}

/// The shapes a front-matter value can be required to have, with their wording.
enum FrontMatterKind: Equatable {
    case string, boolean, integer, date, stringList, table

    /// Follows "must be" in the message.
    var name: String {
        switch self {
        case .string: return "a string"
        case .boolean: return "true or false"
        case .integer: return "a whole number"
        case .date: return "a date"
        case .stringList: return "a list of strings"
        case .table: return "a table of keys and values"
        }
    }

    /// The `expected:` line: the format, by example.
    var example: String {
        switch self {
        case .string: return "text, like \"Hello, world\""
        case .boolean: return "true or false, without quotes"
        case .integer: return "a whole number, like 10"
        case .date: return "a date like 2024-05-01 or 2024-05-01T10:00:00Z"
        case .stringList: return "a list of strings, like [\"swift\", \"wasm\"]"
        case .table: return "keys and values, like 'extra: { color: blue }'"
        }
    }

    /// The `fix:` line, where one fix fits all cases.
    var fix: String? {
        switch self {
        case .boolean: return "write true or false without quotes"
        case .date: return "write the date as YYYY-MM-DD, optionally followed by a time such as T10:00:00Z"
        case .string: return "put the value in quotes"
        default: return nil
        }
    }
}

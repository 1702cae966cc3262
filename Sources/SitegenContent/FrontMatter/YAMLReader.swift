import SitegenHTML
import Yams

/// Reads YAML into a `LocatedTree` with Yams, keeping each key's mark.
enum YAMLReader {
    // YAML 1.1 reads `yes`, `no`, `on` and `off` as booleans, so `title: No` would
    // become `false` (the "Norway problem"). Only true/false are booleans here, as
    // in YAML 1.2. Timestamps stay strings; dates are validated where they are used.
    private static let resolver: Resolver = {
        let base = Resolver.default.removing(.timestamp)
        return (try? base.replacing(.bool, with: "^(?:true|True|TRUE|false|False|FALSE)$")) ?? base
    }()

    /// Parses `text` (front matter or a data file).
    ///
    /// - Parameter requireMapping: Whether the document must be keys and values, as
    ///   front matter must; a data file may be a list.
    /// - Throws: A located diagnostic for YAML syntax errors, duplicate keys, and
    ///   (when required) a document that is not a mapping.
    static func read(_ text: String, source: SourceText, requireMapping: Bool) throws(DiagnosticError) -> LocatedTree {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, resolver)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic: diagnostic(for: error, source: source))
        } catch {
            throw DiagnosticError(diagnostic: .invalidYAML(
                String(describing: error), at: source.location(line: 1, column: 1), sourceLine: source.lineText(1)))
        }
        guard let node else { return LocatedTree(value: .object(Object())) }
        var tree = LocatedTree(value: .null)
        tree.value = convert(node, path: [], into: &tree)
        if requireMapping, tree.value.objectValue == nil {
            let line = node.mark?.line ?? 1
            throw DiagnosticError(diagnostic: .frontMatterNotAMapping(
                got: tree.value, at: source.location(line: line, column: node.mark?.column ?? 1),
                sourceLine: source.lineText(line)))
        }
        return tree
    }

    private static func convert(_ node: Node, path: [String], into tree: inout LocatedTree) -> Value {
        switch node {
        case .scalar(let scalar):
            // `Tag.name` is internal to Yams; its description is the resolved name.
            switch Tag.Name(rawValue: node.tag.description) {
            case .null: return .null
            case .bool: return node.bool.map(Value.bool) ?? .string(scalar.string)
            case .int: return node.int.map(Value.int) ?? .string(scalar.string)
            case .float: return node.float.map(Value.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var object = Object()
            for (key, value) in mapping {
                let name = key.string ?? ""
                let keyPath = path + [name]
                tree.positions[keyPath] = position(key: key, value: value, keyLength: length(of: key))
                object[name] = convert(value, path: keyPath, into: &tree)
            }
            return .object(object)
        case .sequence(let sequence):
            var items: [Value] = []
            for (index, item) in sequence.enumerated() {
                let itemPath = path + [String(index)]
                tree.positions[itemPath] = position(key: item, value: item, keyLength: 1)
                items.append(convert(item, path: itemPath, into: &tree))
            }
            return .array(items)
        case .alias:
            return .null
        }
    }

    private static func position(key: Node, value: Node, keyLength: Int) -> KeyPosition {
        let keyLine = key.mark?.line ?? 1
        let keyColumn = key.mark?.column ?? 1
        return KeyPosition(
            keyLine: keyLine, keyColumn: keyColumn, keyLength: keyLength,
            valueLine: value.mark?.line ?? keyLine, valueColumn: value.mark?.column ?? keyColumn)
    }

    private static func length(of key: Node) -> Int {
        guard case .scalar(let scalar) = key else { return 1 }
        let quotes = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 2 : 0
        return max(scalar.string.unicodeScalars.count + quotes, 1)
    }

    /// Yams reports a duplicate key at its first occurrence; the mistake is the
    /// repetition, so look for the next line that starts with the key at the same column.
    private static func repeatedKey(_ key: String, after mark: Mark, in source: SourceText) -> (Int, Int) {
        var line = mark.line + 1
        while let text = source.lineText(line) {
            let scalars = Array(text.unicodeScalars)
            let indent = mark.column - 1
            if scalars.count > indent, scalars[..<indent].allSatisfy({ $0 == " " }),
                String(String.UnicodeScalarView(scalars[indent...])).hasPrefix(key + ":")
            {
                return (line, mark.column)
            }
            line += 1
        }
        return (mark.line, mark.column)
    }

    private static func diagnostic(for error: YamlError, source: SourceText) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var notes: [String] = []
            if let context {
                notes.append(context.text + " at line " + String(context.mark.line + source.lineOffset))
            }
            // libyaml reports "end of input" problems one line past the text; point at
            // the end of the last line instead, which the excerpt can show.
            var (line, column) = (mark.line, mark.column)
            if source.lineText(line) == nil, line > 1, let last = source.lineText(line - 1) {
                (line, column) = (line - 1, last.unicodeScalars.count + 1)
            }
            return .invalidYAML(
                problem, at: source.location(line: line, column: column),
                sourceLine: source.lineText(line), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let (line, column) = repeatedKey(key, after: context.mark, in: source)
            return .duplicateKey(key, at: source.location(line: line, column: column), sourceLine: source.lineText(line))
        case .reader(let problem, _, _, _):
            return .invalidYAML(problem, at: source.location(line: 1, column: 1), sourceLine: source.lineText(1))
        default:
            return .invalidYAML(
                String(describing: error), at: source.location(line: 1, column: 1), sourceLine: source.lineText(1))
        }
    }
}

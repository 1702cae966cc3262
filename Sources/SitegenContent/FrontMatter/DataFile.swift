import SitegenHTML

/// A TOML or YAML file read into a ``Value``: `sitegen.toml`, `data/*.toml`,
/// `data/*.yaml`, a theme manifest.
///
/// Besides the value it remembers where each key was written, so the build can point
/// at a bad config key with the same excerpt front-matter errors get.
///
/// ```swift
/// let config = DataFile(parsing: text, format: .toml, file: "sitegen.toml")
/// if let place = config.place(ofKey: ["titel"]) {
///     Diagnostic(.error, "unknown config key 'titel'", at: place.location,
///                sourceLine: place.sourceLine, length: place.length)
/// }
/// ```
public struct DataFile: Sendable {
    /// The file's contents: a table, or for YAML possibly a list; an empty table when
    /// the file could not be parsed.
    public var value: Value
    /// The syntax error, if any (parsing stops at the first).
    public var diagnostics: [Diagnostic]
    private let tree: LocatedTree
    private let source: SourceText

    /// Where something was written: what a diagnostic's `at:`, `sourceLine:` and `length:` take.
    public struct Place: Equatable, Sendable {
        /// File, line and column (in Unicode scalars).
        public var location: SourceLocation
        /// The text of that line, for the excerpt.
        public var sourceLine: String?
        /// Columns the key or value spans, for the caret underline.
        public var length: Int
    }

    /// Parses a whole file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - format: TOML or YAML.
    ///   - file: The path diagnostics name.
    public init(parsing text: String, format: DataFormat, file: String) {
        let source = SourceText(file: file, text: text, lineOffset: 0)
        self.source = source
        do {
            tree = try Self.read(text, format: format, source: source)
            diagnostics = []
        } catch {
            tree = LocatedTree(value: .object(Object()))
            diagnostics = [error.diagnostic]
        }
        value = tree.value
    }

    /// Where the key at `path` (`["extra", "author"]`, list items by index) was written.
    public func place(ofKey path: [String]) -> Place? {
        guard let position = tree.positions[path] else { return nil }
        return Place(
            location: source.location(line: position.keyLine, column: position.keyColumn),
            sourceLine: source.lineText(position.keyLine), length: position.keyLength)
    }

    /// Where the value at `path` starts (or its nearest recorded parent's value).
    public func place(ofValue path: [String]) -> Place? {
        guard let position = tree.position(of: path) else { return nil }
        return Place(
            location: source.location(line: position.valueLine, column: position.valueColumn),
            sourceLine: source.lineText(position.valueLine),
            length: source.tokenLength(line: position.valueLine, column: position.valueColumn))
    }

    static func read(_ text: String, format: DataFormat, source: SourceText) throws(DiagnosticError) -> LocatedTree {
        switch format {
        case .yaml: return try YAMLReader.read(text, source: source, requireMapping: false)
        case .toml: return try TOMLReader.read(text, source: source)
        }
    }
}

/// An error carrying a ready-made diagnostic, for parsers that stop at the first problem.
struct DiagnosticError: Error {
    let diagnostic: Diagnostic
}

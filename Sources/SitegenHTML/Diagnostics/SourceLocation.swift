/// A position in a source file that a site author wrote: 1-based line and column.
///
/// Columns count Unicode scalars, as editors show them for most text.
public struct SourceLocation: Equatable, Hashable, Sendable {
    /// The file, relative to the site root where possible (`themes/default/templates/page.html`).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and CI jump to.
    public var description: String { file + ":" + String(line) + ":" + String(column) }
}

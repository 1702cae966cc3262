/// Maps positions in Markdown whose shortcodes were replaced by placeholders back to
/// the content file, so links in it are still reported at the place the author wrote.
public struct SourceMap: Sendable {
    /// (offset in the assembled text, offset in the original), at the start of each piece.
    private var anchors: [(assembled: Int, original: Int)] = []
    private var assembledLineStarts: [Int] = [0]
    private let original: ShortcodeDocument

    init(original: ShortcodeDocument) {
        self.original = original
    }

    mutating func add(at assembled: Int, original: Int) {
        anchors.append((assembled, original))
    }

    mutating func finish(_ text: String) {
        for (i, c) in text.unicodeScalars.enumerated() where c == "\n" { assembledLineStarts.append(i + 1) }
    }

    /// The 1-based line (in the original text, without its line offset) and scalar column
    /// of a 1-based line and column in the assembled text.
    public func original(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= assembledLineStarts.count else { return (line, column) }
        let offset = assembledLineStarts[line - 1] + column - 1
        var anchor = (assembled: 0, original: 0)
        for a in anchors where a.assembled <= offset { anchor = a }
        return original.position(of: min(original.scalars.count, anchor.original + offset - anchor.assembled))
    }
}

import CCmarkGFM

/// Collects link and image destinations with their positions, and rewrites them
/// through the caller's closure (`../other.md` → `/other/`).
struct LinkRewriting {
    /// The Markdown, split into lines (bytes, at LF as cmark counts them) only when a
    /// link needs a column: pages without links never pay for it.
    private let markdown: String
    private let lineOffset: Int
    /// For Markdown whose shortcodes became placeholders: back to the author's positions.
    private let map: SourceMap?

    init(markdown: String, lineOffset: Int, map: SourceMap? = nil) {
        self.markdown = markdown
        self.lineOffset = lineOffset
        self.map = map
    }

    /// Visits every link and image under `root` in document order.
    func apply(to root: CMarkNode, rewrite: ((String, Int, Int) -> String?)?) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        var lines: LineIndex?
        for node in root.descendants where node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE {
            let destination = node.url
            let placed = positioned(node)
            var line = placed.startLine
            if lines == nil { lines = LineIndex(markdown) }
            var column = lines?.scalarColumn(line: line, byteColumn: placed.startColumn) ?? placed.startColumn
            if let map { (line, column) = map.original(line: line, column: column) }
            let link = MarkdownLink(
                destination: destination, line: line + lineOffset, column: column, isImage: node.type == CMARK_NODE_IMAGE)
            links.append(link)
            if let rewrite, let replacement = rewrite(destination, link.line, link.column) {
                node.url = replacement
            }
        }
        return links
    }

    /// The node itself, or for links cmark-gfm's autolink extension made without a
    /// position (bare `https://…`), the nearest ancestor that has one.
    private func positioned(_ node: CMarkNode) -> CMarkNode {
        var current = node
        while current.startLine == 0, let parent = current.parent { current = parent }
        return current
    }
}

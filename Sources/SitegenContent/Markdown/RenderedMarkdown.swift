import SitegenHTML

/// What rendering a page's Markdown produces: the HTML and what templates read beside it.
public struct RenderedMarkdown: Equatable, Sendable {
    /// The page's HTML, headings carrying their ids.
    public var html: String
    /// The HTML before `<!-- more -->` when the page has the marker, otherwise its first
    /// paragraph; `nil` when the page has neither.
    public var summaryHTML: String?
    /// Whether the summary came from a `<!-- more -->` marker (so "read more" links make sense).
    public var hasMoreMarker: Bool
    /// The page's headings as a tree.
    public var toc: [TOCEntry]
    /// Words of prose: text and inline code; code blocks and raw HTML are not counted.
    public var wordCount: Int
    /// Minutes to read at 200 words a minute, rounded up, at least 1.
    public var readingTime: Int
    /// Every link and image destination as written, in document order.
    public var links: [MarkdownLink]

    /// Creates a result; the renderer is the usual source of these.
    public init(
        html: String, summaryHTML: String?, hasMoreMarker: Bool, toc: [TOCEntry],
        wordCount: Int, readingTime: Int, links: [MarkdownLink]
    ) {
        self.html = html
        self.summaryHTML = summaryHTML
        self.hasMoreMarker = hasMoreMarker
        self.toc = toc
        self.wordCount = wordCount
        self.readingTime = readingTime
        self.links = links
    }

    /// The table of contents as templates see it: a list of `{level, id, title, children}`.
    public var tocValue: Value { .array(toc.map(\.value)) }
}

/// A link or image destination as the author wrote it, and where.
public struct MarkdownLink: Equatable, Hashable, Sendable {
    /// The destination before any rewriting (`../other.md`, `https://…`, `#id`).
    public var destination: String
    /// 1-based line, in the file when ``MarkdownOptions/lineOffset`` was set.
    public var line: Int
    /// 1-based column in Unicode scalars, pointing at the link's `[` or `!`.
    public var column: Int
    /// Whether this is an image (`![alt](src)`) rather than a link.
    public var isImage: Bool

    /// Creates a link record.
    public init(destination: String, line: Int, column: Int, isImage: Bool = false) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

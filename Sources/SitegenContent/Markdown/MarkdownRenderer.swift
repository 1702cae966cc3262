import CCmarkGFM

/// Renders Markdown (CommonMark with GitHub's extensions) to HTML with cmark-gfm.
///
/// Tables, strikethrough, autolinks, task lists, footnotes and the tag filter are on;
/// fenced code is highlighted (see ``MarkdownOptions/highlightCode``).
/// Before rendering, the document is walked once to give every heading a unique id,
/// build the table of contents, count words, find the summary and rewrite links.
/// Any input renders; Markdown has no syntax errors.
///
/// ```swift
/// let renderer = MarkdownRenderer(options: MarkdownOptions(lineOffset: 4))
/// let page = renderer.render("## Hello\n\nSee [the guide](../guide.md).") { destination, line, column in
///     destination.hasSuffix(".md") ? "/guide/" : nil
/// }
/// page.html        // "<h2 id=\"hello\">Hello</h2>\n<p>See <a href=\"/guide/\">the guide</a>.</p>\n"
/// page.toc[0].id   // "hello"
/// ```
public struct MarkdownRenderer: Sendable {
    /// The options every render uses.
    public var options: MarkdownOptions

    /// Creates a renderer.
    ///
    /// - Parameter options: Smart punctuation, raw HTML and the line offset of links.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders a page's Markdown body.
    ///
    /// - Parameters:
    ///   - markdown: The body, without front matter.
    ///   - rewriteLink: Called for every link and image destination with its line (plus
    ///     ``MarkdownOptions/lineOffset``) and column; return the destination to write
    ///     instead, or `nil` to keep it. This is where the build turns `../other.md`
    ///     into a permalink and reports a broken link at its place.
    /// - Returns: The HTML with summary, table of contents, word count and links.
    ///   - shortcodes: The HTML of the shortcodes whose placeholders `markdown` holds.
    public func render(
        _ markdown: String, shortcodes: ShortcodeOutput? = nil,
        rewriteLink: ((_ destination: String, _ line: Int, _ column: Int) -> String?)? = nil
    ) -> RenderedMarkdown {
        let document = CMarkDocument(
            parsing: markdown, smartPunctuation: options.smartPunctuation, unsafeHTML: options.unsafeHTML)
        let root = document.root

        let moreAnchor = MoreMarker.replaceFirst(in: root)
        if !options.unsafeHTML { RawHTML.escape(in: root) }
        if options.highlightCode { CodeHighlighting.apply(in: root) }
        let links = LinkRewriting(markdown: markdown, lineOffset: options.lineOffset, map: shortcodes?.map)
            .apply(to: root, rewrite: rewriteLink)
        shortcodes?.apply(in: root)
        let words = WordCount.count(in: root)
        var ids = HeadingIDs(reserving: reservedIDs(in: document, hasMoreMarker: moreAnchor != nil))
        let headings = ids.assign(in: root)

        return RenderedMarkdown(
            html: document.html(),
            summaryHTML: summary(of: document, before: moreAnchor),
            hasMoreMarker: moreAnchor != nil,
            toc: TOCEntry.tree(from: headings),
            wordCount: words,
            readingTime: WordCount.readingTime(words: words),
            links: links)
    }

    /// Renders the body of a shortcode (`{{< note >}}…{{< /note >}}`): links are rewritten
    /// and reported as in ``render(_:shortcodes:rewriteLink:)``, and a lone paragraph loses
    /// its `<p>` (as Hugo's `markdownify` does), so a short body can sit inline.
    ///
    /// - Parameters:
    ///   - markdown: The body, its own shortcodes replaced by placeholders.
    ///   - shortcodes: Their HTML and the map back to the content file.
    ///   - rewriteLink: As for ``render(_:shortcodes:rewriteLink:)``.
    /// - Returns: The HTML (without a trailing newline) and the links found.
    public func renderFragment(
        _ markdown: String, shortcodes: ShortcodeOutput? = nil,
        rewriteLink: ((_ destination: String, _ line: Int, _ column: Int) -> String?)? = nil
    ) -> (html: String, links: [MarkdownLink]) {
        let document = CMarkDocument(
            parsing: markdown, smartPunctuation: options.smartPunctuation, unsafeHTML: options.unsafeHTML)
        let root = document.root
        if !options.unsafeHTML { RawHTML.escape(in: root) }
        if options.highlightCode { CodeHighlighting.apply(in: root) }
        let links = LinkRewriting(markdown: markdown, lineOffset: options.lineOffset, map: shortcodes?.map)
            .apply(to: root, rewrite: rewriteLink)
        shortcodes?.apply(in: root)
        let blocks = root.children
        if blocks.count == 1, blocks[0].type == CMARK_NODE_PARAGRAPH {
            return (blocks[0].children.map { document.html(of: $0) }.joined(), links)
        }
        var html = document.html()
        while html.last == "\n" { html.removeLast() }
        return (html, links)
    }

    /// Renders a short snippet (a description, a title with `*emphasis*`) without the
    /// `<p>` a lone paragraph would get; anything longer renders as blocks.
    ///
    /// - Parameter markdown: The snippet.
    /// - Returns: Its HTML, without a trailing newline.
    public func renderInline(_ markdown: String) -> String {
        let document = CMarkDocument(
            parsing: markdown, smartPunctuation: options.smartPunctuation, unsafeHTML: options.unsafeHTML)
        if !options.unsafeHTML { RawHTML.escape(in: document.root) }
        if options.highlightCode { CodeHighlighting.apply(in: document.root) }
        let blocks = document.root.children
        if blocks.count == 1, blocks[0].type == CMARK_NODE_PARAGRAPH {
            return blocks[0].children.map { document.html(of: $0) }.joined()
        }
        var html = document.html()
        while html.last == "\n" { html.removeLast() }
        return html
    }

    /// The HTML of the top-level blocks before the marker, or else of the first paragraph.
    private func summary(of document: CMarkDocument, before marker: CMarkNode?) -> String? {
        let blocks = document.root.children
        guard let marker else {
            return blocks.first { $0.type == CMARK_NODE_PARAGRAPH }.map { document.html(of: $0) }
        }
        // Rendered block by block rather than by cutting the tree, because footnote
        // references in the summary still point at definitions after the marker.
        var html = ""
        for block in blocks {
            if block.pointer == marker.pointer { break }
            html += document.html(of: block)
        }
        return html
    }

    /// Ids that headings must not take: footnotes' and the "read more" anchor.
    private func reservedIDs(in document: CMarkDocument, hasMoreMarker: Bool) -> Set<String> {
        var ids: Set<String> = hasMoreMarker ? [MoreMarker.anchorID] : []
        for node in document.root.children where node.type == CMARK_NODE_FOOTNOTE_DEFINITION {
            // cmark-gfm's API does not hand out a definition's label, so it is read back
            // from the rendered `<li id="fn-LABEL">`.
            let html = document.html(of: node)
            guard let start = html.firstRange(of: "id=\"fn-") else { continue }
            let label = html[start.upperBound...].prefix { $0 != "\"" }
            ids.insert("fn-" + label)
            ids.insert("fnref-" + label)
        }
        return ids
    }
}

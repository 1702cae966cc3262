import SitegenHTML

/// A content file (`content/posts/hello.md`) split into validated front matter and
/// its Markdown body.
///
/// Problems never throw: each is a located ``Diagnostic`` in ``diagnostics``, with
/// lines and columns in the `.md` file, and the fields that could be read are set.
///
/// ```swift
/// let file = ContentFile(parsing: text, file: "content/posts/hello.md", taxonomies: ["series"])
/// let page = MarkdownRenderer(options: MarkdownOptions(lineOffset: file.bodyLineOffset))
///     .render(file.body)
/// ```
public struct ContentFile: Sendable {
    /// How the front matter was written; `nil` when the file has none.
    public var format: DataFormat?
    /// The validated front matter; all defaults when the file has none.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// File lines before the body; pass it as ``MarkdownOptions/lineOffset``.
    public var bodyLineOffset: Int
    /// Errors found in the front matter, in file order.
    public var diagnostics: [Diagnostic]

    /// Splits and validates a content file.
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - file: The path diagnostics name, relative to the site root.
    ///   - taxonomies: Taxonomy names from the site config; `tags` and `categories`
    ///     are always known.
    public init(parsing text: String, file: String, taxonomies: [String] = []) {
        var known = FrontMatter.defaultTaxonomies
        for name in taxonomies where !known.contains(name) { known.append(name) }
        switch FrontMatterSplit.split(text) {
        case .failure(.unterminated(let format)):
            let firstLine = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.first
            self.init(
                format: format, frontMatter: FrontMatter(), body: text, bodyLineOffset: 0,
                diagnostics: [.unterminatedFrontMatter(format, file: file, sourceLine: firstLine.map(String.init))])
        case .success(let split):
            guard let format = split.format else {
                self.init(format: nil, frontMatter: FrontMatter(), body: split.body, bodyLineOffset: 0, diagnostics: [])
                return
            }
            let source = SourceText(file: file, text: split.frontMatter, lineOffset: split.frontMatterLine - 1)
            do {
                let tree = switch format {
                case .yaml: try YAMLReader.read(split.frontMatter, source: source, requireMapping: true)
                case .toml: try TOMLReader.read(split.frontMatter, source: source)
                }
                var validator = FrontMatterValidator(tree: tree, source: source, taxonomies: known)
                let frontMatter = validator.validate()
                self.init(
                    format: format, frontMatter: frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset,
                    diagnostics: validator.diagnostics.sorted(by: Diagnostic.fileOrder))
            } catch {
                self.init(
                    format: format, frontMatter: FrontMatter(), body: split.body,
                    bodyLineOffset: split.bodyLineOffset, diagnostics: [error.diagnostic])
            }
        }
    }

    private init(
        format: DataFormat?, frontMatter: FrontMatter, body: String, bodyLineOffset: Int, diagnostics: [Diagnostic]
    ) {
        self.format = format
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.diagnostics = diagnostics
    }
}

import SitegenHTML

/// The validated front matter of a page or section: the fields Zola knows, plus `extra`.
///
/// Keys are Zola's (`publish_date`, `expiry_date`), written in YAML between `---`
/// lines or in TOML between `+++` lines. Dates keep the ISO 8601 form, normalised by
/// ``ISODate`` (`2024-05-01`, `2024-05-01T10:00:00Z`). Taxonomy terms may be given as
/// top-level keys (`tags: [swift]`) or under `taxonomies`.
///
/// ```yaml
/// ---
/// title: Hello
/// date: 2024-05-01
/// tags: [swift, wasm]
/// extra:
///   hero: hello.jpg
/// ---
/// ```
public struct FrontMatter: Equatable, Sendable {
    /// The page title.
    public var title: String?
    /// A short description, for `<meta name="description">` and feeds.
    public var description: String?
    /// When the page was written, as normalised ISO 8601.
    public var date: String?
    /// When the page was last changed, as normalised ISO 8601.
    public var updated: String?
    /// Drafts are built only when the build is asked to include them.
    public var draft: Bool
    /// Not published before this date (ISO 8601).
    public var publishDate: String?
    /// Not published after this date (ISO 8601).
    public var expiryDate: String?
    /// Replaces the slug taken from the file name.
    public var slug: String?
    /// Old paths that should redirect to this page.
    public var aliases: [String]
    /// Terms per taxonomy name (`["tags": ["swift", "wasm"]]`), each list in the order written.
    public var taxonomies: [String: [String]]
    /// Orders pages in a section sorted by weight.
    public var weight: Int?
    /// The layout to render with instead of `page.html` or `section.html`.
    public var layout: String?
    /// Zola's name for ``layout``; kept apart so the build can prefer one and warn.
    public var template: String?
    /// A summary to use instead of the one taken from the Markdown.
    public var summary: String?
    /// Anything else the author wants templates to see, as `page.extra`.
    public var extra: Object

    /// Front matter with every field unset.
    public init(
        title: String? = nil, description: String? = nil, date: String? = nil, updated: String? = nil,
        draft: Bool = false, publishDate: String? = nil, expiryDate: String? = nil, slug: String? = nil,
        aliases: [String] = [], taxonomies: [String: [String]] = [:], weight: Int? = nil,
        layout: String? = nil, template: String? = nil, summary: String? = nil, extra: Object = Object()
    ) {
        self.title = title
        self.description = description
        self.date = date
        self.updated = updated
        self.draft = draft
        self.publishDate = publishDate
        self.expiryDate = expiryDate
        self.slug = slug
        self.aliases = aliases
        self.taxonomies = taxonomies
        self.weight = weight
        self.layout = layout
        self.template = template
        self.summary = summary
        self.extra = extra
    }

    /// The taxonomies every site has, whether or not its config names them.
    public static let defaultTaxonomies = ["tags", "categories"]

    /// The keys front matter may have besides taxonomy names, in the order error
    /// messages list them.
    static let knownKeys = [
        "title", "description", "date", "updated", "draft", "publish_date", "expiry_date", "slug",
        "aliases", "weight", "layout", "template", "summary", "taxonomies", "extra",
    ]
}

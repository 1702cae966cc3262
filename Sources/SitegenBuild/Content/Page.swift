import SitegenContent
import SitegenHTML

/// A content page (`content/posts/hello.md` or a bundle `content/posts/trip/index.md`).
public struct Page: Sendable {
    /// The source path relative to the site root (`content/posts/hello.md`), used in diagnostics.
    public var file: String
    /// The path relative to `content/` (`posts/hello.md`), what `url()` and links name.
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyLineOffset: Int
    /// The URL path, with leading and trailing slash (`/posts/hello/`).
    public var path: String
    public var slug: String
    /// The owning section's key (`posts`; `""` for the root section).
    public var section: String
    /// Files of a page bundle, relative to the bundle folder.
    public var assets: [String] = []
    /// The folder of a bundle, relative to the site root; nil for a single-file page.
    public var bundleDirectory: String?
    public var date: DateValue?
    public var rendered: RenderedMarkdown?
    /// Index into the section's sorted pages of the previous/next page.
    public var lower: Int?
    public var higher: Int?

    public var title: String { frontMatter.title ?? "" }
}

/// A section: a folder of `content/` with an `_index.md` (the root section always exists).
public struct Section: Sendable {
    /// `""` for the root, else the folder under `content/` (`posts`, `docs/guide`).
    public var key: String
    public var file: String?
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyLineOffset: Int
    public var path: String
    /// Indices into `Site.pages`, sorted as the section asks.
    public var pages: [Int] = []
    public var subsections: [String] = []
    public var rendered: RenderedMarkdown?

    public var title: String { frontMatter.title ?? "" }

    /// How pages are ordered: `date` (newest first, the default), `weight`, or `title`.
    public var sortBy: String { frontMatter.extra["sort_by"]?.stringValue ?? "date" }

    /// Pages per list page from `extra.paginate_by`, if set.
    public var paginateBy: Int? { frontMatter.extra["paginate_by"]?.intValue }
}

/// A taxonomy term and the pages that carry it.
public struct Term: Sendable {
    public var name: String
    public var slug: String
    public var pages: [Int]
}

import SitegenContent
import SitegenHTML

/// A content page (`content/posts/hello.md` or a bundle `content/posts/trip/index.md`).
///
/// A value with its fields in one shared, copy-on-write box: builds copy pages around
/// (lists, the previous build's site), and a copy is one retain instead of one per field.
public struct Page: Sendable {
    /// The source path relative to the site root (`content/posts/hello.md`), used in diagnostics.
    public var file: String {
        get { storage.file }
        set { unique().file = newValue }
    }
    /// The path relative to `content/` (`posts/hello.md`), what `url()` and links name.
    public var contentPath: String {
        get { storage.contentPath }
        set { unique().contentPath = newValue }
    }
    public var frontMatter: FrontMatter {
        get { storage.frontMatter }
        set { unique().frontMatter = newValue }
    }
    public var body: String {
        get { storage.body }
        set { unique().body = newValue }
    }
    public var bodyLineOffset: Int {
        get { storage.bodyLineOffset }
        set { unique().bodyLineOffset = newValue }
    }
    /// The URL path, with leading and trailing slash (`/posts/hello/`).
    public var path: String {
        get { storage.path }
        set { unique().path = newValue }
    }
    public var slug: String {
        get { storage.slug }
        set { unique().slug = newValue }
    }
    /// The owning section's key (`posts`; `""` for the root section).
    public var section: String {
        get { storage.section }
        set { unique().section = newValue }
    }
    /// Files of a page bundle, relative to the bundle folder.
    public var assets: [String] {
        get { storage.assets }
        set { unique().assets = newValue }
    }
    /// The folder of a bundle, relative to the site root; nil for a single-file page.
    public var bundleDirectory: String? {
        get { storage.bundleDirectory }
        set { unique().bundleDirectory = newValue }
    }
    public var date: DateValue? {
        get { storage.date }
        set { unique().date = newValue }
    }
    public var rendered: RenderedMarkdown? {
        get { storage.rendered }
        set { unique().rendered = newValue }
    }
    /// Index into the section's sorted pages of the previous/next page.
    public var lower: Int? {
        get { storage.lower }
        set { unique().lower = newValue }
    }
    public var higher: Int? {
        get { storage.higher }
        set { unique().higher = newValue }
    }

    public var title: String { frontMatter.title ?? "" }

    public init(file: String, contentPath: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int, path: String,
                slug: String, section: String, assets: [String] = [], bundleDirectory: String? = nil, date: DateValue? = nil,
                rendered: RenderedMarkdown? = nil, lower: Int? = nil, higher: Int? = nil) {
        storage = Storage(file: file, contentPath: contentPath, frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset,
                          path: path, slug: slug, section: section, assets: assets, bundleDirectory: bundleDirectory, date: date,
                          rendered: rendered, lower: lower, higher: higher)
    }

    private var storage: Storage

    /// The box, copied first when another page shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Mutated only through ``unique()``, so a box shared between threads is only read.
    private final class Storage: @unchecked Sendable {
        var file: String
        var contentPath: String
        var frontMatter: FrontMatter
        var body: String
        var bodyLineOffset: Int
        var path: String
        var slug: String
        var section: String
        var assets: [String]
        var bundleDirectory: String?
        var date: DateValue?
        var rendered: RenderedMarkdown?
        var lower: Int?
        var higher: Int?

        init(file: String, contentPath: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int, path: String,
             slug: String, section: String, assets: [String], bundleDirectory: String?, date: DateValue?,
             rendered: RenderedMarkdown?, lower: Int?, higher: Int?) {
            self.file = file
            self.contentPath = contentPath
            self.frontMatter = frontMatter
            self.body = body
            self.bodyLineOffset = bodyLineOffset
            self.path = path
            self.slug = slug
            self.section = section
            self.assets = assets
            self.bundleDirectory = bundleDirectory
            self.date = date
            self.rendered = rendered
            self.lower = lower
            self.higher = higher
        }

        func copy() -> Storage {
            Storage(file: file, contentPath: contentPath, frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset,
                    path: path, slug: slug, section: section, assets: assets, bundleDirectory: bundleDirectory, date: date,
                    rendered: rendered, lower: lower, higher: higher)
        }
    }
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

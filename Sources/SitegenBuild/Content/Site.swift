import SitegenContent
import SitegenHTML

/// Everything loaded from a site folder, before rendering.
public struct Site: Sendable {
    public var root: String
    public var config: SiteConfig
    public var pages: [Page] = []
    /// Sections by key; the root section has key `""`.
    public var sections: [String: Section] = [:]
    /// Terms per taxonomy name, sorted by name.
    public var taxonomies: [String: [Term]] = [:]
    /// `data/<name>.{toml,yaml,yml,json}` by name.
    public var data = Object()
    /// Static files: output path → source path (site `static/` over the theme's).
    public var staticFiles: [String: String] = [:]

    /// Files of `content/` outside page bundles that are not Markdown, relative to
    /// `content/` (`posts/diagram.png`); each is copied to the same path in the output.
    public var contentFiles: [String] = []
    /// Content path → URL path of every non-Markdown file of `content/`, bundle files
    /// included (`blog/trip/photo.png` → `/blog/trip/photo.png`), for links and `url()`.
    public var fileURLs: [String: String] = [:]

    /// Site-relative content path (`posts/hello.md`) → index into `pages`.
    public var pageIndex: [String: Int] = [:]

    /// Suspense boundaries written in Markdown (`{{< island >}}`), found while rendering it.
    var contentIslands: [ContentIsland] = []

    public func permalink(_ path: String) -> String { config.baseURLPrefix + path }
}

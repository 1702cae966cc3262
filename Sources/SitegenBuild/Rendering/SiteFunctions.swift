import SitegenHTML

/// The functions templates can call: `url`, `get_section`, `get_page`, `get_taxonomy`.
struct SiteFunctions: Sendable {
    let context: SiteContext
    let assets: StaticAssets
    /// What `get_section` returns, by key (``SiteRenderer/Lists/fullSections``).
    let fullSections: [String: Value]
    /// What `get_taxonomy` returns, by name (``SiteRenderer/Lists/taxonomies``).
    let taxonomies: [String: Value]

    /// The path component of `base_url` (`/blog` for `https://x.org/blog/`), so that
    /// root-relative URLs work wherever the site is mounted.
    var basePath: String { Self.basePath(of: context.site.config.baseURLPrefix) }

    static func basePath(of base: String) -> String {
        guard let scheme = base.range(of: "://") else { return base }
        let rest = base[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    /// `url("style.css")` → `/style.3f2a9c1b.css`; `url("posts/hello.md")` → `/posts/hello/`;
    /// `url("posts/diagram.png")` (a file of `content/`) → `/posts/diagram.png`.
    var url: TemplateFunction { Self.url(site: context.site, assets: assets) }

    /// `url` for templates rendered before the context exists (shortcodes).
    static func url(site: Site, assets: StaticAssets) -> TemplateFunction {
        let base = basePath(of: site.config.baseURLPrefix)
        @Sendable func url(_ args: Arguments) throws(TemplateError) -> Value {
            guard let raw = args.value(0, "path")?.stringValue else {
                throw TemplateError("url expects a path: url(\"style.css\") or url(\"posts/hello.md\")")
            }
            let path = raw.hasPrefix("@/") ? String(raw.dropFirst(2)) : raw
            if let asset = assets.url(path) { return .string(base + asset) }
            if let i = site.pageIndex[path] { return .string(base + site.pages[i].path) }
            if let file = site.fileURLs[path] { return .string(base + file) }
            if path.hasSuffix("_index.md"), let section = site.sections[ContentLoader.directory(of: path)] {
                return .string(base + section.path)
            }
            if path.hasSuffix(".md") {
                throw TemplateError("url(\"" + raw + "\"): no such content file",
                                    fix: "check the path under content/, e.g. url(\"posts/hello.md\")")
            }
            return .string(base + (path.hasPrefix("/") ? path : "/" + path))
        }
        return url
    }

    /// `get_section("posts")` or `get_section("posts/_index.md")`.
    var getSection: TemplateFunction {
        let context = self.context, fullSections = self.fullSections
        @Sendable func getSection(_ args: Arguments) throws(TemplateError) -> Value {
            var key = args.value(0, "path")?.stringValue ?? ""
            if key.hasSuffix("_index.md") { key = ContentLoader.directory(of: key) }
            if key.hasSuffix("/") { key.removeLast() }
            guard let value = fullSections[key] else {
                throw TemplateError("get_section(\"" + key + "\"): no such section",
                                    fix: Suggestion.nearest(to: key, in: Array(context.sections.keys)).map { "did you mean '" + $0 + "'?" })
            }
            return value
        }
        return getSection
    }

    /// `get_page("posts/hello.md")`.
    var getPage: TemplateFunction {
        let context = self.context
        @Sendable func getPage(_ args: Arguments) throws(TemplateError) -> Value {
            let path = args.value(0, "path")?.stringValue ?? ""
            guard let i = context.site.pageIndex[path.hasPrefix("@/") ? String(path.dropFirst(2)) : path] else {
                throw TemplateError("get_page(\"" + path + "\"): no such page",
                                    fix: Suggestion.nearest(to: path, in: Array(context.site.pageIndex.keys)).map { "did you mean '" + $0 + "'?" })
            }
            return context.pages[i]
        }
        return getPage
    }

    /// `get_taxonomy("tags")`: `{name, terms: [{name, slug, permalink, pages}]}`.
    /// The taxonomy's value as its `taxonomy.html` sees it (``SiteRenderer/Lists/taxonomies``):
    /// one value per build, shared by every call, so that pages calling it cost no copies
    /// and an incremental build compares what they recorded at once.
    var getTaxonomy: TemplateFunction {
        let taxonomies = self.taxonomies
        @Sendable func getTaxonomy(_ args: Arguments) throws(TemplateError) -> Value {
            let name = args.value(0, "kind")?.stringValue ?? ""
            guard let value = taxonomies[name] else {
                throw TemplateError("get_taxonomy(\"" + name + "\"): no such taxonomy", fix: "declare it in sitegen.toml: taxonomies = [{ name = \"" + name + "\" }]")
            }
            return value
        }
        return getTaxonomy
    }
}

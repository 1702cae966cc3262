import SitegenHTML

/// Atom and RSS 2.0 feeds, and the sitemap, written with libxml2.
enum Feeds {
    struct Entry: Equatable, Sendable {
        var title: String
        var permalink: String
        var date: DateValue?
        var updated: DateValue?
        var summary: String
        var content: String
    }

    /// The `limit` newest of the dated pages among `indices`, newest first.
    static func newest(_ indices: [Int], site: Site, limit: Int) -> [Int] {
        let dated = indices.compactMap { i in site.pages[i].date.map { (page: i, key: $0.rfc3339Sortable) } }
        return dated.sorted { $0.key > $1.key }.prefix(limit).map(\.page)
    }

    /// The entries of the pages `newest` (see ``newest(_:site:limit:)``).
    static func entries(newest: [Int], context: SiteContext) -> [Entry] {
        let site = context.site
        // Islands written in Markdown leave boundaries in the content; a feed shows their fallbacks.
        let hasIslands = !site.contentIslands.isEmpty
        func clean(_ html: String) -> String { hasIslands ? SuspenseMarkup.removingContentBoundaries(html) : html }
        return newest.map { i in
            let page = site.pages[i]
            return Entry(
                title: page.title, permalink: site.permalink(page.path), date: page.date,
                updated: page.frontMatter.updated.flatMap { DateValue(iso: $0) },
                summary: clean(page.rendered?.summaryHTML ?? page.frontMatter.description ?? ""),
                content: clean(page.rendered?.html ?? ""))
        }
    }

    /// An Atom 1.0 feed (RFC 4287).
    static func atom(title: String, feedURL: String, siteURL: String, language: String, entries: [Entry], fallbackDate: DateValue) -> [UInt8] {
        let w = XMLDocumentWriter()
        w.start("feed", namespace: "http://www.w3.org/2005/Atom")
        w.attribute("xml:lang", language)
        w.element("title", title)
        w.empty("link", attributes: [("href", feedURL), ("rel", "self"), ("type", "application/atom+xml")])
        w.empty("link", attributes: [("href", siteURL), ("rel", "alternate"), ("type", "text/html")])
        // The feed changed when its most recently changed entry did (RFC 4287 §4.2.15).
        let latest = entries.compactMap { $0.updated ?? $0.date }.max { $0.rfc3339Sortable < $1.rfc3339Sortable }
        w.element("updated", (latest ?? fallbackDate).rfc3339)
        w.element("id", feedURL)
        w.element("generator", "sitegen")
        for e in entries {
            w.start("entry")
            w.element("title", e.title)
            w.empty("link", attributes: [("href", e.permalink), ("rel", "alternate"), ("type", "text/html")])
            w.element("id", e.permalink)
            if let date = e.date { w.element("published", date.rfc3339) }
            w.element("updated", (e.updated ?? e.date ?? fallbackDate).rfc3339)
            if !e.summary.isEmpty { w.element("summary", e.summary, attributes: [("type", "html")]) }
            w.element("content", e.content, attributes: [("type", "html")])
            w.end()
        }
        w.end()
        return w.finish()
    }

    /// An RSS 2.0 feed.
    static func rss(title: String, feedURL: String, siteURL: String, description: String, language: String, entries: [Entry]) -> [UInt8] {
        let w = XMLDocumentWriter()
        w.start("rss")
        w.attribute("version", "2.0")
        w.attribute("xmlns:atom", "http://www.w3.org/2005/Atom")
        w.start("channel")
        w.element("title", title)
        w.element("link", siteURL)
        w.element("description", description.isEmpty ? title : description)
        w.element("language", language)
        w.element("generator", "sitegen")
        w.empty("atom:link", attributes: [("href", feedURL), ("rel", "self"), ("type", "application/rss+xml")])
        if let latest = entries.first?.date { w.element("lastBuildDate", latest.rfc822) }
        for e in entries {
            w.start("item")
            w.element("title", e.title)
            w.element("link", e.permalink)
            w.element("guid", e.permalink)
            if let date = e.date { w.element("pubDate", date.rfc822) }
            w.element("description", e.summary.isEmpty ? e.content : e.summary)
            w.end()
        }
        w.end()
        w.end()
        return w.finish()
    }

    /// `sitemap.xml` (sitemaps.org 0.9).
    static func sitemap(_ urls: [(String, DateValue?)]) -> [UInt8] {
        let w = XMLDocumentWriter()
        w.start("urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9")
        for (loc, lastmod) in urls {
            w.start("url")
            w.element("loc", loc)
            if let lastmod { w.element("lastmod", lastmod.formatted("%Y-%m-%d")) }
            w.end()
        }
        w.end()
        return w.finish()
    }
}

import SitegenContent
import SitegenHTML

/// Builds the `Value`s templates see (Zola's names: `page`, `section`, `paginator`,
/// `taxonomy`, `term`), once per page and section, shared by every list that shows them.
struct SiteContext: Sendable {
    let site: Site
    /// `page` objects with content, by page index.
    let pages: [Value]
    /// `section` objects (without `pages`, which depend on pagination), by key.
    let sections: [String: Object]

    /// - Parameter previous: the context of an earlier build of the same site. A page
    ///   whose inputs are the same keeps its value from it (not built again), and values
    ///   that come out equal are taken from it too, so they share storage and later
    ///   comparisons of whole lists (an incremental build's "did this page's input
    ///   change?") are quick.
    /// - Parameter replaced: with `previous`, the only pages that changed in a site whose
    ///   pages all kept their places (``ContentLoader/patch(_:loaded:changes:)``): every
    ///   other page and every section keeps its value as it is.
    init(site: Site, reusing previous: SiteContext? = nil, replaced: Set<Int>? = nil) {
        self.site = site
        // Page i's value: the previous one when it is the same.
        func value(_ i: Int) -> Value {
            if let previous, let j = previous.site.pageIndex[site.pages[i].contentPath],
               Self.sameValue(site.pages[i], site: site, as: previous.site.pages[j], in: previous.site) {
                return previous.pages[j]
            }
            let page = site.pages[i]
            var value = Self.pageValue(page, site: site)
            // lower/higher: small objects, so a page does not embed its neighbours' content.
            if case .object(var object) = value {
                object["lower"] = page.lower.map { Self.link(site.pages[$0], site: site) } ?? .null
                object["higher"] = page.higher.map { Self.link(site.pages[$0], site: site) } ?? .null
                value = .object(object)
            }
            if let previous, let j = previous.site.pageIndex[page.contentPath], previous.pages[j] == value { return previous.pages[j] }
            return value
        }
        // A patched site: the previous values, but the replaced pages'.
        if let replaced, previous?.pages.count == site.pages.count {
            var pages = previous!.pages
            for i in replaced { pages[i] = value(i) }
            self.pages = pages
            self.sections = previous!.sections
            return
        }
        var pages: [Value] = []
        pages.reserveCapacity(site.pages.count)
        for i in site.pages.indices { pages.append(value(i)) }  // by index: a Page is large, and a copy retains each of its fields
        var sections: [String: Object] = [:]
        for (key, section) in site.sections { sections[key] = Self.sectionValue(section, site: site) }
        if let previous {
            for (key, object) in sections where previous.sections[key] == object { sections[key] = previous.sections[key] }
        }
        self.pages = pages
        self.sections = sections
    }

    /// Whether `page` has the same `page` value as `old` had in `oldSite`: the same
    /// front matter, rendered Markdown, place, and neighbours' links (same configuration).
    static func sameValue(_ page: Page, site: Site, as old: Page, in oldSite: Site) -> Bool {
        func sameLink(_ a: Int?, _ b: Int?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let a?, let b?):
                return site.pages[a].path == oldSite.pages[b].path && site.pages[a].title == oldSite.pages[b].title
                    && site.pages[a].frontMatter.date == oldSite.pages[b].frontMatter.date
            default: return false
            }
        }
        return page.path == old.path && page.slug == old.slug && page.section == old.section && page.assets == old.assets
            && page.rendered == old.rendered && page.frontMatter == old.frontMatter
            && sameLink(page.lower, old.lower) && sameLink(page.higher, old.higher)
    }

    static func link(_ page: Page, site: Site) -> Value {
        ["title": .string(page.title), "permalink": .string(site.permalink(page.path)), "path": .string(page.path),
         "date": page.frontMatter.date.map { .string($0) } ?? .null]
    }

    static func pageValue(_ page: Page, site: Site) -> Value {
        let fm = page.frontMatter
        var o = Object()
        o["title"] = .string(page.title)
        o["description"] = fm.description.map { .string($0) } ?? .null
        o["content"] = .html(page.rendered?.html ?? "")
        o["summary"] = fm.summary.map { .string($0) } ?? page.rendered?.summaryHTML.map { .html($0) } ?? .null
        o["date"] = fm.date.map { .string($0) } ?? .null
        o["updated"] = fm.updated.map { .string($0) } ?? .null
        o["permalink"] = .string(site.permalink(page.path))
        o["path"] = .string(page.path)
        o["slug"] = .string(page.slug)
        o["draft"] = .bool(fm.draft)
        o["weight"] = fm.weight.map { .int($0) } ?? .null
        var taxonomies = Object()
        for name in fm.taxonomies.keys.sorted() { taxonomies[name] = .array((fm.taxonomies[name] ?? []).map { .string($0) }) }
        o["taxonomies"] = .object(taxonomies)
        o["toc"] = page.rendered?.tocValue ?? .array([])
        o["word_count"] = .int(page.rendered?.wordCount ?? 0)
        o["reading_time"] = .int(page.rendered?.readingTime ?? 0)
        o["extra"] = .object(fm.extra)
        o["assets"] = .array(page.assets.map { .string(page.path + $0) })
        o["section"] = .string(page.section)
        return .object(o)
    }

    static func sectionValue(_ section: Section, site: Site) -> Object {
        var o = Object()
        o["title"] = .string(section.title)
        o["description"] = section.frontMatter.description.map { .string($0) } ?? .null
        o["content"] = .html(section.rendered?.html ?? "")
        o["permalink"] = .string(site.permalink(section.path))
        o["path"] = .string(section.path)
        o["extra"] = .object(section.frontMatter.extra)
        o["toc"] = section.rendered?.tocValue ?? .array([])
        o["subsections"] = .array(section.subsections.compactMap { key in
            guard let sub = site.sections[key] else { return nil }
            return ["title": .string(sub.title), "permalink": .string(site.permalink(sub.path)),
                    "path": .string(sub.path), "pages": .int(sub.pages.count)]
        })
        return o
    }

}

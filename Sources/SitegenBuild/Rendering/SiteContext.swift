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

    init(site: Site) {
        self.site = site
        var pages: [Value] = []
        pages.reserveCapacity(site.pages.count)
        for page in site.pages { pages.append(Self.pageValue(page, site: site)) }
        // lower/higher: small objects, so a page does not embed its neighbours' content.
        for (i, page) in site.pages.enumerated() {
            guard case .object(var object) = pages[i] else { continue }
            object["lower"] = page.lower.map { Self.link(site.pages[$0], site: site) } ?? .null
            object["higher"] = page.higher.map { Self.link(site.pages[$0], site: site) } ?? .null
            pages[i] = .object(object)
        }
        self.pages = pages
        var sections: [String: Object] = [:]
        for (key, section) in site.sections { sections[key] = Self.sectionValue(section, site: site) }
        self.sections = sections
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

    /// The `section` object with all its pages (what `get_section` returns).
    func fullSection(_ key: String) -> Value? {
        guard var object = sections[key], let section = site.sections[key] else { return nil }
        object["pages"] = .array(section.pages.map { pages[$0] })
        return .object(object)
    }
}

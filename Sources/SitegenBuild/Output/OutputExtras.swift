import SitegenHTML

/// Step "Write feeds and sitemap": Atom and RSS feeds (site, sections, terms),
/// `sitemap.xml`, `robots.txt` and alias redirect pages.
struct OutputExtras {
    let context: SiteContext
    let output: OutputDirectory
    let now: DateValue
    /// What the previous build wrote (incremental preview builds): a feed or sitemap
    /// made of the same is left as it is, not written again.
    var previous: Written?
    /// The pages an incremental build replaced in the patched site: every page kept its
    /// date and place since `previous`, so the feeds list the same pages in the same
    /// order, and a feed or sitemap entry without a replaced page is the same as before.
    var replacedPages: Set<Int>?

    /// What a feed folder's `atom.xml` and `rss.xml` are made of.
    struct Feed: Equatable, Sendable {
        var title: String
        /// The pages listed, newest first.
        var pages: [Int]
        var entries: [Feeds.Entry]
    }

    /// A `<url>` of the sitemap.
    struct SitemapURL: Equatable, Sendable {
        var location: String
        var modified: DateValue?
    }

    /// What was written: the feeds by folder (`""`, `posts/`, `tags/swift/`), and the
    /// sitemap's URLs in the order of the jobs.
    struct Written: Sendable {
        var feeds: [String: Feed] = [:]
        var sitemap: [SitemapURL] = []
    }

    /// The redirect files of the pages' `aliases`, with the index of the page each one
    /// sends to.
    static func aliasFiles(of site: Site) -> [(file: String, page: Int)] {
        var files: [(String, Int)] = []
        for i in site.pages.indices {
            for alias in site.pages[i].frontMatter.aliases {
                let clean = LinkResolver.normalize(alias)
                guard !clean.isEmpty else { continue }
                files.append((clean + (clean.hasSuffix(".html") ? "" : "/index.html"), i))
            }
        }
        return files
    }

    /// Writes everything; returns what the feeds and the sitemap were made of.
    @discardableResult
    func write(jobs: [RenderJob]) -> Written {
        var feeds: [String: Feed] = [:]
        let site = context.site
        let config = site.config
        let allPages = Array(site.pages.indices)
        func feed(_ directory: String, _ title: String, _ pages: [Int]) {
            feeds[directory] = writeFeeds(directory: directory, title: title, pages: pages)
        }
        feed("", config.title, allPages)
        for key in site.sections.keys.sorted() where !key.isEmpty {
            let section = site.sections[key]!
            if !section.pages.isEmpty { feed(key + "/", config.title + " – " + section.title, section.pages) }
        }
        for taxonomy in config.taxonomies where taxonomy.feed {
            for term in site.taxonomies[taxonomy.name] ?? [] {
                feed(taxonomy.name + "/" + term.slug + "/", config.title + " – " + term.name, term.pages)
            }
        }
        func pageURL(_ i: Int) -> SitemapURL {
            SitemapURL(location: site.permalink(site.pages[i].path),
                       modified: site.pages[i].frontMatter.updated.flatMap { DateValue(iso: $0) } ?? site.pages[i].date)
        }
        var urls: [SitemapURL] = []
        if let replacedPages, let last = previous?.sitemap, last.count >= site.pages.count {
            // The same jobs: the pages' URLs first, in page order; only the replaced ones can differ.
            urls = last
            for i in replacedPages { urls[i] = pageURL(i) }
        } else {
            urls.reserveCapacity(jobs.count)
            for job in jobs {
                switch job.kind {
                case .notFound: continue
                case .page(let i): urls.append(pageURL(i))
                default: urls.append(SitemapURL(location: site.permalink(job.path), modified: nil))
                }
            }
        }
        if previous?.sitemap != urls || !output.keepPrevious(["sitemap.xml"]) {
            output.write("sitemap.xml", Feeds.sitemap(urls.sorted { $0.location < $1.location }.map { ($0.location, $0.modified) }))
        }
        output.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + site.permalink("/sitemap.xml") + "\n")
        for (file, i) in Self.aliasFiles(of: site) {
            output.write(file, redirect(to: site.permalink(site.pages[i].path)))
        }
        return Written(feeds: feeds, sitemap: urls)
    }

    func writeFeeds(directory: String, title: String, pages: [Int]) -> Feed {
        let site = context.site
        let config = site.config
        let last = previous?.feeds[directory]
        let files = (config.feeds.atom ? [directory + "atom.xml"] : []) + (config.feeds.rss ? [directory + "rss.xml"] : [])
        if let replacedPages, let last, !last.pages.contains(where: replacedPages.contains), output.keepPrevious(files) { return last }
        let newest = replacedPages != nil && last != nil ? last!.pages : Feeds.newest(pages, site: site, limit: config.feeds.limit)
        let entries = Feeds.entries(newest: newest, context: context)
        let feed = Feed(title: title, pages: newest, entries: entries)
        if last == feed, output.keepPrevious(files) { return feed }
        let siteURL = site.permalink("/" + directory)
        if config.feeds.atom {
            output.write(directory + "atom.xml", Feeds.atom(
                title: title, feedURL: site.permalink("/" + directory + "atom.xml"), siteURL: siteURL,
                language: config.language, entries: entries, fallbackDate: now))
        }
        if config.feeds.rss {
            output.write(directory + "rss.xml", Feeds.rss(
                title: title, feedURL: site.permalink("/" + directory + "rss.xml"), siteURL: siteURL,
                description: config.description, language: config.language, entries: entries))
        }
        return feed
    }

    func redirect(to url: String) -> String {
        let u = HTMLEscaping.escape(url)
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redirecting…</title>"
            + "<link rel=\"canonical\" href=\"" + u + "\"><meta http-equiv=\"refresh\" content=\"0; url=" + u + "\"></head>"
            + "<body><p>This page has moved to <a href=\"" + u + "\">" + u + "</a>.</p></body></html>\n"
    }
}

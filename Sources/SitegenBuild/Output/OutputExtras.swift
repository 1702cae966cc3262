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
    /// Every page kept its date and place since `previous` (an incremental build that
    /// patched the site): the feeds list the same pages, in the same order.
    var pagesKeptTheirPlaces = false

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
        var urls: [SitemapURL] = []
        urls.reserveCapacity(jobs.count)
        for job in jobs {
            switch job.kind {
            case .notFound: continue
            case .page(let i):
                urls.append(SitemapURL(location: site.permalink(job.path),
                                       modified: site.pages[i].frontMatter.updated.flatMap { DateValue(iso: $0) } ?? site.pages[i].date))
            default:
                urls.append(SitemapURL(location: site.permalink(job.path), modified: nil))
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
        let newest = pagesKeptTheirPlaces && last != nil ? last!.pages : Feeds.newest(pages, site: site, limit: config.feeds.limit)
        let entries = Feeds.entries(newest: newest, context: context)
        let feed = Feed(title: title, pages: newest, entries: entries)
        let files = (config.feeds.atom ? [directory + "atom.xml"] : []) + (config.feeds.rss ? [directory + "rss.xml"] : [])
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

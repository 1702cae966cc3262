import SitegenHTML

/// Step "Write feeds and sitemap": Atom and RSS feeds (site, sections, terms),
/// `sitemap.xml`, `robots.txt` and alias redirect pages.
struct OutputExtras {
    let context: SiteContext
    let output: OutputDirectory
    let now: DateValue

    func write(jobs: [RenderJob]) {
        let site = context.site
        let config = site.config
        let allPages = Array(site.pages.indices)
        writeFeeds(directory: "", title: config.title, pages: allPages)
        for key in site.sections.keys.sorted() where !key.isEmpty {
            let section = site.sections[key]!
            if !section.pages.isEmpty { writeFeeds(directory: key + "/", title: config.title + " – " + section.title, pages: section.pages) }
        }
        for taxonomy in config.taxonomies where taxonomy.feed {
            for term in site.taxonomies[taxonomy.name] ?? [] {
                writeFeeds(directory: taxonomy.name + "/" + term.slug + "/", title: config.title + " – " + term.name, pages: term.pages)
            }
        }
        var urls: [(String, DateValue?)] = []
        for job in jobs {
            switch job.kind {
            case .notFound: continue
            case .page(let i):
                let page = site.pages[i]
                urls.append((site.permalink(job.path), page.frontMatter.updated.flatMap { DateValue(iso: $0) } ?? page.date))
            default:
                urls.append((site.permalink(job.path), nil))
            }
        }
        urls.sort { $0.0 < $1.0 }
        output.write("sitemap.xml", Feeds.sitemap(urls))
        output.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + site.permalink("/sitemap.xml") + "\n")
        for page in site.pages {
            for alias in page.frontMatter.aliases {
                let clean = LinkResolver.normalize(alias)
                guard !clean.isEmpty else { continue }
                output.write(clean + (clean.hasSuffix(".html") ? "" : "/index.html"), redirect(to: site.permalink(page.path)))
            }
        }
    }

    func writeFeeds(directory: String, title: String, pages: [Int]) {
        let site = context.site
        let config = site.config
        let entries = Feeds.entries(pages, context: context, limit: config.feeds.limit)
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
    }

    func redirect(to url: String) -> String {
        let u = HTMLEscaping.escape(url)
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redirecting…</title>"
            + "<link rel=\"canonical\" href=\"" + u + "\"><meta http-equiv=\"refresh\" content=\"0; url=" + u + "\"></head>"
            + "<body><p>This page has moved to <a href=\"" + u + "\">" + u + "</a>.</p></body></html>\n"
    }
}

import SitegenContent
import SitegenHTML

/// The checks that need every page's final URL: `[permalinks]` folders that exist, one
/// page per URL, and where each file of `content/` ends up.
extension ContentLoader {
    /// Content path → URL path for every non-Markdown file: bundle files sit next to their
    /// page's `index.html` (wherever its permalink puts it); other files keep their folder.
    static func fileURLs(_ site: Site) -> [String: String] {
        var urls: [String: String] = [:]
        for path in site.contentFiles { urls[path] = "/" + path }
        for i in site.pages.indices where site.pages[i].bundleDirectory != nil {  // by index: no copies of large Pages
            let folder = directory(of: site.pages[i].contentPath)
            for asset in site.pages[i].assets { urls[folder + "/" + asset] = site.pages[i].path + asset }
        }
        return urls
    }

    /// A `[permalinks]` key that names no folder is a warning: its pattern would never apply.
    func checkPermalinkSections(_ config: SiteConfig, folders: [String], diagnostics: inout [Diagnostic]) {
        for rule in config.permalinks where !rule.section.isEmpty && !folders.contains(rule.section) {
            diagnostics.append(.unknownPermalinkSection(rule.section, known: folders, at: rule.keyPlace))
        }
    }

    /// Two pages, or a page and a section, with one URL would overwrite each other's
    /// `index.html`; the later file (in file order) gets the error.
    func checkUniquePermalinks(_ site: Site, firstLines: [String: String], diagnostics: inout [Diagnostic]) {
        var owners: [String: String] = [:]
        if site.sections[""]?.file == nil { owners["/"] = "the home page" }
        var claims: [(path: String, file: String)] = site.sections.values.compactMap { section in section.file.map { (section.path, $0) } }
        claims += site.pages.map { ($0.path, $0.file) }
        for claim in claims.sorted(by: { $0.file < $1.file }) {
            if let other = owners[claim.path] {
                diagnostics.append(.duplicatePermalink(claim.path, file: claim.file, firstLine: firstLines[claim.file], other: other))
            } else {
                owners[claim.path] = claim.file
            }
        }
    }
}

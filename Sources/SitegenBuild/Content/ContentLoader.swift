import Foundation
import SitegenContent
import SitegenHTML

/// Step "Load content": finds sections, pages and bundles under `content/`, reads their
/// front matter in parallel, drops drafts and unpublished pages, and links the tree.
struct ContentLoader {
    let options: BuildOptions
    let now: DateValue
    /// Files parsed by an earlier build and unchanged since (an incremental preview
    /// build): taken as they are, without reading them again.
    var reuse: [String: ParsedFile] = [:]
    /// Files in `reuse` that changed since: read again.
    var changed: Set<String> = []
    /// What `content/` held at the previous build, when only files in it changed (an
    /// incremental build): not walked again.
    var knownTree: Tree?

    /// What loading found: the tree and every Markdown file as parsed, by file.
    struct Loaded: Sendable {
        var tree = Tree()
        var files: [String: ParsedFile] = [:]
        /// What loading said (warnings: a build with errors is not kept).
        var diagnostics: [Diagnostic] = []
    }

    /// A content file as parsed, and its first line (where whole-file diagnostics point).
    ///
    /// A class: unchanged after parsing, and shared (one retain) by every build that
    /// keeps the file.
    final class ParsedFile: Sendable {
        let content: ContentFile
        let firstLine: String?

        init(content: ContentFile, firstLine: String?) {
            self.content = content
            self.firstLine = firstLine
        }
    }

    /// A Markdown file found on disk, before parsing.
    struct Found: Sendable {
        var file: String          // site-relative: content/posts/hello.md
        var contentPath: String   // posts/hello.md
        var isSection: Bool
        var bundleDirectory: String?
        var assets: [String]
    }

    /// Loads `content/` into `site`.
    @discardableResult
    func load(into site: inout Site, diagnostics: inout [Diagnostic]) -> Loaded {
        let firstDiagnostic = diagnostics.count
        let tree = knownTree ?? discover(root: site.root)
        let found = tree.markdown
        let taxonomyNames = site.config.taxonomies.map(\.name)
        let root = site.root
        let reuse = self.reuse, changed = self.changed
        let parsed = parallelMap(found) { item -> (ContentFile, String?) in
            if !changed.contains(item.file), let known = reuse[item.file] { return (known.content, known.firstLine) }
            let read = Self.parse(item, root: root, taxonomies: taxonomyNames)
            return (read.content, read.firstLine)
        }
        var firstLines: [String: String] = [:]
        var sections: [String: Section] = ["": Section(
            key: "", file: nil, contentPath: "_index.md", frontMatter: FrontMatter(), body: "", bodyLineOffset: 0, path: "/")]
        var pages: [Page] = []
        for (item, (file, firstLine)) in zip(found, parsed) {
            diagnostics.append(contentsOf: file.diagnostics)
            firstLines[item.file] = firstLine
            let directory = Self.directory(of: item.contentPath)
            if item.isSection {
                sections[directory] = Section(
                    key: directory, file: item.file, contentPath: item.contentPath, frontMatter: file.frontMatter,
                    body: file.body, bodyLineOffset: file.bodyLineOffset, path: directory.isEmpty ? "/" : "/" + directory + "/")
                continue
            }
            if let page = makePage(item, file, firstLine: firstLine, config: site.config, diagnostics: &diagnostics) { pages.append(page) }
        }
        // Each page belongs to its nearest enclosing section.
        for i in pages.indices {
            var directory = Self.directory(of: pages[i].contentPath)
            if pages[i].bundleDirectory != nil { directory = Self.directory(of: directory) }
            while sections[directory] == nil { directory = Self.directory(of: directory) }
            pages[i].section = directory
        }
        pages.sort { $0.contentPath < $1.contentPath }
        for key in sections.keys.sorted() where !key.isEmpty {
            var parent = Self.directory(of: key)
            while sections[parent] == nil { parent = Self.directory(of: parent) }
            sections[parent]?.subsections.append(key)
        }
        site.pages = pages
        for i in pages.indices {
            site.pageIndex[pages[i].contentPath] = i
            sections[pages[i].section]?.pages.append(i)
        }
        let keys = pages.map(OrderKey.init)
        for key in sections.keys {
            let sortBy = sections[key]?.sortBy ?? "date"
            sections[key]?.pages.sort { a, b in OrderKey.precedes(keys[a], keys[b], by: sortBy) }
            // Zola's meaning: `lower` is the older page (date order, newest first) or the
            // lighter one (weight and title order, ascending); `higher` the other way.
            let ordered = sections[key]?.pages ?? []
            let descending = sortBy == "date"
            for (position, index) in ordered.enumerated() {
                let before: Int? = position > 0 ? ordered[position - 1] : nil
                let after: Int? = position + 1 < ordered.count ? ordered[position + 1] : nil
                site.pages[index].higher = descending ? before : after
                site.pages[index].lower = descending ? after : before
            }
        }
        site.sections = sections
        collectTaxonomies(&site)
        site.contentFiles = tree.files
        site.fileURLs = Self.fileURLs(site)
        checkPermalinkSections(site.config, folders: tree.folders, diagnostics: &diagnostics)
        checkUniquePermalinks(site, firstLines: firstLines, diagnostics: &diagnostics)
        var loaded = Loaded(tree: tree)
        for (item, (file, firstLine)) in zip(found, parsed) { loaded.files[item.file] = ParsedFile(content: file, firstLine: firstLine) }
        loaded.diagnostics = Array(diagnostics[firstDiagnostic...])
        return loaded
    }

    /// Reads and parses one Markdown file; a file that cannot be read is a diagnostic.
    static func parse(_ item: Found, root: String, taxonomies: [String]) -> ParsedFile {
        let text: String
        switch SourceFile.read(root + "/" + item.file, display: item.file) {
        case .text(let read): text = read
        case .failed(let problem):
            var file = ContentFile(parsing: "", file: item.file, taxonomies: taxonomies)
            file.diagnostics = [problem]
            return ParsedFile(content: file, firstLine: nil)
        }
        // For diagnostics about the whole page (no date, same URL), shown under file:1:1.
        let firstLine = text.split(maxSplits: 1, omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.first.map(String.init)
        return ParsedFile(content: ContentFile(parsing: text, file: item.file, taxonomies: taxonomies), firstLine: firstLine)
    }

    /// The last build's site with the pages of `changes` (Markdown files of known pages)
    /// read again, when each page keeps its place: the same URL, date, weight, title,
    /// taxonomies and section, so no list, order, neighbour or term changes. Their bodies
    /// and the rest of their front matter are new, and their rendered Markdown is cleared.
    /// Nil when the site must be loaded again (also for any diagnostic in those files).
    ///
    /// - Returns: the site, what loading it found, and the indices of the pages replaced.
    func patch(_ previous: Site, loaded previousLoad: Loaded, changes: [String]) -> (Site, Loaded, Set<Int>)? {
        var site = previous
        var loaded = previousLoad
        var replaced: Set<Int> = []
        let taxonomyNames = site.config.taxonomies.map(\.name)
        for change in changes {
            guard change.hasPrefix("content/"), let old = previousLoad.files[change], old.content.diagnostics.isEmpty,
                  let item = previousLoad.tree.markdown.first(where: { $0.file == change }), !item.isSection,
                  let index = previous.pageIndex[item.contentPath] else { return nil }
            let parsed = Self.parse(item, root: site.root, taxonomies: taxonomyNames)
            var problems: [Diagnostic] = []
            guard parsed.content.diagnostics.isEmpty,
                  let page = makePage(item, parsed.content, firstLine: parsed.firstLine, config: site.config, diagnostics: &problems),
                  problems.isEmpty, Self.samePlace(page, previous.pages[index]) else { return nil }
            site.pages[index].frontMatter = page.frontMatter
            site.pages[index].body = page.body
            site.pages[index].bodyLineOffset = page.bodyLineOffset
            site.pages[index].rendered = nil
            loaded.files[change] = parsed
            replaced.insert(index)
        }
        // Found again by the Markdown step.
        site.contentIslands = []
        return (site, loaded, replaced)
    }

    /// What places a page among the others: its URL, what lists sort it by, its terms.
    static func samePlace(_ a: Page, _ b: Page) -> Bool {
        a.path == b.path && a.slug == b.slug && a.date == b.date && a.frontMatter.date == b.frontMatter.date
            && a.frontMatter.weight == b.frontMatter.weight && a.frontMatter.title == b.frontMatter.title
            && a.frontMatter.taxonomies == b.frontMatter.taxonomies && a.frontMatter.draft == b.frontMatter.draft
    }

    /// The page a Markdown file makes: nil for a draft (unless drafts are built), a page
    /// not yet published or already expired. Its section and neighbours are set later.
    func makePage(_ item: Found, _ file: ContentFile, firstLine: String?, config: SiteConfig, diagnostics: inout [Diagnostic]) -> Page? {
        let fm = file.frontMatter
        if fm.draft && !options.includeDrafts { return nil }
        let date = fm.date.flatMap { DateValue(iso: $0) }
        if !options.includeFuture {
            if let publish = (fm.publishDate.flatMap { DateValue(iso: $0) } ?? date), Self.isAfter(publish, now) { return nil }
        }
        if let expiry = fm.expiryDate.flatMap({ DateValue(iso: $0) }), !Self.isAfter(expiry, now) { return nil }
        let directory = Self.directory(of: item.contentPath)
        let stem = item.bundleDirectory != nil ? Self.lastComponent(directory) : Self.stem(of: item.contentPath)
        let slug = fm.slug ?? Text.slugify(stem)
        let folder = item.bundleDirectory != nil ? Self.directory(of: directory) : directory
        var path = "/" + (folder.isEmpty ? "" : folder + "/") + slug + "/"
        if let rule = config.permalinkRule(forFolder: folder) {
            if rule.pattern.needsDate && date == nil {
                diagnostics.append(.permalinkNeedsDate(rule, file: item.file, firstLine: firstLine))
            } else {
                path = rule.pattern.path(for: PermalinkPattern.Fields(
                    slug: slug, filename: Text.slugify(stem), title: Text.slugify(fm.title ?? ""), sections: folder, date: date))
            }
        }
        return Page(
            file: item.file, contentPath: item.contentPath, frontMatter: fm, body: file.body,
            bodyLineOffset: file.bodyLineOffset, path: path, slug: slug, section: "",
            assets: item.assets, bundleDirectory: item.bundleDirectory, date: date)
    }

    func collectTaxonomies(_ site: inout Site) {
        let keys = site.pages.map(OrderKey.init)
        var slugs: [String: String] = [:]  // the same few terms on many pages
        for taxonomy in site.config.taxonomies {
            var terms: [String: Term] = [:]
            for i in site.pages.indices {
                for name in site.pages[i].frontMatter.taxonomies[taxonomy.name] ?? [] {
                    let slug = slugs[name] ?? Text.slugify(name)
                    slugs[name] = slug
                    terms[slug, default: Term(name: name, slug: slug, pages: [])].pages.append(i)
                }
            }
            site.taxonomies[taxonomy.name] = terms.values
                .map { term in
                    var term = term
                    term.pages.sort { OrderKey.precedes(keys[$0], keys[$1], by: "date") }
                    return term
                }
                .sorted { $0.slug < $1.slug }
        }
    }

    /// Newest first by default, then by title; `weight` ascending; `title` alphabetical.
    static func order(_ a: Page, _ b: Page, by key: String) -> Bool {
        OrderKey.precedes(OrderKey(a), OrderKey(b), by: key)
    }

    /// What pages are sorted by, taken out of the page once (comparing `Page`s in a sort
    /// copies them on every comparison).
    struct OrderKey {
        var date: String
        var weight: Int
        var title: String
        var contentPath: String

        init(_ page: Page) {
            date = page.frontMatter.date ?? ""
            weight = page.frontMatter.weight ?? Int.max
            title = page.title
            contentPath = page.contentPath
        }

        static func precedes(_ a: OrderKey, _ b: OrderKey, by key: String) -> Bool {
            switch key {
            case "weight":
                if a.weight != b.weight { return a.weight < b.weight }
            case "title":
                if a.title != b.title { return a.title < b.title }
            default:
                if a.date != b.date { return a.date > b.date }
            }
            if a.title != b.title { return a.title < b.title }
            return a.contentPath < b.contentPath
        }
    }

    static func isAfter(_ a: DateValue, _ b: DateValue) -> Bool { a.rfc3339Sortable > b.rfc3339Sortable }

    // MARK: Discovery

    /// What `content/` holds.
    struct Tree: Sendable {
        /// Markdown files: pages, bundles and sections.
        var markdown: [Found] = []
        /// Other files outside bundles, relative to `content/` (`posts/diagram.png`); copied as they are.
        var files: [String] = []
        /// Every folder outside bundles, relative to `content/` (`posts`, `docs/guide`).
        var folders: [String] = []
    }

    func discover(root: String) -> Tree {
        var tree = Tree()
        walk(root: root, relative: "", into: &tree)
        tree.markdown.sort { $0.file < $1.file }
        tree.files.sort()
        tree.folders.sort()
        return tree
    }

    private func walk(root: String, relative: String, into tree: inout Tree) {
        let fm = FileManager.default
        let directory = root + "/content" + (relative.isEmpty ? "" : "/" + relative)
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        let prefix = relative.isEmpty ? "" : relative + "/"
        if names.contains("index.md") {
            // A page bundle: index.md plus its files.
            var assets: [String] = []
            collectAssets(directory, relative: "", into: &assets)
            tree.markdown.append(Found(file: "content/" + prefix + "index.md", contentPath: prefix + "index.md", isSection: false,
                                       bundleDirectory: "content/" + relative, assets: assets.sorted()))
            return
        }
        if !relative.isEmpty { tree.folders.append(relative) }
        for name in names.sorted() where !Self.isIgnored(name) {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                walk(root: root, relative: prefix + name, into: &tree)
            } else if name.hasSuffix(".md") {
                tree.markdown.append(Found(file: "content/" + prefix + name, contentPath: prefix + name,
                                           isSection: name == "_index.md", bundleDirectory: nil, assets: []))
            } else {
                tree.files.append(prefix + name)
            }
        }
    }

    private func collectAssets(_ directory: String, relative: String, into assets: inout [String]) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: directory + relative)) ?? [] where !Self.isIgnored(name) {
            let path = relative + "/" + name
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: directory + path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                collectAssets(directory, relative: path, into: &assets)
            } else if !name.hasSuffix(".md") {
                assets.append(String(path.dropFirst()))
            }
        }
    }

    /// Hidden files and what editors and OSes leave behind: `.DS_Store`, `notes.md~`,
    /// `#draft.md#`, `.post.md.swp`, `~$report.docx`, `Thumbs.db`.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) || name.hasPrefix("~$")
            || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name == "Thumbs.db" || name == "desktop.ini"
    }

    // By UTF-8 code unit: `String.lastIndex(of: Character)` walks grapheme clusters, and
    // these run for every page on every build.
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    static func stem(of path: String) -> String {
        let name = lastComponent(path)
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

extension DateValue {
    /// A UTC-normalised sortable key (minutes since year 0, roughly), for comparisons.
    var rfc3339Sortable: Int {
        let days = year * 372 + month * 31 + day
        return (days * 24 + hour) * 60 + minute - (offsetMinutes ?? 0)
    }
}

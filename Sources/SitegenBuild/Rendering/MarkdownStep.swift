import Foundation
import SitegenContent
import SitegenHTML

/// Step "Render Markdown": every page and section body through cmark-gfm, in parallel,
/// with shortcodes expanded, relative `.md` links rewritten to permalinks, relative links
/// to other files of `content/` rewritten to where they are copied, and broken links and
/// anchors reported.
struct MarkdownStep {
    /// Renders shortcodes; nil renders `{{< … >}}` as text.
    var shortcodes: ShortcodeRenderer?
    /// Results of an earlier build (`sitegen preview`), reused for pages whose inputs
    /// did not change.
    var cache: MarkdownCache?

    func run(_ site: inout Site, diagnostics: inout [Diagnostic]) {
        var linkProblems: [Diagnostic] = []
        run(&site, diagnostics: &diagnostics, linkProblems: &linkProblems)
    }

    /// What rendering gave, per page (by index) and per section (by key): an incremental
    /// build keeps it, and renders again only the pages it replaced.
    struct Results: Sendable {
        var pages: [LinkResolver.Result] = []
        var sections: [String: LinkResolver.Result] = [:]
        /// Where links go: content path → URL path (the same while pages keep their places).
        var targets: [String: String] = [:]
    }

    /// - Parameter linkProblems: the broken links and anchors, also added to `diagnostics`.
    /// - Parameter previous: the results of the last build, for a site whose pages all
    ///   keep their places (``ContentLoader/patch(_:loaded:changes:)``): only `replaced`
    ///   pages are rendered again; the other pages and the sections keep theirs.
    @discardableResult
    func run(_ site: inout Site, diagnostics: inout [Diagnostic], linkProblems: inout [Diagnostic],
             reusing previous: Results? = nil, replaced: Set<Int> = []) -> Results {
        let patching = previous != nil && previous?.pages.count == site.pages.count
        var targets: [String: String] = [:]  // content path → URL path
        if patching, let previous {
            targets = previous.targets
        } else {
            targets.reserveCapacity(site.pages.count + site.sections.count)
            for i in site.pages.indices { targets[site.pages[i].contentPath] = site.pages[i].path }
            for section in site.sections.values { targets[section.contentPath] = section.path }
        }
        let options = site.config
        let resolver = LinkResolver(targets: targets, files: site.fileURLs, basePath: SiteFunctions.basePath(of: site.config.baseURLPrefix),
                                    shortcodes: shortcodes)

        let snapshot = site
        if patching, let previous {
            var results = previous
            for i in replaced.sorted() {
                let page = site.pages[i]
                results.pages[i] = resolver.render(page.body, from: page.contentPath, file: page.file, lineOffset: page.bodyLineOffset,
                                                   config: options, bundlePath: page.bundleDirectory == nil ? nil : page.path,
                                                   page: Self.containsShortcode(page.body) ? SiteContext.pageValue(page, site: snapshot) : .null)
                site.pages[i].rendered = results.pages[i].rendered
            }
            return finish(&site, results, diagnostics: &diagnostics, linkProblems: &linkProblems)
        }
        // What every page's rendering depends on besides its own text: where links go, and the options.
        var shared = Hasher()
        for key in targets.keys.sorted() { shared.combine(key); shared.combine(targets[key]) }
        for key in site.fileURLs.keys.sorted() { shared.combine(key); shared.combine(site.fileURLs[key]) }
        shared.combine(resolver.basePath)
        shared.combine(options.smartPunctuation)
        shared.combine(options.unsafeHTML)
        shared.combine(options.highlight)
        let sharedInputs = shared.finalize()
        let cache = self.cache
        let pageResults = parallelMap(site.pages) { page in
            let key = MarkdownCache.Key(contentPath: page.contentPath, body: page.body, file: page.file,
                                        lineOffset: page.bodyLineOffset, bundlePath: page.bundleDirectory == nil ? nil : page.path,
                                        shared: sharedInputs)
            // Only pages without shortcodes are cached: a shortcode sees other pages (`page`).
            if let cached = cache?.result(for: key) { return cached }
            let hasShortcodes = Self.containsShortcode(page.body)
            let result = resolver.render(page.body, from: page.contentPath, file: page.file, lineOffset: page.bodyLineOffset, config: options,
                                         bundlePath: page.bundleDirectory == nil ? nil : page.path,
                                         page: hasShortcodes ? SiteContext.pageValue(page, site: snapshot) : .null)
            if !hasShortcodes { cache?.store(result, for: key) }
            return result
        }
        for i in site.pages.indices { site.pages[i].rendered = pageResults[i].rendered }
        var results = Results(pages: pageResults, targets: targets)
        for key in site.sections.keys.sorted() {
            guard let section = site.sections[key], let file = section.file else { continue }
            let result = resolver.render(section.body, from: section.contentPath, file: file,
                                         lineOffset: section.bodyLineOffset, config: options,
                                         page: .object(SiteContext.sectionValue(section, site: snapshot)))
            site.sections[key]?.rendered = result.rendered
            results.sections[key] = result
        }
        return finish(&site, results, diagnostics: &diagnostics, linkProblems: &linkProblems)
    }

    /// Collects the diagnostics and islands of `results` and checks the links' anchors.
    private func finish(_ site: inout Site, _ results: Results, diagnostics: inout [Diagnostic],
                        linkProblems: inout [Diagnostic]) -> Results {
        // By index, touching only what is there: thousands of results, mostly empty.
        var brokenLinks: [LinkResolver.Problem] = []
        for i in results.pages.indices {
            if !results.pages[i].problems.isEmpty { brokenLinks.append(contentsOf: results.pages[i].problems) }
            if !results.pages[i].diagnostics.isEmpty { diagnostics.append(contentsOf: results.pages[i].diagnostics) }
            if !results.pages[i].islands.isEmpty { site.contentIslands.append(contentsOf: results.pages[i].islands) }
        }
        for key in results.sections.keys.sorted() {
            let result = results.sections[key]!
            brokenLinks.append(contentsOf: result.problems)
            diagnostics.append(contentsOf: result.diagnostics)
            site.contentIslands.append(contentsOf: result.islands)
        }
        // Anchors can be checked only once every target is rendered (only the targets
        // that links with a fragment point to).
        var anchors: [String: Set<String>] = [:]
        var wanted: Set<String> = []
        for problem in brokenLinks { if case .anchor(let path, _) = problem.kind { wanted.insert(path) } }
        if !wanted.isEmpty {
            for page in site.pages where wanted.contains(page.path) { anchors[page.path] = Self.ids(page.rendered?.toc ?? []) }
            for section in site.sections.values where wanted.contains(section.path) { anchors[section.path] = Self.ids(section.rendered?.toc ?? []) }
        }
        for problem in brokenLinks {
            switch problem.kind {
            case .missingTarget:
                diagnostics.append(problem.diagnostic)
                linkProblems.append(problem.diagnostic)
            case .anchor(let path, let fragment):
                if !(anchors[path]?.contains(fragment) ?? true) {
                    var d = problem.diagnostic
                    d.message = "link to a missing anchor '#" + fragment + "'"
                    d.expected = "a heading id of the target page"
                    let known = Array(anchors[path] ?? []).sorted()
                    d.fix = Suggestion.nearest(to: fragment, in: known).map { "did you mean '#" + $0 + "'?" }
                        ?? "link to one of its headings, or remove the '#" + fragment + "'"
                    diagnostics.append(d)
                    linkProblems.append(d)
                }
            }
        }
        return results
    }

    /// Whether `body` has a `{{<` (a byte scan: Foundation's `contains` is slow on long text).
    static func containsShortcode(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 3 else { return false }
            // memchr jumps from brace to brace.
            var start = 0
            while start < bytes.count - 2, let found = memchr(base + start, Int32(UInt8(ascii: "{")), bytes.count - 2 - start) {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[i + 1] == UInt8(ascii: "{") && bytes[i + 2] == UInt8(ascii: "<") { return true }
                start = i + 1
            }
            return false
        }
    }

    static func ids(_ toc: [TOCEntry]) -> Set<String> {
        var result: Set<String> = []
        for entry in toc {
            result.insert(entry.id)
            result.formUnion(ids(entry.children))
        }
        return result
    }
}

/// Resolves link destinations written in Markdown to the URLs of the pages they name.
struct LinkResolver: Sendable {
    let targets: [String: String]
    /// Content path → URL path of the non-Markdown files of `content/` (``Site/fileURLs``).
    var files: [String: String] = [:]
    /// The path of `base_url` (`/docs` for `https://example.org/docs/`), put before rewritten links.
    var basePath = ""
    var shortcodes: ShortcodeRenderer? = nil

    struct Problem: Sendable {
        enum Kind: Sendable { case missingTarget, anchor(String, String) }
        var kind: Kind
        var diagnostic: Diagnostic
    }

    /// A class: kept by the Markdown cache and from build to build, and shared, not copied.
    final class Result: Sendable {
        let rendered: RenderedMarkdown
        let problems: [Problem]
        /// Shortcode errors.
        let diagnostics: [Diagnostic]
        let islands: [ContentIsland]

        init(rendered: RenderedMarkdown, problems: [Problem], diagnostics: [Diagnostic] = [], islands: [ContentIsland] = []) {
            self.rendered = rendered
            self.problems = problems
            self.diagnostics = diagnostics
            self.islands = islands
        }
    }

    /// - Parameter bundlePath: for a page bundle, its URL path: relative links to the
    ///   bundle's own files become absolute, so they work in summaries, lists and feeds.
    /// - Parameter page: What shortcode templates see as `page`.
    func render(_ body: String, from contentPath: String, file: String, lineOffset: Int, config: SiteConfig,
                bundlePath: String? = nil, page: Value = .null) -> Result {
        let renderer = MarkdownRenderer(options: MarkdownOptions(
            smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML, lineOffset: lineOffset,
            highlightCode: config.highlight))
        // Lines for diagnostics' excerpts, split (by byte) only once a link is seen.
        var lines: LineIndex?
        var problems: [Problem] = []
        let base = ContentLoader.directory(of: contentPath)
        func rewrite(_ destination: String, _ line: Int, _ column: Int) -> String? {
            if lines == nil { lines = LineIndex(body) }
            let sourceLine = lines?[line - lineOffset].map(String.init)
            let linkLength = Self.linkLength(in: sourceLine, from: column, destination: destination)
            let location = SourceLocation(file: file, line: line, column: column)
            guard let (target, fragment) = Self.split(destination) else {
                if let (path, suffix) = Self.splitFile(destination) {
                    // A file of content/, relative to this page's folder.
                    let resolved = Self.normalize(base.isEmpty ? path : base + "/" + path)
                    if let url = self.files[resolved] { return self.basePath + url + suffix }
                    // Suggest what to write here: relative to this page when the file is beside or below it.
                    let suggestion = Suggestion.nearest(to: resolved, in: Array(self.files.keys)).map { near in
                        !base.isEmpty && near.hasPrefix(base + "/") ? String(near.dropFirst(base.count + 1)) : near
                    }
                    problems.append(Problem(kind: .missingTarget, diagnostic: .brokenFileLink(
                        destination, resolved: resolved, suggestion: suggestion, at: location, sourceLine: sourceLine, length: linkLength)))
                    return nil
                }
                if let bundlePath, Self.isRelativeFile(destination) { return self.basePath + bundlePath + destination }
                return nil
            }
            if target.isEmpty {
                // `#anchor` within the page itself.
                if let fragment { problems.append(Problem(kind: .anchor(self.targets[contentPath] ?? "", fragment),
                    diagnostic: Diagnostic(.warning, "", at: location, sourceLine: sourceLine, length: linkLength))) }
                return nil
            }
            let resolved = target.hasPrefix("@/") ? String(target.dropFirst(2)) : Self.normalize(base.isEmpty ? target : base + "/" + target)
            guard let path = self.targets[resolved] else {
                let known = Array(self.targets.keys)
                problems.append(Problem(kind: .missingTarget, diagnostic: Diagnostic(
                    .warning, "broken link to '" + target + "'", at: location,
                    expected: "a path to a content file, relative to this page or as @/section/page.md",
                    fix: Suggestion.nearest(to: resolved, in: known).map { "did you mean '" + $0 + "'?" }
                        ?? "create content/" + resolved + " or fix the link",
                    sourceLine: sourceLine, length: linkLength)))
                return nil
            }
            if let fragment {
                problems.append(Problem(kind: .anchor(path, fragment),
                                        diagnostic: Diagnostic(.warning, "", at: location, sourceLine: sourceLine, length: linkLength)))
            }
            return self.basePath + path + (fragment.map { "#" + $0 } ?? "")
        }
        // Every shortcode tag and escape starts with `{{<`: without one, nothing to scan.
        guard let shortcodes, MarkdownStep.containsShortcode(body) else {
            return Result(rendered: renderer.render(body, rewriteLink: rewrite), problems: problems)
        }
        let document = ShortcodeScanner.scan(body, file: file, lineOffset: lineOffset, takesBody: shortcodes.takesBody)
        if document.isPlain && document.diagnostics.isEmpty {
            return Result(rendered: renderer.render(body, rewriteLink: rewrite), problems: problems)
        }
        var bodyLinks: [MarkdownLink] = []
        let expansion = shortcodes.expand(document, page: page) { markdown, output in
            let fragment = renderer.renderFragment(markdown, shortcodes: output, rewriteLink: rewrite)
            bodyLinks.append(contentsOf: fragment.links)
            return fragment.html
        }
        var rendered = renderer.render(expansion.markdown, shortcodes: expansion.output, rewriteLink: rewrite)
        rendered.links = (rendered.links + bodyLinks).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return Result(rendered: rendered, problems: problems, diagnostics: expansion.diagnostics, islands: expansion.islands)
    }

    /// Splits `../a.md#x` into (`../a.md`, `x`); nil for links this step leaves alone
    /// (absolute URLs, mailto:, root paths, non-Markdown files).
    static func split(_ destination: String) -> (String, String?)? {
        if Self.hasScheme(destination) || destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") || destination.hasPrefix("/") {
            return nil
        }
        var target = destination
        var fragment: String? = nil
        if let hash = destination.firstIndex(of: "#") {
            target = String(destination[..<hash])
            fragment = String(destination[destination.index(after: hash)...])
        }
        if !target.isEmpty && !target.hasSuffix(".md") { return nil }
        return (target, fragment)
    }

    /// Splits a relative link to a file that is not Markdown (`diagram.png`,
    /// `../files/a%20b.pdf#page=2`) into its percent-decoded path and the `?…`/`#…` after
    /// it; nil for anything else, including folder links (`guide/`) and names without an
    /// extension, which are left as written.
    static func splitFile(_ destination: String) -> (String, String)? {
        if destination.isEmpty || destination.utf8.contains(UInt8(ascii: ":")) || destination.hasPrefix("/") || destination.hasPrefix("#")
            || destination.hasPrefix("?") {
            return nil
        }
        let end = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let path = String(destination[..<end])
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex,
              !path.hasSuffix(".md"), name != "..", name != "."
        else { return nil }
        return (path.removingPercentEncoding ?? path, String(destination[end...]))
    }

    /// Columns from the link's start (`[`) to the `)` after its destination, so the caret
    /// underlines the whole `[text](destination)`; 1 when it cannot be found.
    ///
    /// Searches the line's bytes (every link of every page comes here): `](` is ASCII, so a
    /// match starts on a scalar boundary, and the length is counted in scalars.
    static func linkLength(in line: String?, from column: Int, destination: String) -> Int {
        guard let line else { return 1 }
        let bytes = Array(line.utf8)
        let needle = Array(("](" + destination + ")").utf8)
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        // The byte where scalar `column` starts.
        var start = 0
        var scalars = 1
        while start < bytes.count && scalars < column {
            start += 1
            while start < bytes.count && isContinuation(bytes[start]) { start += 1 }
            scalars += 1
        }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && (1..<needle.count).allSatisfy({ bytes[i + $0] == needle[$0] }) {
                return bytes[start..<(i + needle.count)].reduce(0) { $0 + (isContinuation($1) ? 0 : 1) }
            }
            i += 1
        }
        return 1
    }

    /// Whether `destination` has `://` (a byte scan: this runs for every link).
    static func hasScheme(_ destination: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in destination.utf8 {
            if previous == (UInt8(ascii: ":"), UInt8(ascii: "/")) && byte == UInt8(ascii: "/") { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// `cover.png`, `img/a.jpg`: a relative link to a file, not a page, URL or anchor.
    static func isRelativeFile(_ destination: String) -> Bool {
        !(destination.isEmpty || Self.hasScheme(destination) || destination.utf8.contains(UInt8(ascii: ":")) || destination.hasPrefix("/")
            || destination.hasPrefix("#") || destination.hasPrefix("..") || destination.hasSuffix(".md"))
    }

    /// Resolves `.` and `..` in a relative path.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

/// Rendered Markdown kept between the builds of one `sitegen preview`: a page whose text,
/// position, file and link targets are unchanged is not rendered again. Only entries of
/// the last build are kept.
public final class MarkdownCache: @unchecked Sendable {
    struct Key: Hashable {
        var contentPath: String
        var body: String
        var file: String
        var lineOffset: Int
        var bundlePath: String?
        /// Link targets, files and options of the whole build.
        var shared: Int
    }

    private let lock = NSLock()
    private var entries: [String: (key: Key, result: LinkResolver.Result)] = [:]
    private var hitCount = 0

    public init() {}

    /// How many pages were taken from the cache so far.
    public var hits: Int { lock.withLock { hitCount } }

    func result(for key: Key) -> LinkResolver.Result? {
        lock.withLock {
            guard let entry = entries[key.contentPath], entry.key == key else { return nil }
            hitCount += 1
            return entry.result
        }
    }

    func store(_ result: LinkResolver.Result, for key: Key) {
        lock.withLock { entries[key.contentPath] = (key, result) }
    }
}

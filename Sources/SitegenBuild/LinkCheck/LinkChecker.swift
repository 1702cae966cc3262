import Foundation
import SitegenContent
import SitegenHTML

/// `sitegen check`: builds the site into a temporary folder (the real `dist/` is not
/// touched), then reports broken links by page.
///
/// - Internal: the build's own broken-link and missing-anchor warnings (`other.md`,
///   `@/docs/cli.md#flags`, `#section`), and root-relative links (`/about/`, `/logo.svg`)
///   that match no output file.
/// - External (`external = true`): every `http(s)` link, through ``ExternalLinkChecker``,
///   with results kept in the cache file.
///
/// ```swift
/// var options = LinkCheckOptions(source: "content-site")
/// options.external = true
/// let report = await LinkChecker(options: options).run()
/// print(report.formatted)
/// ```
public struct LinkChecker: Sendable {
    public var options: LinkCheckOptions

    public init(options: LinkCheckOptions) {
        self.options = options
    }

    public func run() async -> LinkReport {
        var report = LinkReport()
        let temporary = NSTemporaryDirectory() + "/sitegen-check-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var build = options.build
        build.output = temporary + "/dist"
        build.staticOnly = true
        let result = SiteBuilder(options: build).build()
        guard result.succeeded else {
            report.buildErrors = result.diagnostics.filter { $0.severity == .error }
            return report
        }
        let basePath = Self.basePath(siteRoot: build.source)
        // Internal links: what the build reported, and root-relative links checked against the output.
        var written: [SourceLocation: String] = [:]
        for page in result.links {
            for link in page.links { written[SourceLocation(file: page.file, line: link.line, column: link.column)] = link.destination }
        }
        for d in result.linkProblems {
            guard let location = d.location else { continue }
            let destination = written[location] ?? Self.destination(in: d) ?? ""
            report.add(LinkReport.Problem(line: location.line, column: location.column, destination: destination,
                                          reason: d.message + (d.fix.map { " (" + $0 + ")" } ?? "")), in: location.file)
        }
        var external: [String: [(file: String, link: MarkdownLink)]] = [:]
        for page in result.links {
            for link in page.links {
                if Self.isExternal(link.destination) {
                    external[Self.withoutFragment(link.destination), default: []].append((page.file, link))
                    continue
                }
                if link.destination.contains(":") && !link.destination.hasPrefix("/") { continue }  // mailto:, tel:
                report.internalLinksChecked += 1
                guard link.destination.hasPrefix("/"), !link.destination.hasPrefix("//") else { continue }
                if !Self.outputHas(link.destination, basePath: basePath, output: build.output) {
                    report.add(LinkReport.Problem(line: link.line, column: link.column, destination: link.destination,
                                                  reason: "no such file in the built site"), in: page.file)
                }
            }
        }
        guard options.external else { return report }
        await checkExternal(external, into: &report)
        return report
    }

    private func checkExternal(_ links: [String: [(file: String, link: MarkdownLink)]], into report: inout LinkReport) async {
        let now = Int(Date().timeIntervalSince1970)
        var cache = options.cacheFile.map(LinkCheckCache.init(path:))
        var toCheck: [String] = []
        for url in links.keys.sorted() {
            if let cache, cache.fresh(url, now: now, ttl: options.cacheTTL) != nil {
                report.cachedURLs += 1
            } else {
                toCheck.append(url)
            }
        }
        report.externalLinksChecked = links.count
        let checker = ExternalLinkChecker(timeout: options.timeout, concurrency: options.concurrency, perHostInterval: options.perHostInterval)
        let outcomes = await checker.check(toCheck)
        for url in toCheck {
            guard let outcome = outcomes[url] else { continue }
            if outcome.isBroken {
                cache?.forget(url)
                for (file, link) in links[url] ?? [] {
                    report.add(LinkReport.Problem(line: link.line, column: link.column, destination: link.destination, reason: outcome.reason),
                               in: file)
                }
            } else if case .status(let code) = outcome {
                cache?.record(url, status: code, now: now)
            }
        }
        try? cache?.save()
    }

    static func isExternal(_ destination: String) -> Bool {
        let lower = destination.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }

    /// The quoted destination in a link warning (`broken link to 'other.md'`).
    static func destination(in d: Diagnostic) -> String? {
        d.message.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
    }

    /// The path part of `base_url`, which root-relative links start with.
    static func basePath(siteRoot: String) -> String {
        guard let text = try? String(contentsOfFile: siteRoot + "/sitegen.toml", encoding: .utf8) else { return "" }
        var ignored: [Diagnostic] = []
        return SiteFunctions.basePath(of: SiteConfig(parsing: text, file: "sitegen.toml", diagnostics: &ignored).baseURLPrefix)
    }

    /// Whether `/a/b/`, `/a/b` or `/logo.svg` names a file of the output (`index.html` for folders).
    static func outputHas(_ link: String, basePath: String, output: String) -> Bool {
        var path = withoutFragment(link)
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if !basePath.isEmpty, path.hasPrefix(basePath) { path = String(path.dropFirst(basePath.count)) }
        path = path.removingPercentEncoding ?? path
        let full = output + (path.hasPrefix("/") ? path : "/" + path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return false }
        return !isDirectory.boolValue || FileManager.default.fileExists(atPath: full + "/index.html")
    }
}

/// What `sitegen check` was asked to do.
public struct LinkCheckOptions: Sendable {
    /// The build (source folder, drafts); its output goes to a temporary folder.
    public var build: BuildOptions
    /// Whether to check `http(s)` links over the network.
    public var external = false
    /// Seconds before a request counts as failed.
    public var timeout: Double = 10
    /// Requests in flight at once, across hosts.
    public var concurrency = 8
    /// Least time between two requests to one host.
    public var perHostInterval: Duration = .milliseconds(250)
    /// The cache file (default `<source>/.sitegen/linkcheck.json`); nil to use none.
    public var cacheFile: String?
    /// Seconds a working URL stays in the cache (default a day).
    public var cacheTTL = 24 * 60 * 60

    public init(source: String) {
        self.build = BuildOptions(source: source)
        self.cacheFile = URL(fileURLWithPath: source).standardizedFileURL.path + "/.sitegen/linkcheck.json"
    }
}

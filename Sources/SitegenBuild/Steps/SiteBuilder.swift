import Foundation
import SitegenContent
import SitegenHTML
import SitegenServerCore
import SitegenTemplates

/// The build as named steps: load → render → feeds/sitemap → assets → swap into place.
///
/// ```swift
/// let result = SiteBuilder(options: BuildOptions(source: "Examples/blog")).build()
/// for d in result.diagnostics { print(d.formatted) }
/// ```
/// Every problem a site author can cause is a diagnostic; the output folder is replaced
/// only when there were no errors.
public struct SiteBuilder {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What a build did.
    public struct Result: Sendable {
        /// All diagnostics, in file order.
        public var diagnostics: [Diagnostic] = []
        public var pageCount = 0
        /// Output files rendered through templates (an incremental build renders only
        /// those whose input changed).
        public var renderedCount = 0
        public var assetCount = 0
        public var fileCount = 0
        public var seconds = 0.0
        /// Per step, in order: (name, seconds).
        public var steps: [(String, Double)] = []
        /// Pages with suspense boundaries: URL path → sections, for the server component.
        public var suspendedPages: [String: [SuspendedSection]] = [:]
        /// Size of the site component's core module, when `server.wasm` was built.
        public var componentBytes: Int?
        /// Island templates `server.wasm` interprets (its template interpreter, ~130 KB)
        /// instead of running them compiled, with the construct that kept each from compiling.
        public var interpretedIslands: [(template: String, reason: String)] = []
        /// Every page's and section's Markdown links, for `sitegen check`.
        public var links: [PageLinks] = []
        /// The broken-link and missing-anchor warnings among ``diagnostics``.
        public var linkProblems: [Diagnostic] = []
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public func build() -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        var result = Result()
        run(into: &result)
        let elapsed = clock.now - started
        result.seconds = StepTimer.seconds(elapsed)
        return result
    }

    private func run(into result: inout Result) {
        var diagnostics: [Diagnostic] = []
        let step = StepTimer()
        defer { result.steps += step.steps }
        let root = URL(fileURLWithPath: options.source).standardizedFileURL.path
        let outputPath = URL(fileURLWithPath: options.output).standardizedFileURL.path
        if let incremental = options.incremental,
           let (previous, changes) = incremental.start(after: options.changes, root: root, output: outputPath) {
            runIncremental(from: previous, changes: changes, incremental: incremental, into: &result, step: step)
            // Freeing the last build's values takes milliseconds: not on the rebuild's path.
            IncrementalBuild.release(consume previous)
            return
        }

        // Load config.
        guard let configText = try? String(contentsOfFile: root + "/sitegen.toml", encoding: .utf8) else {
            result.diagnostics = [Diagnostic(.error, "no sitegen.toml in '" + options.source + "'",
                                             fix: "run sitegen in a site folder, pass --source DIR, or create one with 'sitegen new site NAME'")]
            return
        }
        var config = step("Load config") { SiteConfig(parsing: configText, file: "sitegen.toml", diagnostics: &diagnostics) }
        if let backend = options.assetBackend {
            guard SiteConfig.assetBackends.contains(backend) else {
                result.diagnostics = [Diagnostic(.error, "unknown asset backend '" + backend + "'",
                                                 expected: "one of " + SiteConfig.assetBackends.map { "'" + $0 + "'" }.joined(separator: ", "),
                                                 fix: Suggestion.nearest(to: backend, in: SiteConfig.assetBackends).map { "did you mean '" + $0 + "'?" })]
                return
            }
            config.assetBackend = backend
        }
        if let store = options.keyValueStore { config.keyValueStore = store }
        config.keyValueStore = options.hostProfile.keyValueStore(configured: config.keyValueStore)
        if !options.staticOnly, !options.preview, config.serverComponent {
            let refused = Self.hostProfileDiagnostics(options.hostProfile, config: config, root: root)
            if !refused.isEmpty {
                result.diagnostics = refused
                return
            }
        }
        if options.staticOnly {
            config.serverComponent = false
            config.precompress = false
        }
        if options.preview { config.precompress = false }
        if let base = options.baseURL {
            config.baseURL = base
            config.value["base_url"] = .string(base)
        }
        let now = options.now.flatMap { DateValue(iso: $0) } ?? Self.currentDate()
        var site = Site(root: root, config: config)

        // Load content, templates, data.
        let content = step("Load content") { ContentLoader(options: options, now: now).load(into: &site, diagnostics: &diagnostics) }
        let themeRoot = ThemeLocator(siteRoot: root, extraPaths: options.themeSearchPaths).locate(config.theme, diagnostics: &diagnostics)
        var templateFolders: [(String, String)] = [(root + "/templates", "templates/")]
        if let themeRoot { templateFolders.append((themeRoot.path + "/templates", themeRoot.display + "/templates/")) }
        let templates = step("Load templates") { TemplateSet(folders: templateFolders, diagnostics: &diagnostics) }
        step("Load data") { site.data = DataLoader.load(root + "/data", diagnostics: &diagnostics) }
        let assets = StaticAssets(themeStatic: themeRoot.map { $0.path + "/static" }, siteStatic: root + "/static")

        // Render.
        let markdown = step("Render Markdown") { () -> MarkdownStep.Results in
            let engine = SiteRenderer.engine(site: site, templates: templates, assets: assets, now: now.rfc3339)
            var linkProblems: [Diagnostic] = []
            let results = MarkdownStep(shortcodes: ShortcodeRenderer(templates: templates, engine: engine), cache: options.markdownCache)
                .run(&site, diagnostics: &diagnostics, linkProblems: &linkProblems)
            result.linkProblems = linkProblems.sorted(by: Diagnostic.fileOrder)
            return results
        }
        result.links = Self.links(of: site)
        let context = step("Build context") { SiteContext(site: site) }
        // Keys only for sites with suspense boundaries (a static site gets no key file).
        var hasBoundaries = !site.contentIslands.isEmpty
        for name in templates.library.names {
            SiteDataBuilder.suspenseTags(templates.library[name]?.nodes ?? []) { _, _ in hasBoundaries = true }
        }
        let islandKeys = hasBoundaries ? IslandKeys.load(siteRoot: root) : IslandKeys(keys: [])
        let renderer = SiteRenderer(context: context, templates: templates, assets: assets, now: now.rfc3339,
                                    islandKeys: hasBoundaries ? islandKeys : nil)
        let jobs = renderer.jobs(diagnostics: &diagnostics)
        // Stop before writing anything if loading already failed.
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
            return
        }
        let output: OutputDirectory
        do {
            output = try OutputDirectory(destination: options.output, tracking: options.incremental != nil)
        } catch {
            result.diagnostics = diagnostics + [Diagnostic(.error, "cannot create the output folder '" + options.output + "'",
                                                           fix: "check that its parent exists and is writable")]
            return
        }
        let counter = ProgressCounter(total: jobs.count, report: options.progress)
        let recording = options.incremental != nil
        let rendered = step("Render pages") {
            parallelMap(jobs) { job -> (RenderOutput, IncrementalBuild.Record?) in
                defer { counter.advance() }
                var out: RenderOutput
                var record: IncrementalBuild.Record?
                if recording {
                    let input = renderer.input(for: job)
                    let calls: [RecordedCall]
                    (out, calls) = renderer.renderRecording(job, input: input)
                    record = IncrementalBuild.Record(template: job.template, input: input, calls: calls, sections: out.sections)
                } else {
                    out = renderer.render(job)
                }
                if out.diagnostics.isEmpty { output.write(job.outputFile, out.bytes) }
                out.bytes = []
                return (out, record)
            }
        }
        var records: [IncrementalBuild.Record] = []
        for (job, (out, record)) in zip(jobs, rendered) {
            diagnostics.append(contentsOf: out.diagnostics)
            if !out.sections.isEmpty { result.suspendedPages[job.path] = out.sections }
            if let record { records.append(record) }
        }
        let extras = step("Write feeds and sitemap") { OutputExtras(context: context, output: output, now: now).write(jobs: jobs) }
        step("Copy static files") {
            for (path, source) in assets.files.sorted(by: { $0.key < $1.key }) { output.copy(from: source, to: path) }
            for page in site.pages {
                guard let bundle = page.bundleDirectory else { continue }
                for asset in page.assets { output.copy(from: root + "/" + bundle + "/" + asset, to: String(page.path.dropFirst()) + asset) }
            }
            // Files beside sections and pages keep their folder, as in Hugo and Zola.
            let rendered = Set(jobs.map(\.outputFile))
            for path in site.contentFiles {
                if let source = assets.files[path] {
                    let other = source.hasPrefix(root + "/") ? String(source.dropFirst(root.count + 1)) : source
                    diagnostics.append(.contentFileCollision("content/" + path, output: path, other: other))
                } else if rendered.contains(path) {
                    diagnostics.append(.contentFileCollision("content/" + path, output: path, other: "a rendered page"))
                }
                output.copy(from: root + "/content/" + path, to: path)
            }
        }
        var serverReport = ServerStep.Report()
        // A full disk or an unwritable folder: say so now, and do not build the component on it.
        diagnostics.append(contentsOf: Diagnostic.outputFailures(output.failures, output: options.output))
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let server = ServerStep(config: config, staging: output.staging, cacheDirectory: options.cacheDirectory ?? BuildOptions.defaultCacheDirectory,
                                    siteRoot: root, templates: templates, suspendedPages: result.suspendedPages, islandKeys: islandKeys,
                                    contentIslands: site.contentIslands)
            serverReport = server.run(options: options) { name, body in step(name, body) }
            diagnostics.append(contentsOf: serverReport.diagnostics)
            result.componentBytes = serverReport.componentBytes
            result.interpretedIslands = serverReport.interpretedIslands
        }
        result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
        result.pageCount = site.pages.count
        result.renderedCount = jobs.count
        result.assetCount = assets.files.count
        result.fileCount = output.fileCount
        guard result.succeeded else {
            output.discard()
            return
        }
        do {
            try step("Swap output") { () throws -> Void in try output.commit() }
        } catch {
            output.discard()
            result.diagnostics.append(Diagnostic(.error, "cannot move the new site into '" + options.output + "': " + String(describing: error)))
            return
        }
        if let incremental = options.incremental {
            // Warnings of steps an incremental build does not run again: configuration,
            // theme, data, static files.
            let kept = result.diagnostics.filter { d in
                guard let file = d.location?.file else { return true }
                return !file.hasPrefix("content/") && !file.hasSuffix(".html")
            }
            incremental.store(IncrementalBuild.Snapshot(
                root: root, output: outputPath, config: config, now: now, templateFolders: templateFolders, templates: templates,
                data: site.data, assets: assets, context: context, lists: renderer.lists, content: content, markdown: markdown,
                jobs: jobs, records: records, written: output.written,
                liveFiles: Set(serverReport.entries.filter(\.isLive).map(\.path)),
                manifest: serverReport.manifest, manifestHeapLimit: serverReport.manifestHeapLimit, extras: extras, inputs: serverReport.inputs, islandKeys: islandKeys, contentIslandsExpand: !site.contentIslands.isEmpty,
                keptWarnings: kept), rendered: jobs.count)
        }
    }

    /// Now as RFC 3339 (see ``currentDate()``), for ``BuildOptions/now``.
    public static func currentRFC3339() -> String { currentDate().rfc3339 }

    /// Now as a UTC date: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
    static func currentDate() -> DateValue {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            return DateValue(unixTime: seconds)
        }
        return DateValue(unixTime: Int(Date().timeIntervalSince1970))
    }
}

/// The Markdown links of one content file.
public struct PageLinks: Sendable {
    /// The content file (`content/posts/hello.md`).
    public var file: String
    /// Its URL path (`/posts/hello/`).
    public var path: String
    /// Every link and image, as written, with line and column in the file.
    public var links: [MarkdownLink]
}

/// Counts finished jobs across threads and reports every 1% (and the last one).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now == total || now % max(1, total / 100) == 0 { report(now, total) }
    }
}

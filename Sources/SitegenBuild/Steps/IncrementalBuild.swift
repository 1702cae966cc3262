import Foundation
import SitegenHTML
import SitegenServerCore
import SitegenTemplates

/// What `sitegen preview` keeps between builds so that the next one redoes only what an
/// edit changed.
///
/// ```swift
/// let incremental = IncrementalBuild()
/// var options = BuildOptions(source: "site")
/// options.incremental = incremental
/// SiteBuilder(options: options).build()          // a whole build, remembered
/// options.changes = ["content/posts/hello.md"]
/// SiteBuilder(options: options).build()          // re-renders what that page reaches
/// ```
///
/// A build that follows edits of Markdown files and templates only (anything else, a
/// new static file or `sitegen.toml`, gets a whole build) reuses the last build's
/// configuration, data, static files and unchanged parsed files, and renders again only
/// the output files whose input changed: each rendered file remembers its template
/// context and every template function call it made (`get_section`, `url`, …) with the
/// result. A file is rendered again when its context differs, when one of those calls
/// now returns something else, or when any template changed. Files are written in
/// place, and only when their bytes differ; nothing is written when the build fails.
public final class IncrementalBuild: @unchecked Sendable {
    /// What rendering one output file depended on.
    struct Record: Sendable {
        var template: String
        var input: Value
        var calls: [RecordedCall]
        var sections: [SuspendedSection]
    }

    /// The state of the last successful build.
    struct Snapshot: Sendable {
        var root: String
        /// The output folder, absolute.
        var output: String
        var config: SiteConfig
        var now: DateValue
        var templateFolders: [(String, String)]
        var templates: TemplateSet
        var data: Object
        var assets: StaticAssets
        var context: SiteContext
        /// The section and taxonomy lists the renderer built.
        var lists: SiteRenderer.Lists
        var content: ContentLoader.Loaded
        /// By output file.
        var records: [String: Record]
        /// Every file the build wrote itself (pages, feeds, sitemap), by output path.
        var written: [String: OutputDirectory.WrittenFile]
        /// The manifest entries of every output file, by path.
        var entries: [String: AssetManifest.Entry]
        /// The feeds written, by folder.
        var feeds: [String: OutputExtras.Feed]
        var inputs: SiteInputs?
        var islandKeys: IslandKeys
        var contentIslandsExpand: Bool
        /// Warnings of the steps an incremental build does not run again.
        var keptWarnings: [Diagnostic]
    }

    private let lock = NSLock()
    private var state: Snapshot?
    private var renderedCount = 0
    /// Changes since `state` that a failed build saw (the watcher reports each once).
    private var pending: Set<String> = []

    public init() {}

    /// How many output files the last build rendered (all of them for a whole build).
    public var lastRenderedCount: Int { lock.withLock { renderedCount } }

    /// The last successful build's state.
    var snapshot: Snapshot? { lock.withLock { state } }

    /// The last build's state and every change since, when a build after `changes` can
    /// start from it; else nil, and the next build is a whole one.
    func start(after changes: [String]?, root: String, output: String) -> (Snapshot, [String])? {
        lock.withLock {
            guard let state, let changes, state.root == root, state.output == output else {
                state = nil
                return nil
            }
            let all = pending.union(changes).sorted()
            guard Self.canUpdate(after: all, snapshot: state) else {
                self.state = nil
                return nil
            }
            return (state, all)
        }
    }

    func store(_ snapshot: Snapshot, rendered: Int) {
        let old = lock.withLock {
            let old = state
            state = snapshot
            pending = []
            renderedCount = rendered
            return old
        }
        // Freeing the previous build's values takes milliseconds: not on the rebuild's path.
        if let old { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(old) {} } }
    }

    /// A build from the snapshot failed before writing anything: the snapshot still
    /// describes the output, and the next build must redo these changes too.
    func keep(pending changes: [String]) { lock.withLock { pending.formUnion(changes) } }

    func forget() {
        lock.withLock {
            state = nil
            pending = []
        }
    }

    /// Whether a build after `changes` (site-relative paths) can start from the last one:
    /// only Markdown files under `content/` and templates changed.
    static func canUpdate(after changes: [String], snapshot: Snapshot) -> Bool {
        !changes.isEmpty && changes.allSatisfy { change in
            if change.hasPrefix("content/") { return change.hasSuffix(".md") }
            return isTemplate(change, snapshot: snapshot)
        }
    }

    static func isTemplate(_ change: String, snapshot: Snapshot) -> Bool {
        let absolute = change.hasPrefix("/") ? change : snapshot.root + "/" + change
        return change.hasSuffix(".html") && snapshot.templateFolders.contains { absolute.hasPrefix($0.0 + "/") }
    }
}

extension SiteBuilder {
    /// The build after edits of Markdown files and templates, from `previous`; see
    /// ``IncrementalBuild``.
    func runIncremental(from previous: IncrementalBuild.Snapshot, changes: [String], incremental: IncrementalBuild,
                        into result: inout Result, step: StepTimer) {
        var diagnostics: [Diagnostic] = []
        let root = previous.root
        let changed = Set(changes)
        let templatesChanged = changes.contains { IncrementalBuild.isTemplate($0, snapshot: previous) }
        var templates = previous.templates
        if templatesChanged {
            step("Load templates") { templates = TemplateSet(folders: previous.templateFolders, diagnostics: &diagnostics) }
        }
        var site = Site(root: root, config: previous.config)
        site.data = previous.data
        var loader = ContentLoader(options: options, now: previous.now)
        loader.reuse = previous.content.files
        loader.changed = changed
        // Only known Markdown files changed (no file came or went): the same tree.
        if changes.allSatisfy({ !$0.hasPrefix("content/")
                || (previous.content.files[$0] != nil && FileManager.default.fileExists(atPath: root + "/" + $0)) }) {
            loader.knownTree = previous.content.tree
        }
        let content = step("Load content") { loader.load(into: &site, diagnostics: &diagnostics) }
        let assets = previous.assets
        let now = previous.now.rfc3339
        step("Render Markdown") {
            let engine = SiteRenderer.engine(site: site, templates: templates, assets: assets, now: now)
            var linkProblems: [Diagnostic] = []
            MarkdownStep(shortcodes: ShortcodeRenderer(templates: templates, engine: engine), cache: options.markdownCache)
                .run(&site, diagnostics: &diagnostics, linkProblems: &linkProblems)
            result.linkProblems = linkProblems.sorted(by: Diagnostic.fileOrder)
        }
        let context = step("Build context") { SiteContext(site: site, reusing: previous.context) }
        let expands = !site.contentIslands.isEmpty
        var hasBoundaries = expands
        for name in templates.library.names {
            SiteDataBuilder.suspenseTags(templates.library[name]?.nodes ?? []) { _, _ in hasBoundaries = true }
        }
        let islandKeys = hasBoundaries && previous.islandKeys.keys.isEmpty ? IslandKeys.load(siteRoot: root) : previous.islandKeys
        let renderer = SiteRenderer(context: context, templates: templates, assets: assets, now: now,
                                    islandKeys: hasBoundaries ? islandKeys : nil, reusing: previous.lists)
        let jobs = renderer.jobs(diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
            incremental.keep(pending: changes)
            return
        }

        // Which output files need rendering.
        let everything = templatesChanged || expands != previous.contentIslandsExpand
        var records: [String: IncrementalBuild.Record] = [:]
        var stale: [(RenderJob, Value)] = []
        step("Find changed pages") {
            let inputs = parallelMap(jobs) { job -> (Value, IncrementalBuild.Record?) in
                let input = renderer.input(for: job)
                guard !everything, let record = previous.records[job.outputFile], record.template == job.template, record.input == input,
                      record.calls.allSatisfy({ renderer.returnsSame($0) }) else { return (input, nil) }
                return (input, record)
            }
            for (job, (input, record)) in zip(jobs, inputs) {
                if let record { records[job.outputFile] = record } else { stale.append((job, input)) }
            }
        }
        var outputs: [(RenderJob, RenderOutput)] = []
        step("Render pages") {
            let rendered = parallelMap(stale) { job, input in renderer.renderRecording(job, input: input) }
            for ((job, input), (output, calls)) in zip(stale, rendered) {
                diagnostics.append(contentsOf: output.diagnostics)
                records[job.outputFile] = IncrementalBuild.Record(template: job.template, input: input, calls: calls, sections: output.sections)
                outputs.append((job, output))
            }
        }
        for job in jobs {
            if let sections = records[job.outputFile]?.sections, !sections.isEmpty { result.suspendedPages[job.path] = sections }
        }
        result.links = Self.links(of: site)
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
            incremental.keep(pending: changes)
            return
        }

        // Write in place what changed; remove what is gone.
        let output = OutputDirectory(inPlace: options.output, previous: previous.written)
        step("Write pages") {
            parallelMap(outputs) { job, out -> Void in output.write(job.outputFile, out.bytes) }
            let rendered = Set(outputs.map(\.0.outputFile))
            for job in jobs where !rendered.contains(job.outputFile) {
                // Not rendered again: the file stays as the previous build wrote it.
                if let file = previous.written[job.outputFile] { output.keep(job.outputFile, file) }
            }
        }
        var extras = OutputExtras(context: context, output: output, now: previous.now)
        extras.previousFeeds = previous.feeds
        let feeds = step("Write feeds and sitemap") { extras.write(jobs: jobs) }
        let gone = previous.written.keys.filter { output.written[$0] == nil }
        for path in gone { output.remove(path) }

        // The manifest: the previous entries, with the files written now.
        var entries = previous.entries
        for path in gone { entries[path] = nil }
        let live = Set(result.suspendedPages.keys.map { $0.hasSuffix("/") ? String($0.dropFirst()) + "index.html" : String($0.dropFirst()) })
        for (path, file) in output.written where previous.written[path] != file || entries[path] == nil {
            entries[path] = AssetManifest.Entry(path: path, size: UInt64(file.size), contentType: MIMETypes.contentType(forPath: path),
                                                etag: ContentHash.hex(file.hash), isImmutable: StaticAssets.isFingerprinted(path),
                                                gzipSize: nil, brotliSize: nil, isLive: false)
        }
        for path in entries.keys { entries[path]?.isLive = live.contains(path) }
        var server = ServerStep(config: previous.config, staging: output.destination,
                                cacheDirectory: options.cacheDirectory ?? BuildOptions.defaultCacheDirectory,
                                siteRoot: root, templates: templates, suspendedPages: result.suspendedPages, islandKeys: islandKeys,
                                contentIslands: site.contentIslands)
        server.knownEntries = entries.keys.sorted().map { entries[$0]! }
        server.previousInputs = previous.inputs
        let report = server.run(options: options) { name, body in step(name, body) }
        diagnostics.append(contentsOf: report.diagnostics)
        result.componentBytes = report.componentBytes
        diagnostics.append(contentsOf: Diagnostic.outputFailures(output.failures, output: options.output))
        result.diagnostics = (diagnostics + previous.keptWarnings).sorted(by: Diagnostic.fileOrder)
        result.pageCount = site.pages.count
        result.renderedCount = outputs.count
        result.assetCount = assets.files.count
        result.fileCount = output.fileCount
        guard result.succeeded else {
            incremental.forget()  // the output may be half updated: the next build is a whole one
            return
        }
        incremental.store(IncrementalBuild.Snapshot(
            root: root, output: previous.output, config: previous.config, now: previous.now, templateFolders: previous.templateFolders, templates: templates,
            data: previous.data, assets: assets, context: context, lists: renderer.lists, content: content, records: records, written: output.written,
            entries: entries, feeds: feeds, inputs: report.inputs ?? previous.inputs, islandKeys: islandKeys, contentIslandsExpand: expands,
            keptWarnings: previous.keptWarnings), rendered: outputs.count)
    }

    /// Every page's and section's Markdown links, for `sitegen check`.
    static func links(of site: Site) -> [PageLinks] {
        site.pages.map { PageLinks(file: $0.file, path: $0.path, links: $0.rendered?.links ?? []) }
            + site.sections.values.compactMap { section in
                section.file.map { PageLinks(file: $0, path: section.path, links: section.rendered?.links ?? []) }
            }.sorted { $0.file < $1.file }
    }
}

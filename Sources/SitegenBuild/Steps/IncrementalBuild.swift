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
    /// What rendering one output file depended on. A class: every build keeps one per
    /// job, and copying them is one retain each.
    final class Record: Sendable {
        let template: String
        let input: Value
        let calls: [RecordedCall]
        let sections: [SuspendedSection]

        init(template: String, input: Value, calls: [RecordedCall], sections: [SuspendedSection]) {
            self.template = template
            self.input = input
            self.calls = calls
            self.sections = sections
        }

        /// Stands for the record of a job that is about to be rendered again.
        static let placeholder = Record(template: "", input: .null, calls: [], sections: [])
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
        /// What the Markdown step gave, per page and section.
        var markdown: MarkdownStep.Results
        /// The render jobs, and what each one's render depended on (same positions).
        var jobs: [RenderJob]
        var records: [Record]
        /// Every file the build wrote itself (pages, feeds, sitemap), by output path.
        var written: [String: OutputDirectory.WrittenFile]
        /// The pages with suspense boundaries, by output file (the entries marked live).
        var liveFiles: Set<String>
        /// The manifest blob (every output file's entry), and the heap size up to which
        /// the next build may patch it.
        var manifest: [UInt8]
        var manifestHeapLimit: Int
        /// What the feeds and the sitemap were made of.
        var extras: OutputExtras.Written
        var inputs: SiteInputs?
        var islandKeys: IslandKeys
        var contentIslandsExpand: Bool
        /// Warnings of the steps an incremental build does not run again.
        var keptWarnings: [Diagnostic]
    }

    private let lock = NSLock()
    private var state: Snapshot?
    private var renderedCount = 0
    private var replacedPages: [String]?
    /// Changes since `state` that a failed build saw (the watcher reports each once).
    private var pending: Set<String> = []

    public init() {}

    /// How many output files the last build rendered (all of them for a whole build).
    public var lastRenderedCount: Int { lock.withLock { renderedCount } }

    /// The pages (content paths) the last build replaced in the last site, when it
    /// patched it (edits that kept every page's place); nil when it loaded the site again.
    public var lastReplacedPages: [String]? { lock.withLock { replacedPages } }

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

    func store(_ snapshot: Snapshot, rendered: Int, replaced: [String]? = nil) {
        let old = lock.withLock {
            let old = state
            state = snapshot
            pending = []
            renderedCount = rendered
            replacedPages = replaced
            return old
        }
        if let old { Self.release(old) }
    }

    /// Frees a snapshot's values on another thread (it takes milliseconds): pass the
    /// last reference, with `consume`.
    static func release(_ snapshot: consuming Snapshot) {
        let box = Box(snapshot)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class Box: @unchecked Sendable {
        var value: Snapshot?
        init(_ value: consuming Snapshot) { self.value = value }
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
        // Pages edited in place (same URL, order and terms): the last site with those
        // pages replaced, and from there on only what shows them is done again.
        var replaced: Set<Int>?
        let content = step("Load content") { () -> ContentLoader.Loaded in
            if !templatesChanged, loader.knownTree != nil,
               let (patched, loaded, pages) = loader.patch(previous.context.site, loaded: previous.content, changes: changes) {
                site = patched
                replaced = pages
                diagnostics += loaded.diagnostics
                return loaded
            }
            return loader.load(into: &site, diagnostics: &diagnostics)
        }
        let assets = previous.assets
        let now = previous.now.rfc3339
        let markdown = step("Render Markdown") { () -> MarkdownStep.Results in
            let engine = SiteRenderer.engine(site: site, templates: templates, assets: assets, now: now)
            var linkProblems: [Diagnostic] = []
            let results = MarkdownStep(shortcodes: ShortcodeRenderer(templates: templates, engine: engine), cache: options.markdownCache)
                .run(&site, diagnostics: &diagnostics, linkProblems: &linkProblems,
                     reusing: replaced == nil ? nil : previous.markdown, replaced: replaced ?? [])
            result.linkProblems = linkProblems.sorted(by: Diagnostic.fileOrder)
            return results
        }
        let context = step("Build context") { SiteContext(site: site, reusing: previous.context, replaced: replaced) }
        let expands = !site.contentIslands.isEmpty
        var hasBoundaries = expands
        for name in templates.library.names {
            SiteDataBuilder.suspenseTags(templates.library[name]?.nodes ?? []) { _, _ in hasBoundaries = true }
        }
        let islandKeys = hasBoundaries && previous.islandKeys.keys.isEmpty ? IslandKeys.load(siteRoot: root) : previous.islandKeys
        // After a patch, only the jobs that show a replaced page can have another input,
        // and the jobs are the last build's (the same pages, sections, terms and pagers).
        let mayShow = replaced.map { Self.jobsShowing($0, site: site) }
        let (renderer, jobs) = step("Plan pages") { () -> (SiteRenderer, [RenderJob]) in
            let renderer = SiteRenderer(context: context, templates: templates, assets: assets, now: now,
                                        islandKeys: hasBoundaries ? islandKeys : nil, reusing: previous.lists, showing: mayShow)
            guard let replaced else { return (renderer, renderer.jobs(diagnostics: &diagnostics)) }
            var jobs = previous.jobs
            // A replaced page may have another template (`template` in its front matter).
            for i in replaced { jobs[i] = renderer.pageJob(i) }
            return (renderer, jobs)
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
            incremental.keep(pending: changes)
            return
        }

        // Which output files need rendering, by position in `jobs`.
        let everything = templatesChanged || expands != previous.contentIslandsExpand
        // Stale jobs hold a placeholder until they are rendered.
        var records: [IncrementalBuild.Record] = []
        var stale: [(Int, Value)] = []
        let calls = CallResults(renderer: renderer)
        step("Find changed pages") {
            if let mayShow, !everything {
                records = previous.records
                stale = Self.changedAfterPatch(jobs: jobs, previous: previous.records, mayShow: mayShow, renderer: renderer, calls: calls)
                return
            }
            // The jobs may have moved: find each one's record by its output file.
            var positions: [String: Int] = [:]
            if !everything {
                positions.reserveCapacity(previous.jobs.count)
                for (i, job) in previous.jobs.enumerated() { positions[job.outputFile] = i }
            }
            let position = positions
            let inputs = parallelMap(jobs) { job -> (Value, IncrementalBuild.Record?) in
                let input = renderer.input(for: job)
                guard let i = position[job.outputFile] else { return (input, nil) }
                let record = previous.records[i]
                guard record.template == job.template, record.input == input,
                      record.calls.allSatisfy({ calls.returnsSame($0) }) else { return (input, nil) }
                return (input, record)
            }
            records = inputs.map { $0.1 ?? IncrementalBuild.Record.placeholder }
            for (i, (input, record)) in inputs.enumerated() where record == nil { stale.append((i, input)) }
        }
        var outputs: [(RenderJob, RenderOutput)] = []
        step("Render pages") {
            let rendered = parallelMap(stale) { i, input in renderer.renderRecording(jobs[i], input: input) }
            for ((i, input), (output, calls)) in zip(stale, rendered) {
                diagnostics.append(contentsOf: output.diagnostics)
                records[i] = IncrementalBuild.Record(template: jobs[i].template, input: input, calls: calls, sections: output.sections)
                outputs.append((jobs[i], output))
            }
        }
        for (job, record) in zip(jobs, records) where !record.sections.isEmpty { result.suspendedPages[job.path] = record.sections }
        // For `sitegen check`; the preview does not read them.
        if !options.preview { result.links = Self.links(of: site) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics.sorted(by: Diagnostic.fileOrder)
            incremental.keep(pending: changes)
            return
        }

        // Write in place what changed; remove what is gone.
        let output = OutputDirectory(inPlace: options.output, previous: previous.written)
        step("Write pages") {
            _ = parallelMap(outputs) { job, out -> Void in output.write(job.outputFile, out.bytes) }
            if replaced != nil {
                // The same jobs, feeds and sitemap as the last build: every file it wrote
                // is still there. Redirects follow the pages' aliases, which may have changed:
                // the feeds step writes those again.
                output.keepPreviousFiles(except: OutputExtras.aliasFiles(of: previous.context.site).map(\.file))
                return
            }
            // Not rendered again: the file stays as the previous build wrote it.
            let rendered = Set(outputs.map(\.0.outputFile))
            var kept: [(path: String, file: OutputDirectory.WrittenFile)] = []
            kept.reserveCapacity(jobs.count)
            for job in jobs where !rendered.contains(job.outputFile) {
                if let file = previous.written[job.outputFile] { kept.append((job.outputFile, file)) }
            }
            output.keep(kept)
        }
        var extras = OutputExtras(context: context, output: output, now: previous.now)
        extras.previous = previous.extras
        extras.replacedPages = replaced
        let written = step("Write feeds and sitemap") { extras.write(jobs: jobs) }
        // The manifest: the last one's entries, with the files written now, without those gone.
        // When no file came or went, the changed entries patch the last blob in place.
        var patch: [AssetManifest.Entry]?
        var allEntries: () -> [AssetManifest.Entry] = { [] }
        let live = step("Update manifest entries") { () -> Set<String> in
            let now = output.written, before = previous.written
            // What this build wrote anew (most files are kept as they were).
            let changed = output.fresh
            // Without a file new to this build, the same count means the same paths.
            let added = changed.keys.filter { before[$0] == nil }.count
            let gone = now.count == before.count + added ? [] : before.keys.filter { now[$0] == nil }
            for path in gone { output.remove(path) }
            let last = AssetManifest(bytes: previous.manifest) ?? .empty
            var updates: [String: AssetManifest.Entry] = [:]
            for (path, file) in changed {
                updates[path] = AssetManifest.Entry(path: path, size: UInt64(file.size), contentType: MIMETypes.contentType(forPath: path),
                                                    etag: ContentHash.hex(file.hash), isImmutable: StaticAssets.isFingerprinted(path),
                                                    gzipSize: nil, brotliSize: nil, isLive: false)
            }
            let live = Set(result.suspendedPages.keys.map { $0.hasSuffix("/") ? String($0.dropFirst()) + "index.html" : String($0.dropFirst()) })
            // Only the files whose flag can be wrong: live now, live before, or written anew.
            for path in live.union(previous.liveFiles).union(changed.keys) {
                guard var entry = updates[path] ?? last.entry(forPath: path), entry.isLive != live.contains(path) else { continue }
                entry.isLive = live.contains(path)
                updates[path] = entry
            }
            if gone.isEmpty && added == 0 { patch = Array(updates.values) }
            let goneSet = Set(gone)
            // Every entry, for a manifest built afresh: the last one's, updated, then the new ones.
            allEntries = {
                var entries = last.entries.filter { !goneSet.contains($0.path) }.map { updates[$0.path] ?? $0 }
                let known = Set(entries.map(\.path))
                entries += updates.values.filter { !known.contains($0.path) }
                return entries
            }
            return live
        }
        var server = ServerStep(config: previous.config, staging: output.destination,
                                cacheDirectory: options.cacheDirectory ?? BuildOptions.defaultCacheDirectory,
                                siteRoot: root, templates: templates, suspendedPages: result.suspendedPages, islandKeys: islandKeys,
                                contentIslands: site.contentIslands)
        server.knownEntries = allEntries
        if let patch, !previous.manifest.isEmpty {
            server.manifestPatch = (previous.manifest, patch, previous.manifestHeapLimit)
        }
        server.previousInputs = previous.inputs
        let report = server.run(options: options) { name, body in step(name, body) }
        diagnostics.append(contentsOf: report.diagnostics)
        result.componentBytes = report.componentBytes
        result.interpretedIslands = report.interpretedIslands
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
            data: previous.data, assets: assets, context: context, lists: renderer.lists, content: content, markdown: markdown,
            jobs: jobs, records: records, written: output.written,
            liveFiles: live, manifest: report.manifest, manifestHeapLimit: report.manifestHeapLimit,
            extras: written, inputs: report.inputs ?? previous.inputs, islandKeys: islandKeys, contentIslandsExpand: expands,
            keptWarnings: previous.keptWarnings), rendered: outputs.count,
            replaced: replaced.map { $0.map { site.pages[$0].contentPath }.sorted() })
    }

    /// The jobs to render again after a patch (positions), with their inputs. Only the jobs that can
    /// show a replaced page get their input built again; the others are stale only when
    /// a template function they called returns something else now, and each distinct
    /// call is checked once.
    static func changedAfterPatch(jobs: [RenderJob], previous: [IncrementalBuild.Record], mayShow: Showing,
                                  renderer: SiteRenderer, calls: CallResults) -> [(Int, Value)] {
        var isStale = [Bool](repeating: false, count: jobs.count)
        let showing = jobs.indices.filter { mayShow.contains(jobs[$0]) }
        let inputs = parallelMap(showing) { i in renderer.input(for: jobs[i]) }
        var stale: [(Int, Value)] = []
        for (i, input) in zip(showing, inputs) where previous[i].template != jobs[i].template || previous[i].input != input {
            isStale[i] = true
            stale.append((i, input))
        }
        var same: [ObjectIdentifier: Bool] = [:]
        for i in jobs.indices where !isStale[i] && !previous[i].calls.isEmpty {
            for call in previous[i].calls {
                let id = ObjectIdentifier(call)
                let isSame: Bool
                if let known = same[id] { isSame = known } else {
                    isSame = calls.returnsSame(call)
                    same[id] = isSame
                }
                if !isSame {
                    stale.append((i, previous[i].input))
                    break
                }
            }
        }
        return stale
    }

    /// What may hold one of the `replaced` pages, in a site where they kept their places:
    /// the page itself, the lists of its section, and the terms it has. (Every other
    /// input is the last build's.)
    static func jobsShowing(_ replaced: Set<Int>, site: Site) -> Showing {
        let sections = Set(replaced.map { site.pages[$0].section })
        var named: Set<String> = []
        for i in replaced {
            for (name, terms) in site.pages[i].frontMatter.taxonomies where !terms.isEmpty { named.insert(name) }
        }
        // By taxonomy, the indices of the terms that list a replaced page.
        var listing: [String: Set<Int>] = [:]
        for name in named {
            for (t, term) in (site.taxonomies[name] ?? []).enumerated() where term.pages.contains(where: replaced.contains) {
                listing[name, default: []].insert(t)
            }
        }
        return Showing(pages: replaced, sections: sections, taxonomies: named, terms: listing)
    }

    /// Every page's and section's Markdown links, for `sitegen check`.
    static func links(of site: Site) -> [PageLinks] {
        site.pages.map { PageLinks(file: $0.file, path: $0.path, links: $0.rendered?.links ?? []) }
            + site.sections.values.compactMap { section in
                section.file.map { PageLinks(file: $0, path: section.path, links: section.rendered?.links ?? []) }
            }.sorted { $0.file < $1.file }
    }
}

/// Whether recorded calls return the same in this build, each distinct call made once:
/// the call that hundreds of pages recorded (one ``RecordedCall`` object) is checked once.
final class CallResults: @unchecked Sendable {
    private let renderer: SiteRenderer
    private let lock = NSLock()
    private var same: [ObjectIdentifier: Bool] = [:]
    /// Keeps the checked calls alive, so that their identifiers stay theirs.
    private var checked: [RecordedCall] = []
    /// What each distinct call returns now, by ``RecordedCall/key``.
    private var results: [String: [(call: RecordedCall, result: Value?)]] = [:]

    init(renderer: SiteRenderer) { self.renderer = renderer }

    /// Whether `call` returns the same now as when it was recorded.
    func returnsSame(_ call: RecordedCall) -> Bool {
        if let known = lock.withLock({ same[ObjectIdentifier(call)] }) { return known }
        let key = call.key
        let now: Value?
        if let known = lock.withLock({ results[key]?.first { $0.call.hasArguments(of: call) } }) {
            now = known.result
        } else {
            now = renderer.call(call.name, call.arguments)
            lock.withLock { results[key, default: []].append((call, now)) }
        }
        let isSame = now.map { $0 == call.result } ?? false
        lock.withLock {
            same[ObjectIdentifier(call)] = isSame
            checked.append(call)
        }
        return isSame
    }
}

/// The pages an edit replaced in place, and the sections, taxonomies and terms that list
/// them: what an incremental build after a patch builds again.
struct Showing: Sendable {
    let pages: Set<Int>
    let sections: Set<String>
    let taxonomies: Set<String>
    /// By taxonomy, the indices of the terms that list a replaced page.
    let terms: [String: Set<Int>]

    /// Whether the job's template input may hold a replaced page.
    func contains(_ job: RenderJob) -> Bool {
        switch job.kind {
        case .page(let i): return pages.contains(i)
        case .section(let key, _): return sections.contains(key)
        case .taxonomy(let name): return taxonomies.contains(name)
        case .term(let name, let t, _): return terms[name]?.contains(t) == true
        case .notFound: return false
        }
    }
}

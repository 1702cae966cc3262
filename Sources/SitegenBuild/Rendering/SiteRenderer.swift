import SitegenHTML
import SitegenTemplates

/// Step "Render pages": every page, section pager, taxonomy and term page through its
/// template with the shared SSR core, in parallel on all cores.
struct SiteRenderer {
    let context: SiteContext
    let templates: TemplateSet
    let assets: StaticAssets
    let engine: TemplateEngine
    /// Each section's `pages` list and each taxonomy's `taxonomy` object (with its terms'
    /// objects), built once: every pager of a section and every term page shares them.
    let lists: Lists

    struct Lists: Sendable {
        var sectionPages: [String: Value] = [:]
        /// What `get_section` returns, by key: the section with all its pages. One value
        /// per build (kept from the last build when equal), so the thousands of pages that
        /// call it share it, and comparing what they recorded is quick.
        var fullSections: [String: Value] = [:]
        var taxonomies: [String: Value] = [:]
    }
    /// The template function calls recorded by this build's renders, one object per
    /// distinct call.
    let recordedCalls = RecordedCalls()
    /// The script that fills boundaries left waiting (`SuspenseMarkup.deferredLoader`), with
    /// its watchdog set from this site's loader timeout.
    let deferredLoader: String

    /// - Parameters:
    ///   - previous: the lists of an earlier build; those that come out equal are taken
    ///     from it, so comparing inputs that hold them is quick.
    ///   - showing: after an edit that kept every page's place, what lists the edited
    ///     pages: every other list is the earlier build's.
    init(context: SiteContext, templates: TemplateSet, assets: StaticAssets, now: String, islandKeys: IslandKeys? = nil,
         reusing previous: Lists? = nil, showing: Showing? = nil) {
        self.context = context
        self.templates = templates
        self.assets = assets
        let site = context.site
        var lists = Lists()
        if let previous, showing != nil { lists = previous }
        for (key, section) in site.sections {
            if let previous, let showing, !showing.sections.contains(key), previous.sectionPages[key] != nil { continue }
            let pages = Value.array(section.pages.map { context.pages[$0] })
            lists.sectionPages[key] = previous?.sectionPages[key] == pages ? previous?.sectionPages[key] : pages
            var full = context.sections[key] ?? Object()
            full["pages"] = lists.sectionPages[key]
            lists.fullSections[key] = previous?.fullSections[key] == .object(full) ? previous?.fullSections[key] : .object(full)
        }
        for (name, terms) in site.taxonomies {
            if let previous, let showing, !showing.taxonomies.contains(name), previous.taxonomies[name] != nil { continue }
            let previousTerms = previous?.taxonomies[name]?["terms"]
            let listing = showing?.terms[name]
            var values: [Value] = []
            for (t, term) in terms.enumerated() {
                if let listing, !listing.contains(t), let kept = previousTerms?[t] {
                    values.append(kept)
                    continue
                }
                let value = Self.termValue(name, term, context: context)
                values.append(previousTerms?[t] == value ? previousTerms![t]! : value)
            }
            let taxonomy: Value = ["name": .string(name), "permalink": .string(site.permalink("/" + name + "/")), "terms": .array(values)]
            lists.taxonomies[name] = previous?.taxonomies[name] == taxonomy ? previous?.taxonomies[name] : taxonomy
        }
        self.lists = lists
        var engine = Self.engine(site: site, templates: templates, assets: assets, now: now)
        let functions = SiteFunctions(context: context, assets: assets, fullSections: lists.fullSections, taxonomies: lists.taxonomies)
        engine.functions["get_section"] = functions.getSection
        engine.functions["get_page"] = functions.getPage
        engine.functions["get_taxonomy"] = functions.getTaxonomy
        if let islandKeys {
            engine.islandSource = { section in islandKeys.source(for: section) }
        }
        engine.expandsContentBoundaries = !site.contentIslands.isEmpty
        self.engine = engine
        let watchdog = SuspenseMarkup.watchdogMilliseconds(loaderTimeout: site.config.loaderTimeoutMilliseconds)
        deferredLoader = SuspenseMarkup.deferredLoader(watchdogMilliseconds: watchdog)
    }

    /// An engine with what every template sees (`config`, `data`, `now`, `url()`); the
    /// shortcodes use it before the site's context exists.
    static func engine(site: Site, templates: TemplateSet, assets: StaticAssets, now: String) -> TemplateEngine {
        var globals = Object()
        var config = site.config.value
        config["base_url"] = .string(site.config.baseURL)
        globals["config"] = .object(config)
        globals["data"] = .object(site.data)
        globals["now"] = .string(now)
        var engine = TemplateEngine(library: templates.library, globals: globals, strictVariables: site.config.strictTemplates)
        let url = SiteFunctions.url(site: site, assets: assets)
        engine.functions["url"] = url
        engine.functions["get_url"] = url
        return engine
    }

    /// The jobs for the whole site, in a stable order: the pages first, job `i` for page `i`.
    func jobs(diagnostics: inout [Diagnostic]) -> [RenderJob] {
        let site = context.site
        var jobs: [RenderJob] = []
        for i in site.pages.indices { jobs.append(pageJob(i)) }
        for key in site.sections.keys.sorted() {
            let section = site.sections[key]!
            let layout = section.frontMatter.layout ?? section.frontMatter.template
            let fallback = key.isEmpty && templates.contains("index.html") ? "index.html" : "section.html"
            let paginator = self.paginator(for: section)
            for n in 1...paginator.pagerCount {
                jobs.append(RenderJob(kind: .section(key, pager: n), template: Self.templateName(layout) ?? fallback,
                                      path: paginator.path(n), what: section.file ?? "content/"))
            }
        }
        for taxonomy in site.config.taxonomies {
            guard let terms = site.taxonomies[taxonomy.name], !terms.isEmpty else { continue }
            guard templates.contains("taxonomy.html"), templates.contains("term.html") else {
                diagnostics.append(Diagnostic(.warning, "taxonomy '" + taxonomy.name + "' has no templates; its pages are skipped",
                                              fix: "add taxonomy.html and term.html to templates/"))
                continue
            }
            jobs.append(RenderJob(kind: .taxonomy(taxonomy.name), template: "taxonomy.html", path: "/" + taxonomy.name + "/",
                                  what: "taxonomy '" + taxonomy.name + "'"))
            for (t, term) in terms.enumerated() {
                let paginator = Paginator(basePath: "/" + taxonomy.name + "/" + term.slug + "/", pages: term.pages,
                                          perPage: taxonomy.paginateBy > 0 ? taxonomy.paginateBy : site.config.paginate)
                for n in 1...paginator.pagerCount {
                    jobs.append(RenderJob(kind: .term(taxonomy.name, t, pager: n), template: "term.html", path: paginator.path(n),
                                          what: "term '" + term.name + "'"))
                }
            }
        }
        if templates.contains("404.html") {
            jobs.append(RenderJob(kind: .notFound, template: "404.html", path: "/404.html", what: "404 page"))
        }
        return jobs
    }

    /// The job of page `i` (by index: a Page is large, and a copy retains each of its fields).
    func pageJob(_ i: Int) -> RenderJob {
        let page = context.site.pages
        let layout = page[i].frontMatter.layout ?? page[i].frontMatter.template
        return RenderJob(kind: .page(i), template: Self.templateName(layout) ?? "page.html", path: page[i].path, what: page[i].file)
    }

    static func templateName(_ layout: String?) -> String? {
        guard let layout, !layout.isEmpty else { return nil }
        return layout.hasSuffix(".html") ? layout : layout + ".html"
    }

    func paginator(for section: Section) -> Paginator {
        Paginator(basePath: section.path, pages: section.pages, perPage: section.paginateBy ?? context.site.config.paginate)
    }

    /// Renders one job; errors become diagnostics, never a crash.
    func render(_ job: RenderJob) -> RenderOutput {
        render(job, input: input(for: job), engine: engine)
    }

    /// Renders one job and records every template function call it made with its
    /// result: an incremental build renders the job again only when its input or one of
    /// those results changed.
    func renderRecording(_ job: RenderJob, input: Value) -> (RenderOutput, [RecordedCall]) {
        let log = CallLog()
        let table = recordedCalls
        var engine = self.engine
        for (name, function) in engine.functions {
            // A named function: Swift 6.3's SILGen crashes on a @Sendable typed-throws closure literal here.
            @Sendable func recorded(_ arguments: Arguments) throws(TemplateError) -> Value {
                let result = try function(arguments)
                log.calls.append(table.intern(RecordedCall(name: name, arguments: arguments, result: result)))
                return result
            }
            engine.functions[name] = recorded
        }
        let output = render(job, input: input, engine: engine)
        return (output, log.calls)
    }

    /// What the template function `name` returns now for `arguments`; nil when it is gone
    /// or fails.
    func call(_ name: String, _ arguments: Arguments) -> Value? {
        guard let function = engine.functions[name] else { return nil }
        return try? function(arguments)
    }

    /// What the job's template sees besides the globals: `page`, `section`, `paginator`, …
    func input(for job: RenderJob) -> Value {
        let site = context.site
        var ctx = Object()
        switch job.kind {
        case .page(let i):
            ctx["page"] = context.pages[i]
            ctx["section"] = context.sections[site.pages[i].section].map { .object($0) } ?? .null
        case .section(let key, let n):
            let section = site.sections[key]!
            let paginator = self.paginator(for: section)
            var object = context.sections[key] ?? Object()
            object["pages"] = lists.sectionPages[key] ?? .array([])
            ctx["section"] = .object(object)
            if paginator.perPage > 0 { ctx["paginator"] = paginator.value(n, context: context) }
        case .taxonomy(let name):
            ctx["taxonomy"] = lists.taxonomies[name] ?? .null
        case .term(let name, let t, let n):
            let term = site.taxonomies[name]![t]
            let taxonomy = site.config.taxonomies.first { $0.name == name }
            let paginator = Paginator(basePath: "/" + name + "/" + term.slug + "/", pages: term.pages,
                                      perPage: (taxonomy?.paginateBy ?? 0) > 0 ? taxonomy!.paginateBy : site.config.paginate)
            ctx["term"] = lists.taxonomies[name]?["terms"]?[t] ?? Self.termValue(name, term, context: context)
            ctx["taxonomy"] = ["name": .string(name), "permalink": .string(site.permalink("/" + name + "/"))]
            if paginator.perPage > 0 { ctx["paginator"] = paginator.value(n, context: context) }
        case .notFound:
            break
        }
        ctx["current_path"] = .string(job.path)
        ctx["current_url"] = .string(site.permalink(job.path))
        return .object(ctx)
    }

    private func render(_ job: RenderJob, input: Value, engine: TemplateEngine) -> RenderOutput {
        var output = RenderOutput()
        guard templates.contains(job.template) else {
            output.diagnostics.append(Diagnostic(
                .error, "template '" + job.template + "' not found", at: nil,
                expected: "a file templates/" + job.template + " in the site or its theme",
                fix: Suggestion.nearest(to: job.template, in: templates.library.names).map { "did you mean '" + $0 + "'?" }
                    ?? "create templates/" + job.template,
                notes: ["while rendering " + job.what]))
            return output
        }
        var writer = HTMLWriter()
        do throws(TemplateError) {
            output.sections = try engine.render(job.template, context: input, into: &writer)
            output.bytes = writer.bytes
            if !output.sections.isEmpty { output.bytes = Self.insertBeforeBodyEnd(deferredLoader, into: output.bytes) }
        } catch {
            output.diagnostics.append(templates.diagnostic(for: error, note: "while rendering " + job.what))
        }
        return output
    }

    /// Puts `markup` before the last `</body>` (or at the end).
    static func insertBeforeBodyEnd(_ markup: String, into bytes: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var i = bytes.count - marker.count
        while i >= 0 {
            if bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
                return Array(bytes[..<i]) + Array(markup.utf8) + Array(bytes[i...])
            }
            i -= 1
        }
        return bytes + Array(markup.utf8)
    }

    static func termValue(_ taxonomy: String, _ term: Term, context: SiteContext) -> Value {
        let site = context.site
        return ["name": .string(term.name), "slug": .string(term.slug),
                "permalink": .string(site.permalink("/" + taxonomy + "/" + term.slug + "/")),
                "path": .string("/" + taxonomy + "/" + term.slug + "/"),
                "pages": .array(term.pages.map { context.pages[$0] })]
    }
}

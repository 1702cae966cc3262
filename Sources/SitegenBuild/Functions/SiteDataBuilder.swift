import SitegenHTML
import SitegenTemplates

/// Builds what the component needs at request time besides the files: the island
/// templates, the config, limits; and checks that every `{% suspense "x" %}` has a
/// loader `x` in `functions/`.
struct SiteDataBuilder {
    let config: SiteConfig
    let templates: TemplateSet
    let functions: [FunctionDiscovery.Found]
    let islandKeys: IslandKeys
    var contentIslands: [ContentIsland] = []

    /// The blob: two parts, each after its length (u32 little-endian), then the
    /// `TemplateCodec` bytes of the island templates the component interprets (by default
    /// all, ``islandTemplates(roots:)``). The parts are what the component reads for every
    /// server-side request (limits, key-value store, island keys: a JSON object) and the
    /// config templates see (a JSON object; empty when no island template reads `config`,
    /// `withConfig`). A fresh instance parses only what a request needs. Nothing per page:
    /// the component reads a streamed page's sections from its shell (`IslandSource`), so
    /// the component's size does not grow with the pages, and a content edit changes only
    /// the manifest.
    func blob(islandTemplates: [Template]? = nil, withConfig: Bool = true) -> [UInt8] {
        func u32(_ n: Int) -> [UInt8] { [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24 & 0xFF)] }
        var limits = Object()
        limits["loader_timeout_ms"] = .int(config.loaderTimeoutMilliseconds)
        limits["max_body_bytes"] = .int(config.maxBodyBytes)
        limits["kv_store"] = .string(config.keyValueStore)
        // The keys that verify deferred-island URLs. They live in the component: publish
        // dist/ without server.wasm and components/ to a static host.
        limits["island_keys"] = .array(islandKeys.keys.map { .string(String(decoding: $0, as: UTF8.self)) })
        var bytes: [UInt8] = []
        let globals = withConfig ? config.value : Object()
        for part in [Array(JSON.serialize(.object(limits)).utf8), Array(JSON.serialize(.object(globals)).utf8)] {
            bytes += u32(part.count) + part
        }
        bytes += TemplateCodec.encode(islandTemplates ?? self.islandTemplates())
        return bytes
    }

    /// `roots` (by default every `islands/*` template) and everything they extend, include or import.
    func islandTemplates(roots: [String]? = nil) -> [Template] {
        let library = templates.library
        var names = roots ?? library.names.filter { $0.hasPrefix("islands/") }
        var seen = Set(names)
        var i = 0
        while i < names.count {
            for dependency in library[names[i]]?.dependencies ?? [] where !seen.contains(dependency) && library[dependency] != nil {
                seen.insert(dependency)
                names.append(dependency)
            }
            i += 1
        }
        return names.sorted().compactMap { library[$0] }
    }

    /// A located error for each suspense boundary whose loader does not exist.
    func checkLoaders() -> [Diagnostic] {
        let loaders = functions.filter { $0.kind != .function }.map(\.name)
        var diagnostics: [Diagnostic] = []
        for name in templates.library.names {
            guard let template = templates.library[name] else { continue }
            Self.suspenseTags(template.nodes) { loader, span in
                guard !loaders.contains(loader) else { return }
                let error = TemplateError(
                    "no loader '" + loader + "' for this suspense boundary", template: name, at: span,
                    expected: "a function in functions/*.swift: func " + loader + "(_ arguments: Object) throws(FunctionError) -> Value",
                    fix: Suggestion.nearest(to: loader, in: loaders).map { "did you mean '" + $0 + "'?" }
                        ?? "add the loader to functions/, or remove the boundary")
                diagnostics.append(templates.diagnostic(for: error))
            }
        }
        for island in contentIslands where !loaders.contains(island.loader) {
            var d = island.place
            d.message = "no loader '" + island.loader + "' for this island"
            d.expected = "a function in functions/*.swift: func " + island.loader + "(_ arguments: Object) throws(FunctionError) -> Value"
            d.fix = Suggestion.nearest(to: island.loader, in: loaders).map { "did you mean '" + $0 + "'?" }
                ?? "add the loader to functions/, or remove the island"
            diagnostics.append(d)
        }
        return diagnostics
    }

    static func suspenseTags(_ nodes: [TemplateNode], _ visit: (String, Span) -> Void) {
        for node in nodes {
            switch node {
            case .suspense(let loader, _, let fallback, let span):
                visit(loader, span)
                suspenseTags(fallback, visit)
            case .conditional(let branches, let otherwise):
                for branch in branches { suspenseTags(branch.body, visit) }
                suspenseTags(otherwise, visit)
            case .loop(let loop):
                suspenseTags(loop.body, visit)
                suspenseTags(loop.otherwise, visit)
            case .block(_, let body), .capture(_, let body):
                suspenseTags(body, visit)
            case .macro(let m):
                suspenseTags(m.body, visit)
            default:
                break
            }
        }
    }
}

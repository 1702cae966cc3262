/// A compiled template: the IR the SSR core interprets, at build time and inside the component.
///
/// Templates are produced by `SitegenTemplates`' compiler (native only) and can be
/// serialized to bytes (`TemplateCodec`) so the build can embed island templates in
/// the wasm component.
public struct Template: Equatable, Sendable {
    /// The template's name in its library (`page.html`, `partials/nav.html`).
    public var name: String
    /// The parent named by `{% extends "base.html" %}`, if any.
    public var parent: String?
    public var nodes: [TemplateNode]

    /// Creates a template.
    public init(name: String, parent: String? = nil, nodes: [TemplateNode]) {
        self.name = name
        self.parent = parent
        self.nodes = nodes
    }

    /// Top-level blocks by name, including blocks nested in other blocks.
    public var blocks: [String: [TemplateNode]] {
        var result: [String: [TemplateNode]] = [:]
        for (key, body) in blocksByName { result[key.string] = body }
        return result
    }

    /// ``blocks`` keyed by bytes, for the interpreter (``UTF8Key``).
    var blocksByName: [UTF8Key: [TemplateNode]] {
        var result: [UTF8Key: [TemplateNode]] = [:]
        Template.collectBlocks(nodes, into: &result)
        return result
    }

    private static func collectBlocks(_ nodes: [TemplateNode], into result: inout [UTF8Key: [TemplateNode]]) {
        for node in nodes {
            switch node {
            case .block(let name, let body):
                result[UTF8Key(name)] = body
                collectBlocks(body, into: &result)
            case .conditional(let branches, let otherwise):
                for branch in branches { collectBlocks(branch.body, into: &result) }
                collectBlocks(otherwise, into: &result)
            case .loop(let loop):
                collectBlocks(loop.body, into: &result)
            default:
                break
            }
        }
    }

    /// Names of the templates this one needs: its parent, includes with literal names, imports.
    public var dependencies: [String] {
        var names: [String] = []
        if let parent { names.append(parent) }
        Template.collectDependencies(nodes, into: &names)
        return names
    }

    private static func collectDependencies(_ nodes: [TemplateNode], into names: inout [String]) {
        for node in nodes {
            switch node {
            case .include(.literal(.string(let name)), _, _): names.append(name)
            case .importMacros(let name, _, _): names.append(name)
            case .block(_, let body), .capture(_, let body): collectDependencies(body, into: &names)
            case .conditional(let branches, let otherwise):
                for branch in branches { collectDependencies(branch.body, into: &names) }
                collectDependencies(otherwise, into: &names)
            case .loop(let loop):
                collectDependencies(loop.body, into: &names)
                collectDependencies(loop.otherwise, into: &names)
            case .macro(let m): collectDependencies(m.body, into: &names)
            case .suspense(_, _, let fallback, _): collectDependencies(fallback, into: &names)
            default: break
            }
        }
    }
}

/// A set of compiled templates by name, as `extends`, `include` and `import` see them.
public struct TemplateLibrary: Sendable {
    /// Keyed by bytes, not by `String` (``UTF8Key``).
    private var byName: [UTF8Key: Template] = [:]

    /// The templates by name.
    public var templates: [String: Template] {
        var result: [String: Template] = [:]
        for (key, template) in byName { result[key.string] = template }
        return result
    }

    /// An empty library.
    public init() {}

    /// A library holding `templates`.
    public init(_ templates: [Template]) {
        for template in templates { byName[UTF8Key(template.name)] = template }
    }

    /// Adds or replaces a template.
    public mutating func add(_ template: Template) {
        byName[UTF8Key(template.name)] = template
    }

    /// The template called `name`.
    public subscript(name: String) -> Template? { byName[UTF8Key(name)] }

    /// All names, in code-point order (for suggestions and deterministic output).
    public var names: [String] { Text.sorted(byName.keys.map { $0.string }) }
}

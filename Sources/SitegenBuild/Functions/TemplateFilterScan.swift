import SitegenHTML

/// The filters and tests templates use, found by walking their IR. The component's
/// generated code installs only those its island templates use (``installation(for:)``),
/// so the others are not linked, and links the Unicode case tables only when a filter
/// needs them (``CaseMapping/installUnicode()``).
enum TemplateFilterScan {
    /// Filter and test names applied anywhere in some templates.
    struct Usage: Equatable {
        var filters: Set<String> = []
        var tests: Set<String> = []
    }

    /// Every filter and test name applied anywhere in `templates`.
    static func usage(in templates: [Template]) -> Usage {
        var usage = Usage()
        for template in templates { visit(template.nodes, into: &usage) }
        return usage
    }

    /// Every filter name applied anywhere in `templates`.
    static func filters(in templates: [Template]) -> Set<String> {
        usage(in: templates).filters
    }

    /// Whether any of `templates` uses a filter that needs Unicode case mapping.
    static func needsUnicodeCaseMapping(_ templates: [Template]) -> Bool {
        !filters(in: templates).isDisjoint(with: CaseMapping.filters)
    }

    /// Swift statements (for the generated registration function) installing the built-in
    /// filters and tests `usage` names: `Filters.install([("length", Filters.length)])`.
    /// `default` is left out (the interpreter applies it), as are names that are not
    /// built in (the template compiler already refused them).
    static func installation(for usage: Usage) -> String {
        func entries(_ names: Set<String>, of type: String, known: [String]) -> String {
            let listed = known.filter { names.contains($0) && $0 != "default" }
            return listed.map { "(\"" + $0 + "\", " + type + "." + swiftName($0) + ")" }.joined(separator: ", ")
        }
        var out = ""
        let filters = entries(usage.filters, of: "Filters", known: Filters.names)
        if !filters.isEmpty { out += "    Filters.install([" + filters + "])\n" }
        let tests = entries(usage.tests, of: "ValueTests", known: ValueTests.names)
        if !tests.isEmpty { out += "    ValueTests.install([" + tests + "])\n" }
        return out
    }

    /// The Swift name of the built-in filter or test `name`: lower camel case, in backticks
    /// (`markdown_safe` → `` `markdownSafe` ``, `where` → `` `where` ``).
    static func swiftName(_ name: String) -> String {
        let parts = name.split(separator: "_")
        var result = parts.first.map(String.init) ?? ""
        for part in parts.dropFirst() { result += part.prefix(1).uppercased() + part.dropFirst() }
        return "`" + result + "`"
    }

    private static func visit(_ nodes: [TemplateNode], into usage: inout Usage) {
        for node in nodes {
            switch node {
            case .text, .importMacros: break
            case .output(let e, _), .assign(_, let e, _), .include(let e, _, _): visit(e, into: &usage)
            case .conditional(let branches, let otherwise):
                for branch in branches {
                    visit(branch.condition, into: &usage)
                    visit(branch.body, into: &usage)
                }
                visit(otherwise, into: &usage)
            case .loop(let loop):
                visit(loop.sequence, into: &usage)
                visit(loop.body, into: &usage)
                visit(loop.otherwise, into: &usage)
            case .capture(_, let body), .block(_, let body): visit(body, into: &usage)
            case .macro(let m):
                for p in m.parameters { if let d = p.defaultValue { visit(d, into: &usage) } }
                visit(m.body, into: &usage)
            case .suspense(_, let arguments, let fallback, _):
                for a in arguments { visit(a.value, into: &usage) }
                visit(fallback, into: &usage)
            }
        }
    }

    private static func visit(_ expr: TemplateExpr, into usage: inout Usage) {
        switch expr {
        case .literal, .variable, .loopProperty: break
        case .attribute(let base, _, _): visit(base, into: &usage)
        case .index(let base, let key, _):
            visit(base, into: &usage)
            visit(key, into: &usage)
        case .filter(let input, let name, let arguments, _):
            usage.filters.insert(name)
            visit(input, into: &usage)
            for a in arguments { visit(a.value, into: &usage) }
        case .call(_, let arguments, _):
            for a in arguments { visit(a.value, into: &usage) }
        case .test(let input, let name, let arguments, _, _):
            usage.tests.insert(name)
            visit(input, into: &usage)
            for a in arguments { visit(a.value, into: &usage) }
        case .unary(_, let operand, _): visit(operand, into: &usage)
        case .binary(_, let lhs, let rhs, _):
            visit(lhs, into: &usage)
            visit(rhs, into: &usage)
        case .list(let items): for i in items { visit(i, into: &usage) }
        case .dictionary(let entries): for e in entries { visit(e.value, into: &usage) }
        case .conditional(let c, let t, let o):
            visit(c, into: &usage)
            visit(t, into: &usage)
            visit(o, into: &usage)
        }
    }
}

import SitegenHTML

/// The filters templates use, found by walking their IR: the component's generated code
/// links the Unicode case tables only when island templates need them
/// (``CaseMapping/installUnicode()``).
enum TemplateFilterScan {
    /// Every filter name applied anywhere in `templates`.
    static func filters(in templates: [Template]) -> Set<String> {
        var names: Set<String> = []
        for template in templates { visit(template.nodes, into: &names) }
        return names
    }

    /// Whether any of `templates` uses a filter that needs Unicode case mapping.
    static func needsUnicodeCaseMapping(_ templates: [Template]) -> Bool {
        !filters(in: templates).isDisjoint(with: CaseMapping.filters)
    }

    private static func visit(_ nodes: [TemplateNode], into names: inout Set<String>) {
        for node in nodes {
            switch node {
            case .text, .importMacros: break
            case .output(let e, _), .assign(_, let e, _), .include(let e, _, _): visit(e, into: &names)
            case .conditional(let branches, let otherwise):
                for branch in branches {
                    visit(branch.condition, into: &names)
                    visit(branch.body, into: &names)
                }
                visit(otherwise, into: &names)
            case .loop(let loop):
                visit(loop.sequence, into: &names)
                visit(loop.body, into: &names)
                visit(loop.otherwise, into: &names)
            case .capture(_, let body), .block(_, let body): visit(body, into: &names)
            case .macro(let m):
                for p in m.parameters { if let d = p.defaultValue { visit(d, into: &names) } }
                visit(m.body, into: &names)
            case .suspense(_, let arguments, let fallback, _):
                for a in arguments { visit(a.value, into: &names) }
                visit(fallback, into: &names)
            }
        }
    }

    private static func visit(_ expr: TemplateExpr, into names: inout Set<String>) {
        switch expr {
        case .literal, .variable, .loopProperty: break
        case .attribute(let base, _, _): visit(base, into: &names)
        case .index(let base, let key, _):
            visit(base, into: &names)
            visit(key, into: &names)
        case .filter(let input, let name, let arguments, _):
            names.insert(name)
            visit(input, into: &names)
            for a in arguments { visit(a.value, into: &names) }
        case .call(_, let arguments, _):
            for a in arguments { visit(a.value, into: &names) }
        case .test(let input, _, let arguments, _, _):
            visit(input, into: &names)
            for a in arguments { visit(a.value, into: &names) }
        case .unary(_, let operand, _): visit(operand, into: &names)
        case .binary(_, let lhs, let rhs, _):
            visit(lhs, into: &names)
            visit(rhs, into: &names)
        case .list(let items): for i in items { visit(i, into: &names) }
        case .dictionary(let entries): for e in entries { visit(e.value, into: &names) }
        case .conditional(let c, let t, let o):
            visit(c, into: &names)
            visit(t, into: &names)
            visit(o, into: &names)
        }
    }
}

import SitegenHTML

/// Checks parsed front matter against the known keys and their types, collecting a
/// located diagnostic for every problem rather than stopping at the first.
struct FrontMatterValidator {
    let tree: LocatedTree
    let source: SourceText
    /// Taxonomy names the site knows: the defaults and the configured ones.
    let taxonomies: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(tree: LocatedTree, source: SourceText, taxonomies: [String]) {
        self.tree = tree
        self.source = source
        self.taxonomies = taxonomies
    }

    mutating func validate() -> FrontMatter {
        var result = FrontMatter()
        for (key, value) in tree.root.entries where value != .null {
            let path = [key]
            switch key {
            case "title": result.title = string(value, at: path)
            case "description": result.description = string(value, at: path)
            case "slug": result.slug = string(value, at: path)
            case "layout": result.layout = string(value, at: path)
            case "template": result.template = string(value, at: path)
            case "summary": result.summary = string(value, at: path)
            case "date": result.date = date(value, at: path)
            case "updated": result.updated = date(value, at: path)
            case "publish_date": result.publishDate = date(value, at: path)
            case "expiry_date": result.expiryDate = date(value, at: path)
            case "draft": result.draft = bool(value, at: path) ?? false
            case "weight": result.weight = integer(value, at: path)
            case "aliases": result.aliases = stringList(value, at: path) ?? []
            case "extra":
                if case .object(let extra) = value {
                    result.extra = extra
                } else {
                    report(key, .table, value, at: path)
                }
            case "taxonomies":
                guard case .object(let table) = value else {
                    report(key, .table, value, at: path)
                    continue
                }
                for (name, terms) in table.entries where terms != .null {
                    guard taxonomies.contains(name) else {
                        reportUnknown(name, at: path + [name], isTaxonomy: true)
                        continue
                    }
                    if let list = stringList(terms, at: path + [name]) { result.taxonomies[name, default: []] += list }
                }
            default:
                if taxonomies.contains(key) {
                    if let list = stringList(value, at: path) { result.taxonomies[key, default: []] += list }
                } else {
                    reportUnknown(key, at: path, isTaxonomy: false)
                }
            }
        }
        return result
    }

    private mutating func string(_ value: Value, at path: [String]) -> String? {
        if case .string(let text) = value { return text }
        report(path.last ?? "", .string, value, at: path)
        return nil
    }

    private mutating func date(_ value: Value, at path: [String]) -> String? {
        if case .string(let text) = value, let date = ISODate(text) { return date.description }
        report(path.last ?? "", .date, value, at: path)
        return nil
    }

    private mutating func bool(_ value: Value, at path: [String]) -> Bool? {
        if case .bool(let flag) = value { return flag }
        report(path.last ?? "", .boolean, value, at: path)
        return nil
    }

    private mutating func integer(_ value: Value, at path: [String]) -> Int? {
        if case .int(let number) = value { return number }
        report(path.last ?? "", .integer, value, at: path)
        return nil
    }

    /// A list of strings; a single string counts as a list of one.
    private mutating func stringList(_ value: Value, at path: [String]) -> [String]? {
        switch value {
        case .string(let text):
            return [text]
        case .array(let items):
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    report(path.last ?? "", .stringList, item, at: path + [String(index)])
                    return nil
                }
                strings.append(text)
            }
            return strings
        default:
            report(path.last ?? "", .stringList, value, at: path)
            return nil
        }
    }

    private mutating func report(_ key: String, _ kind: FrontMatterKind, _ value: Value, at path: [String]) {
        let position = tree.position(of: path)
        let line = position?.valueLine ?? 1
        let column = position?.valueColumn ?? 1
        diagnostics.append(.invalidFrontMatterValue(
            key: key, expected: kind, got: value, at: source.location(line: line, column: column),
            sourceLine: source.lineText(line), length: source.tokenLength(line: line, column: column)))
    }

    private mutating func reportUnknown(_ key: String, at path: [String], isTaxonomy: Bool) {
        let position = tree.position(of: path)
        let line = position?.keyLine ?? 1
        let location = source.location(line: line, column: position?.keyColumn ?? 1)
        let length = position?.keyLength ?? 1
        if isTaxonomy {
            diagnostics.append(.unknownTaxonomy(
                key, suggestion: Suggestion.nearest(to: key, in: taxonomies), known: taxonomies,
                at: location, sourceLine: source.lineText(line), length: length))
        } else {
            let known = FrontMatter.knownKeys + taxonomies
            diagnostics.append(.unknownFrontMatterKey(
                key, suggestion: Suggestion.nearest(to: key, in: known), known: known,
                at: location, sourceLine: source.lineText(line), length: length))
        }
    }
}

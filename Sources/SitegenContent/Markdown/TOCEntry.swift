import SitegenHTML

/// One heading in a page's table of contents, with the headings under it.
///
/// A heading becomes a child of the nearest earlier heading of a lower level, so
/// `## A`, `### B`, `## C` give `[A [B], C]`; a page that starts at `###` simply has
/// `###` entries at the top.
public struct TOCEntry: Equatable, Sendable {
    /// The heading level, 1 to 6.
    public var level: Int
    /// The heading's `id` attribute, unique on the page.
    public var id: String
    /// The heading's text without markup.
    public var title: String
    /// Headings nested under this one.
    public var children: [TOCEntry]

    /// Creates an entry.
    public init(level: Int, id: String, title: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }

    /// The entry as templates see it: `{level, id, title, children}`.
    public var value: Value {
        .object(Object([
            ("level", .int(level)), ("id", .string(id)), ("title", .string(title)),
            ("children", .array(children.map(\.value))),
        ]))
    }

    /// Nests a flat list of headings, in document order, into a tree.
    static func tree(from headings: [TOCEntry]) -> [TOCEntry] {
        var index = 0
        return children(of: 0, from: headings, index: &index)
    }

    private static func children(of level: Int, from headings: [TOCEntry], index: inout Int) -> [TOCEntry] {
        var result: [TOCEntry] = []
        while index < headings.count, headings[index].level > level {
            var entry = headings[index]
            index += 1
            entry.children = children(of: entry.level, from: headings, index: &index)
            result.append(entry)
        }
        return result
    }
}

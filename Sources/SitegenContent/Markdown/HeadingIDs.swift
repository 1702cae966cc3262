import CCmarkGFM

/// Gives every heading a unique `id` and collects the headings for the table of contents.
///
/// The id is the slug of the heading's text (`## Getting started` → `getting-started`);
/// a repeat gets `-1`, `-2`, … (skipping any id already taken), and a heading with no
/// letters or digits is called `section`. Ids depend only on the document, so they are
/// stable across builds.
///
/// cmark-gfm cannot put attributes on a heading, so each heading node is swapped for a
/// custom block holding a custom inline whose enter/exit text is the `<hN id="…">` and
/// `</hN>` tags, with the heading's children moved inside. Custom nodes are written
/// verbatim even when raw HTML is escaped, and the id is a slug, which needs no escaping.
struct HeadingIDs {
    private var used: Set<String> = []

    init(reserving ids: Set<String> = []) {
        used = ids
    }

    /// Rewrites every heading under `root` and returns them, flat, in document order.
    mutating func assign(in root: CMarkNode) -> [TOCEntry] {
        var headings: [TOCEntry] = []
        for node in root.descendants where node.type == CMARK_NODE_HEADING {
            let title = node.plainText.trimmingSpaces
            let id = uniqueID(for: title)
            let level = node.headingLevel
            headings.append(TOCEntry(level: level, id: id, title: title))
            replace(node, level: level, id: id)
        }
        return headings
    }

    mutating func uniqueID(for title: String) -> String {
        var base = Slug.slugify(title)
        if base.isEmpty { base = "section" }
        var id = base
        var counter = 0
        while used.contains(id) {
            counter += 1
            id = base + "-" + String(counter)
        }
        used.insert(id)
        return id
    }

    private func replace(_ heading: CMarkNode, level: Int, id: String) {
        let block = CMarkNode(new: CMARK_NODE_CUSTOM_BLOCK)
        let tags = CMarkNode(new: CMARK_NODE_CUSTOM_INLINE)
        tags.setOnEnter("<h\(level) id=\"\(id)\">")
        tags.setOnExit("</h\(level)>")
        block.setOnEnter("")
        block.setOnExit("")
        for child in heading.children { tags.append(child) }
        block.append(tags)
        heading.replace(with: block)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

import CCmarkGFM

/// The `<!-- more -->` comment that ends a page's summary (Zola and Hugo use the same).
///
/// Only a marker on its own line (a top-level HTML block) counts; one inside a
/// paragraph is dropped like any comment, or passed through when raw HTML is allowed. In the page it is
/// replaced by `<span id="continue-reading"></span>`, so "read more" links can jump
/// past the summary; that span is written even when raw HTML is escaped.
enum MoreMarker {
    static let anchorID = "continue-reading"

    /// Replaces the first marker among `root`'s children and returns the replacement.
    static func replaceFirst(in root: CMarkNode) -> CMarkNode? {
        for node in root.children where node.type == CMARK_NODE_HTML_BLOCK && isMarker(node.literal ?? "") {
            let anchor = CMarkNode(new: CMARK_NODE_CUSTOM_BLOCK)
            anchor.setOnEnter("<span id=\"\(anchorID)\"></span>")
            anchor.setOnExit("")
            node.replace(with: anchor)
            return anchor
        }
        return nil
    }

    /// Whether `html` is `<!--more-->`, allowing spaces inside and around it and any case.
    static func isMarker(_ html: String) -> Bool {
        let text = html.trimmingSpaces.lowercased()
        return RawHTML.isComment(text) && String(text.dropFirst(4).dropLast(3)).trimmingSpaces == "more"
    }
}

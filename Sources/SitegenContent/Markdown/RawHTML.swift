import CCmarkGFM

/// Shows raw HTML as text when ``MarkdownOptions/unsafeHTML`` is off.
///
/// cmark-gfm's own safe mode replaces raw HTML with `<!-- raw HTML omitted -->`, so an
/// author's `<video>` silently vanishes. Turning the raw nodes into text nodes instead
/// lets cmark escape them, and the author sees what was written.
///
/// HTML comments are the exception: they are dropped, since they were never meant to
/// be seen (an inline `<!-- more -->` or a `<!-- TODO -->`).
enum RawHTML {
    static func escape(in root: CMarkNode) {
        for node in root.descendants {
            if node.type == CMARK_NODE_HTML_INLINE || node.type == CMARK_NODE_HTML_BLOCK, isComment(node.literal ?? "") {
                node.remove()
                continue
            }
            switch node.type {
            case CMARK_NODE_HTML_INLINE:
                let text = CMarkNode(new: CMARK_NODE_TEXT)
                text.literal = node.literal ?? ""
                node.replace(with: text)
            case CMARK_NODE_HTML_BLOCK:
                let paragraph = CMarkNode(new: CMARK_NODE_PARAGRAPH)
                let text = CMarkNode(new: CMARK_NODE_TEXT)
                var literal = node.literal ?? ""
                while literal.last?.isNewline == true { literal.removeLast() }
                text.literal = literal
                paragraph.append(text)
                node.replace(with: paragraph)
            default:
                break
            }
        }
    }

    /// Whether `html` is nothing but one `<!-- … -->` comment.
    static func isComment(_ html: String) -> Bool {
        let text = html.trimmingSpaces
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count >= 7 else { return false }
        return text.dropFirst(4).dropLast(3).firstRange(of: "-->") == nil
    }
}

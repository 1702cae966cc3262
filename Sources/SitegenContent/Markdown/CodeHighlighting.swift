import CCmarkGFM
import SitegenHighlight

/// Renders fenced code blocks through the highlighter when
/// ``MarkdownOptions/highlightCode`` is on.
///
/// cmark-gfm keeps a fence's whole info string (`swift {linenos=true}`), so the language
/// and the Hugo- or Zola-style options are read from it by `FenceInfo`. Each block is
/// swapped for a custom block whose enter text is the finished
/// `<pre class="highlight"><code class="language-…">` element: custom nodes are written
/// verbatim even when raw HTML is escaped, and the highlighter escapes the code itself.
/// Indented code blocks have no language and are left to cmark.
enum CodeHighlighting {
    static func apply(in root: CMarkNode) {
        for node in root.descendants where node.type == CMARK_NODE_CODE_BLOCK && node.isFenced {
            let info = cmark_node_get_fence_info(node.pointer).map { String(cString: $0) } ?? ""
            var html = CodeBlock(code: node.literal ?? "", info: FenceInfo(parsing: info)).htmlBytes()
            html.append(0)
            let block = CMarkNode(new: CMARK_NODE_CUSTOM_BLOCK)
            html.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    _ = cmark_node_set_on_enter(block.pointer, $0)
                }
            }
            block.setOnExit("")
            node.replace(with: block)
        }
    }
}

extension CMarkNode {
    /// Whether this code block was fenced (with backticks or tildes) rather than indented.
    fileprivate var isFenced: Bool {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }
}

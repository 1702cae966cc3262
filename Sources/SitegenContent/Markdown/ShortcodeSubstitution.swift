import CCmarkGFM

/// Rendered shortcodes to put back into Markdown after cmark-gfm has parsed it.
///
/// The build replaces each shortcode with ``placeholder(_:)`` (private-use characters
/// around a number: cmark keeps them in one text node and gives them no meaning), renders
/// the shortcodes, and passes their HTML here.
public struct ShortcodeOutput: Sendable {
    /// The HTML of shortcode `i`, for ``placeholder(_:)`` `i`.
    public var html: [String]
    /// Maps positions in the Markdown with placeholders back to the author's text.
    public var map: SourceMap?

    /// Creates the output.
    public init(html: [String], map: SourceMap?) {
        self.html = html
        self.map = map
    }

    /// The text that stands for shortcode `index` in the Markdown handed to cmark.
    public static func placeholder(_ index: Int) -> String { "\u{E000}" + String(index) + "\u{E001}" }

    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    /// Splits text at placeholders: text runs and shortcode indices.
    func split(_ text: String) -> [Either] {
        var parts: [Either] = []
        var run = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == Self.open, let end = scalars.firstIndex(of: Self.close),
               let index = Int(String(String.UnicodeScalarView(scalars[..<end]))), html.indices.contains(index) {
                if !run.isEmpty { parts.append(.text(String(run))) }
                run = String.UnicodeScalarView()
                parts.append(.shortcode(index))
                scalars = scalars[scalars.index(after: end)...]
            } else {
                run.append(c)
            }
        }
        if !run.isEmpty { parts.append(.text(String(run))) }
        return parts
    }

    enum Either: Equatable {
        case text(String)
        case shortcode(Int)
    }

    /// Swaps placeholders for custom nodes holding the HTML (written verbatim even when raw
    /// HTML is escaped). A paragraph holding nothing but one shortcode becomes the
    /// shortcode itself, so block shortcodes (`figure`, callouts) are not wrapped in `<p>`.
    func apply(in root: CMarkNode) {
        for node in root.descendants where node.type == CMARK_NODE_PARAGRAPH {
            let children = node.children
            guard children.count == 1, children[0].type == CMARK_NODE_TEXT,
                  case let parts = split(children[0].literal ?? ""), parts.count == 1, case .shortcode(let i) = parts[0] else { continue }
            let block = CMarkNode(new: CMARK_NODE_CUSTOM_BLOCK)
            block.setOnEnter(html[i])
            block.setOnExit("")
            node.replace(with: block)
        }
        for node in root.descendants {
            switch node.type {
            case CMARK_NODE_TEXT:
                let parts = split(node.literal ?? "")
                guard parts.contains(where: { if case .shortcode = $0 { return true } else { return false } }) else { continue }
                for part in parts {
                    switch part {
                    case .text(let text):
                        let t = CMarkNode(new: CMARK_NODE_TEXT)
                        t.literal = text
                        node.insertBefore(t)
                    case .shortcode(let i):
                        let inline = CMarkNode(new: CMARK_NODE_CUSTOM_INLINE)
                        inline.setOnEnter(html[i])
                        inline.setOnExit("")
                        node.insertBefore(inline)
                    }
                }
                node.remove()
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Raw HTML is written as is (unsafe_html), so the shortcode's HTML can go straight in.
                let literal = node.literal ?? ""
                guard literal.unicodeScalars.contains(Self.open) else { continue }
                node.literal = split(literal).map { part in
                    switch part {
                    case .text(let text): return text
                    case .shortcode(let i): return html[i]
                    }
                }.joined()
            default:
                continue
            }
        }
    }
}

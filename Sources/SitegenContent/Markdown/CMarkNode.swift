import CCmarkGFM

/// A borrowed cmark-gfm node: valid while its `CMarkDocument` lives and until the
/// node is freed by a replacement.
struct CMarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// A new, unattached node of `type`; it is freed with the tree it is put into.
    init(new type: cmark_node_type) {
        self.pointer = cmark_node_new(type)!
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: CMarkNode? { cmark_node_parent(pointer).map(CMarkNode.init) }
    var firstChild: CMarkNode? { cmark_node_first_child(pointer).map(CMarkNode.init) }
    var next: CMarkNode? { cmark_node_next(pointer).map(CMarkNode.init) }

    var children: [CMarkNode] {
        var result: [CMarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// This node and everything below it, in document order. Collected up front, so
    /// callers may replace nodes while going through the list.
    var descendants: [CMarkNode] {
        // Pre-order by first child, next sibling and parent: no array per node.
        var result: [CMarkNode] = []
        var node: OpaquePointer? = pointer
        while let current = node {
            result.append(CMarkNode(current))
            if let child = cmark_node_first_child(current) {
                node = child
                continue
            }
            // Up to the nearest node with a next sibling, stopping at this one.
            var up = current
            while up != pointer, cmark_node_next(up) == nil, let parent = cmark_node_parent(up) { up = parent }
            node = up == pointer ? nil : cmark_node_next(up)
        }
        return result
    }

    /// The text of a text, code, code block or raw HTML node.
    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    /// The destination of a link or image.
    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    /// 1-based line in the parsed text; 0 when cmark recorded none.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based column in UTF-8 bytes; 0 when cmark recorded none.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// What a custom block or inline writes before its children.
    func setOnEnter(_ html: String) { _ = cmark_node_set_on_enter(pointer, html) }
    /// What a custom block or inline writes after its children.
    func setOnExit(_ html: String) { _ = cmark_node_set_on_exit(pointer, html) }

    func append(_ child: CMarkNode) { _ = cmark_node_append_child(pointer, child.pointer) }

    /// Puts `sibling` right before this node.
    func insertBefore(_ sibling: CMarkNode) { _ = cmark_node_insert_before(pointer, sibling.pointer) }

    /// Puts `replacement` where this node is and frees this node with what is still under it.
    func replace(with replacement: CMarkNode) {
        _ = cmark_node_replace(pointer, replacement.pointer)
        cmark_node_free(pointer)
    }

    /// Takes this node out of its tree and frees it with everything under it.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// The node's text with markup dropped: text and inline code, soft and hard
    /// breaks as spaces. Raw HTML is left out.
    var plainText: String {
        var text = ""
        for node in descendants {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}

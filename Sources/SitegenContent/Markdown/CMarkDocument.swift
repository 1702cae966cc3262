import CCmarkGFM
import Foundation

/// A parsed cmark-gfm document: owns the node tree and the parser whose extension
/// list rendering needs. This module is the only importer of `CCmarkGFM`; nothing
/// outside the `Markdown/` folder sees a cmark pointer.
final class CMarkDocument {
    let root: CMarkNode
    private let parser: OpaquePointer
    private let options: Int32

    /// The GFM extensions every document gets. `tagfilter` only matters when raw HTML
    /// is let through; it then neutralises `<script>`, `<iframe>` and friends.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    // Why a lock: the Debian cmark-gfm (0.29.0.gfm.6) registers core extensions into a
    // global registry without synchronisation, and adds and removes each attached
    // extension's special characters in a process-wide table around every parse. The
    // build renders pages in parallel, so parsing is serialised; rendering and the
    // tree walks that follow touch only the document and may run concurrently.
    private static let parseLock = NSLock()
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `markdown` with every GFM extension attached and footnotes enabled.
    ///
    /// - Parameters:
    ///   - markdown: The Markdown body; any input is accepted.
    ///   - smartPunctuation: Curly quotes, en and em dashes, ellipses.
    ///   - unsafeHTML: Whether rendering passes raw HTML and `javascript:` links through.
    init(parsing markdown: String, smartPunctuation: Bool, unsafeHTML: Bool) {
        var options = CMARK_OPT_FOOTNOTES
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        Self.parseLock.lock()
        defer { Self.parseLock.unlock() }
        _ = Self.registered
        let parser = cmark_parser_new(options)!
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { chars in
            // The buffer ends with the C string's NUL, which is not part of the text.
            cmark_parser_feed(parser, chars.baseAddress!, chars.count - 1)
        }
        self.parser = parser
        self.root = CMarkNode(cmark_parser_finish(parser)!)
    }

    deinit {
        cmark_node_free(root.pointer)
        cmark_parser_free(parser)
    }

    /// Renders `node` and its descendants (the whole document by default) as HTML.
    func html(of node: CMarkNode? = nil) -> String {
        guard let chars = cmark_render_html((node ?? root).pointer, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(chars) }
        return String(cString: chars)
    }
}

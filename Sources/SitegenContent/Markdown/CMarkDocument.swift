import CCmarkGFM
import CCmarkParallel
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

    // Why a lock, sometimes: the Debian cmark-gfm (0.29.0.gfm.6) registers core
    // extensions into a global registry without synchronisation (done once, below), and
    // adds and removes its extensions' special characters in a process-wide table around
    // every parse. `CCmarkParallel` replaces the function that does the latter so the
    // characters are added once and never removed; when that took effect (checked by a
    // first parse), documents are parsed on many threads at once. Otherwise parsing is
    // serialised. Rendering and the tree walks that follow touch only the document.
    private static let parseLock = NSLock()
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    /// Whether parses may run at once: decided by one first parse, made alone.
    static let parsesInParallel: Bool = {
        parseLock.withLock {
            _ = registered
            let (parser, root) = parse("~~a~~ | b\n--- | ---\nwww.example.org", options: CMARK_OPT_DEFAULT)
            cmark_node_free(root)
            cmark_parser_free(parser)
        }
        return sitegen_cmark_special_characters_pinned()
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
        let parsed: (OpaquePointer, OpaquePointer)
        if Self.parsesInParallel {
            parsed = Self.parse(markdown, options: options)
        } else {
            parsed = Self.parseLock.withLock { Self.parse(markdown, options: options) }
        }
        self.parser = parsed.0
        self.root = CMarkNode(parsed.1)
    }

    /// A parser with the extensions attached, and the document it made of `markdown`.
    private static func parse(_ markdown: String, options: Int32) -> (parser: OpaquePointer, root: OpaquePointer) {
        _ = registered
        let parser = cmark_parser_new(options)!
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { chars in
            // The buffer ends with the C string's NUL, which is not part of the text.
            cmark_parser_feed(parser, chars.baseAddress!, chars.count - 1)
        }
        return (parser, cmark_parser_finish(parser)!)
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

/// A fenced code block, rendered as highlighted HTML.
///
/// The output keeps the `<pre><code class="language-x">` shape Markdown renderers use,
/// so stylesheets and scripts that look for it still work:
///
/// ```swift
/// let block = CodeBlock(code: "let x = 1\n", info: FenceInfo(parsing: "swift"))
/// block.html()
/// // <pre class="highlight" data-lang="swift"><code class="language-swift"><span class="tok-kw">let</span> x
/// //   <span class="tok-op">=</span> <span class="tok-num">1</span>\n</code></pre>\n
/// ```
///
/// A language the highlighter does not know is escaped and left uncoloured, with the
/// same wrapper and layout options.
package struct CodeBlock: Sendable {
    /// The code, as the fence holds it (normally ending with a newline).
    package var code: String
    /// The fence's language and options.
    package var info: FenceInfo

    /// Creates a block.
    ///
    /// - Parameters:
    ///   - code: The code between the fences.
    ///   - info: The fence's language and options; see ``FenceInfo/init(parsing:)``.
    package init(code: String, info: FenceInfo) {
        self.code = code
        self.info = info
    }

    /// The block as `<pre class="highlight" data-lang="…"><code class="language-…">…</code></pre>`
    /// and a newline; without a language, `<pre class="highlight"><code>…</code></pre>`.
    package func html() -> String {
        render(make: Highlighter.makeString)
    }

    /// The same HTML as ``html()``, as UTF-8 bytes.
    ///
    /// For handing straight to a C API (cmark-gfm copies it again): making a `String`
    /// first would validate the UTF-8, which costs as much as a sixth of highlighting.
    package func htmlBytes() -> [UInt8] {
        render(make: Highlighter.makeBytes)
    }

    private func render<Output>(make: (Int, (UnsafeMutableBufferPointer<UInt8>) -> Int) -> Output) -> Output {
        Highlighter.render(
            code, language: Language(name: info.language), options: info.options, prefix: openingTags(),
            suffix: "</code></pre>\n", make: make)
    }

    /// `<pre class="highlight" data-lang="…"><code class="language-…">`, the name escaped.
    private func openingTags() -> [UInt8] {
        guard !info.language.isEmpty else { return Array("<pre class=\"highlight\"><code>".utf8) }
        var name: [UInt8] = []
        for byte in info.language.utf8 {
            switch byte {
            case UInt8(ascii: "<"): name += "&lt;".utf8
            case UInt8(ascii: ">"): name += "&gt;".utf8
            case UInt8(ascii: "&"): name += "&amp;".utf8
            case UInt8(ascii: "\""): name += "&quot;".utf8
            case UInt8(ascii: "'"): name += "&#39;".utf8
            default: name.append(byte)
            }
        }
        return Array("<pre class=\"highlight\" data-lang=\"".utf8) + name + Array("\"><code class=\"language-".utf8)
            + name + Array("\">".utf8)
    }
}

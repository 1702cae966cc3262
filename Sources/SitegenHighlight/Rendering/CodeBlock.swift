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
        var output = HTMLBytes(capacity: code.utf8.count * 2 + 96)
        output.append("<pre class=\"highlight\"")
        if !info.language.isEmpty {
            output.append(" data-lang=\"")
            output.appendAttribute(info.language)
            output.append("\"><code class=\"language-")
            output.appendAttribute(info.language)
            output.append("\">")
        } else {
            output.append("><code>")
        }
        Highlighter.render(code, language: Language(name: info.language), options: info.options, into: &output)
        output.append("</code></pre>\n")
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

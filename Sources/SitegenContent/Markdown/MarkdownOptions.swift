/// How Markdown is turned into HTML; comes from the site's `[markdown]` config.
public struct MarkdownOptions: Equatable, Sendable {
    /// Turns `"quotes"` into “quotes”, `--` into –, `---` into — and `...` into ….
    public var smartPunctuation: Bool
    /// Whether raw HTML in Markdown is written as is.
    ///
    /// - Pros of `true`: authors can embed any markup (`<video>`, `<details>`), as Zola allows.
    /// - Cons of `true`: content from others can inject scripts; GFM's tag filter still
    ///   disarms `<script>`, `<iframe>`, `<style>` and a few more.
    ///
    /// When `false`, raw HTML is shown as text (escaped), and `javascript:` links are dropped.
    public var unsafeHTML: Bool
    /// Added to every line number reported (links), so positions are in the content
    /// file rather than in its body: pass the number of lines before the body.
    public var lineOffset: Int
    /// Whether fenced code blocks are syntax-highlighted at build time (`[markdown] highlight`).
    ///
    /// - Pros of `true`: coloured code with no JavaScript on the page; fence options
    ///   (`{linenos=true, hl_lines=[2]}`) number and emphasise lines.
    /// - Cons of `true`: a `<span>` per token makes code blocks several times larger
    ///   (before compression), and a site using a client-side highlighter gets markup it
    ///   does not expect.
    ///
    /// When `false`, code blocks are cmark's plain `<pre><code class="language-x">`.
    public var highlightCode: Bool

    /// Creates options; the defaults are Zola's (no smart punctuation) but with raw HTML escaped.
    public init(smartPunctuation: Bool = false, unsafeHTML: Bool = false, lineOffset: Int = 0, highlightCode: Bool = true) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.lineOffset = lineOffset
        self.highlightCode = highlightCode
    }
}

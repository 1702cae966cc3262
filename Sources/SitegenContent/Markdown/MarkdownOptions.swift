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

    /// Creates options; the defaults are Zola's (no smart punctuation) but with raw HTML escaped.
    public init(smartPunctuation: Bool = false, unsafeHTML: Bool = false, lineOffset: Int = 0) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.lineOffset = lineOffset
    }
}

import Testing
@testable import SitegenContent

/// GFM constructs and options, snippet in, exact HTML out.
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    func html(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> String {
        MarkdownRenderer(options: options).render(markdown).html
    }

    @Test func documentationExample() {
        let renderer = MarkdownRenderer(options: MarkdownOptions(lineOffset: 4))
        let page = renderer.render("## Hello\n\nSee [the guide](../guide.md).") { destination, line, column in
            destination.hasSuffix(".md") ? "/guide/" : nil
        }
        #expect(page.html == "<h2 id=\"hello\">Hello</h2>\n<p>See <a href=\"/guide/\">the guide</a>.</p>\n")
        #expect(page.toc[0].id == "hello")
        #expect(page.links == [MarkdownLink(destination: "../guide.md", line: 7, column: 5)])
    }

    @Test func paragraphAndEmphasis() {
        #expect(html("Hello *world* and **you**") == "<p>Hello <em>world</em> and <strong>you</strong></p>\n")
    }

    @Test func table() {
        let markdown = """
            | Name | Size |
            |:-----|-----:|
            | a    | 1    |
            """
        #expect(html(markdown) == """
            <table>
            <thead>
            <tr>
            <th align="left">Name</th>
            <th align="right">Size</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">a</td>
            <td align="right">1</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func strikethrough() {
        #expect(html("~~old~~ new") == "<p><del>old</del> new</p>\n")
    }

    @Test func taskList() {
        #expect(html("- [x] done\n- [ ] todo") == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            <li><input type="checkbox" disabled="" /> todo</li>
            </ul>

            """)
    }

    @Test func footnotes() {
        #expect(html("Claim[^1].\n\n[^1]: Source.") == """
            <p>Claim<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>.</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>Source. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func autolinks() {
        #expect(html("See www.example.com and https://swift.org.") == """
            <p>See <a href="http://www.example.com">www.example.com</a> and <a href="https://swift.org">https://swift.org</a>.</p>

            """)
    }

    @Test func fencedCodeGetsLanguageClass() {
        #expect(html("```swift\nlet x = 1 < 2\n```", MarkdownOptions(highlightCode: false)) == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
    }

    @Test func fencedCodeIsHighlighted() {
        #expect(html("```swift {hl_lines=[1]}\nlet x = 1 < 2\n```") == "<pre class=\"highlight\" data-lang=\"swift\"><code class=\"language-swift\"><span class=\"line hl\"><span class=\"tok-kw\">let</span> x <span class=\"tok-op\">=</span> <span class=\"tok-num\">1</span> <span class=\"tok-op\">&lt;</span> <span class=\"tok-num\">2</span>\n</span></code></pre>\n")
    }

    @Test func rawHTMLIsEscapedByDefault() {
        #expect(html("<div class=\"x\">hi</div>\n\nA <b>bold</b> word") == """
            <p>&lt;div class=&quot;x&quot;&gt;hi&lt;/div&gt;</p>
            <p>A &lt;b&gt;bold&lt;/b&gt; word</p>

            """)
    }

    @Test func commentsAreDroppedRatherThanEscaped() {
        #expect(html("<!-- TODO: expand -->\n\nText <!-- note --> here") == "<p>Text  here</p>\n")
        #expect(html("<!-- a --> b") == "<p>&lt;!-- a --&gt; b</p>\n")
    }

    @Test func rawHTMLPassesWhenUnsafe() {
        #expect(html("<div class=\"x\">hi</div>\n\nA <b>bold</b> word", MarkdownOptions(unsafeHTML: true)) == """
            <div class="x">hi</div>
            <p>A <b>bold</b> word</p>

            """)
    }

    @Test func tagFilterDisarmsScriptWhenUnsafe() {
        #expect(html("A <script>alert(1)</script>", MarkdownOptions(unsafeHTML: true))
            == "<p>A &lt;script>alert(1)&lt;/script></p>\n")
    }

    @Test func javascriptLinksAreDroppedWhenSafe() {
        #expect(html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func smartPunctuationIsOptional() {
        let text = "\"Quotes\" -- and... 'more'"
        #expect(html(text) == "<p>&quot;Quotes&quot; -- and... 'more'</p>\n")
        #expect(html(text, MarkdownOptions(smartPunctuation: true)) == "<p>“Quotes” – and… ‘more’</p>\n")
    }

    @Test func emptyInputRendersNothing() {
        let page = renderer.render("")
        #expect(page == RenderedMarkdown(
            html: "", summaryHTML: nil, hasMoreMarker: false, toc: [], wordCount: 0, readingTime: 1, links: []))
    }

    @Test func inlineSnippetHasNoParagraph() {
        #expect(renderer.renderInline("A *short* [link](/x)") == "A <em>short</em> <a href=\"/x\">link</a>")
        #expect(renderer.renderInline("One\n\nTwo") == "<p>One</p>\n<p>Two</p>")
        #expect(renderer.renderInline("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;")
    }

    @Test(arguments: [
        ("one two three", 3),
        ("**Swift**ly done, `code` counts", 4),
        ("A - dash — is not a word", 6),
        ("# Title\n\nBody text\n\n```\nlet notCounted = 1\n```", 3),
        ("| a b | c |\n|---|---|\n| d | e |", 5),
    ])
    func wordCount(markdown: String, words: Int) {
        #expect(renderer.render(markdown).wordCount == words)
    }

    @Test func readingTimeRoundsUpAtTwoHundredWordsAMinute() {
        let words = { (n: Int) in Array(repeating: "word", count: n).joined(separator: " ") }
        #expect(renderer.render(words(1)).readingTime == 1)
        #expect(renderer.render(words(200)).readingTime == 1)
        #expect(renderer.render(words(201)).readingTime == 2)
        #expect(renderer.render(words(1000)).readingTime == 5)
    }
}

import Testing
import SitegenHighlight

/// Code is text: whatever it holds, the output's only markup is the highlighter's spans.
struct EscapingTests {
    static let hostile = """
        <script>alert("x")</script> </code></pre><img src=x onerror=alert(1)> &amp; &lt; "' ]]> --> */ %} }}
        """

    @Test(arguments: [nil] + Language.allCases.map { $0 as Language? })
    func scriptInCodeStaysText(_ language: Language?) throws {
        let html = Highlighter.html(Self.hostile, language: language)
        #expect(!html.contains("<script"))
        #expect(!html.contains("</code"))
        #expect(!html.contains("<img"))
        #expect(try #require(HTMLText.decode(html)) == Self.hostile)
    }

    @Test func plainTextIsOnlyEscaped() {
        #expect(Highlighter.html("if a < b && c > d { }", language: nil) == "if a &lt; b &amp;&amp; c &gt; d { }")
    }

    @Test func entitiesInHTMLAreEscapedAgain() {
        #expect(Highlighter.html("&amp;", language: .html) == "<span class=\"tok-const\">&amp;amp;</span>")
    }

    @Test func languageNameIsEscapedInAttributes() {
        let block = CodeBlock(code: "x\n", info: FenceInfo(language: "a\"><script>'"))
        #expect(block.html() == """
            <pre class="highlight" data-lang="a&quot;&gt;&lt;script&gt;&#39;"><code class="language-a&quot;&gt;&lt;script&gt;&#39;">x
            </code></pre>

            """)
    }

    @Test func stringsWithMarkupInsideAreEscaped() {
        #expect(Highlighter.html(#"let s = "</span><b>""#, language: .swift) == """
            <span class="tok-kw">let</span> s <span class="tok-op">=</span> <span class="tok-str">"&lt;/span&gt;&lt;b&gt;"</span>
            """)
    }

    @Test func nonASCIITextIsKeptWhole() throws {
        let code = "let café = \"日本語 🎉\" // ünïcödé\nfunc naïve() {}"
        let html = Highlighter.html(code, language: .swift)
        #expect(html.contains("<span class=\"tok-str\">\"日本語 🎉\"</span>"))
        #expect(html.contains("<span class=\"tok-fn\">naïve</span>"))
        #expect(try #require(HTMLText.decode(html)) == code)
    }
}

import Testing
import SitegenHighlight

/// `linenos`, `linenostart` and `hl_lines`: one `<span class="line">` per line.
struct LineNumberTests {
    func html(_ code: String, _ info: String) -> String {
        CodeBlock(code: code, info: FenceInfo(parsing: info)).html()
    }

    @Test func plainBlockHasNoLineSpans() {
        #expect(html("let x = 1\n", "swift") == """
            <pre class="highlight" data-lang="swift"><code class="language-swift"><span class="tok-kw">let</span> x \
            <span class="tok-op">=</span> <span class="tok-num">1</span>
            </code></pre>

            """)
    }

    @Test func numberedLines() {
        #expect(html("a\n\nb\n", "text {linenos=true}") == """
            <pre class="highlight" data-lang="text"><code class="language-text"><span class="line"><span class="ln">1</span>a
            </span><span class="line"><span class="ln">2</span>
            </span><span class="line"><span class="ln">3</span>b
            </span></code></pre>

            """)
    }

    @Test func numbersArePaddedToTheWidestAndStartWhereAsked() {
        #expect(html("a\nb\n", "text {linenos=true, linenostart=9}") == """
            <pre class="highlight" data-lang="text"><code class="language-text"><span class="line"><span class="ln"> 9</span>a
            </span><span class="line"><span class="ln">10</span>b
            </span></code></pre>

            """)
    }

    @Test func highlightedLinesWithoutNumbers() {
        #expect(html("a\nb\nc\nd", #"text {hl_lines=[1, "3-4"]}"#) == """
            <pre class="highlight" data-lang="text"><code class="language-text"><span class="line hl">a
            </span><span class="line">b
            </span><span class="line hl">c
            </span><span class="line hl">d</span></code></pre>

            """)
    }

    @Test func tokensSpanningLinesAreSplitPerLine() {
        #expect(html("/* a\nb */ x\n", "swift {linenos=true, hl_lines=[2]}") == """
            <pre class="highlight" data-lang="swift"><code class="language-swift"><span class="line"><span class="ln">1</span>\
            <span class="tok-com">/* a</span>
            </span><span class="line hl"><span class="ln">2</span><span class="tok-com">b */</span> x
            </span></code></pre>

            """)
    }

    @Test func zolaStyleOptions() {
        #expect(html("x\ny\n", "py,linenos,hl_lines=2") == """
            <pre class="highlight" data-lang="py"><code class="language-py"><span class="line"><span class="ln">1</span>x
            </span><span class="line hl"><span class="ln">2</span>y
            </span></code></pre>

            """)
    }

    @Test func emptyBlock() {
        #expect(html("", "swift {linenos=true}") == """
            <pre class="highlight" data-lang="swift"><code class="language-swift"></code></pre>

            """)
    }

    @Test func everyLineIsBalancedInEveryLanguage() throws {
        for example in LanguageCase.all {
            let language = try #require(Language(name: example.name))
            let options = CodeBlockOptions(lineNumbers: true, firstLineNumber: 98, highlightedLines: [1...2])
            let rendered = Highlighter.html(example.code, language: language, options: options)
            #expect(HTMLText.decode(rendered) == example.code, "\(example.name)")
            let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            // Every line after the first starts by closing the previous line and opening its own.
            for line in lines { #expect(line.hasPrefix("</span><span class=\"line")) }
        }
    }
}

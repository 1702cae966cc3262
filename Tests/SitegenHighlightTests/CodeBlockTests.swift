import Testing
import SitegenHighlight

/// The `<pre><code>` wrapper, and output sizing for blocks of every size.
struct CodeBlockTests {
    @Test func bytesAreTheSameHTML() {
        for example in LanguageCase.all {
            let block = CodeBlock(code: example.code, info: FenceInfo(parsing: example.name + " {linenos=true, hl_lines=[2]}"))
            #expect(String(decoding: block.htmlBytes(), as: UTF8.self) == block.html())
        }
    }

    /// Blocks over 4 KB have their output sized by counting escapes rather than assuming
    /// the worst; the densest input (every byte escaped, a token per byte, every line
    /// numbered) must still fit.
    @Test(arguments: [Language.html, .css, .json, .jinja, .shell, .swift])
    func largeDenseBlocksFit(_ language: Language) throws {
        let code = String(repeating: "<&>\n{%<}\"'\n", count: 1_000)
        let options = CodeBlockOptions(lineNumbers: true, firstLineNumber: -5, highlightedLines: [1...5_000])
        let html = Highlighter.html(code, language: language, options: options)
        #expect(try #require(HTMLText.decode(html)) == code)
    }

    @Test func largeRandomBlocks() {
        var generator = RobustnessTests.Generator(state: 7)
        for round in 0..<40 {
            var code = ""
            while code.utf8.count < 6_000 { code += RobustnessTests.randomCode(&generator) }
            let language = Language.allCases[round % Language.allCases.count]
            let options = CodeBlockOptions(lineNumbers: round % 2 == 0, highlightedLines: [1...3])
            #expect(HTMLText.decode(Highlighter.html(code, language: language, options: options)) == code, "\(language)")
        }
    }

    @Test func fenceWithoutLanguage() {
        #expect(CodeBlock(code: "a < b\n", info: FenceInfo(parsing: "")).html() == """
            <pre class="highlight"><code>a &lt; b
            </code></pre>

            """)
    }
}

import Testing
import SitegenHighlight

/// Fence names and aliases, and what happens to a language the highlighter does not know.
struct LanguageNameTests {
    @Test(arguments: [
        ("swift", Language.swift), ("rs", .rust), ("golang", .go), ("h", .c), ("hpp", .cpp), ("c++", .cpp),
        ("js", .javascript), ("jsx", .javascript), ("mjs", .javascript), ("ts", .typescript), ("tsx", .tsx),
        ("py", .python), ("sh", .shell), ("bash", .shell), ("zsh", .shell), ("shell", .shell), ("console", .console),
        ("json", .json), ("toml", .toml), ("yml", .yaml), ("html", .html), ("svg", .xml), ("css", .css),
        ("sql", .sql), ("patch", .diff), ("tera", .jinja), ("html+jinja", .jinja), ("RS", .rust), ("Html+Tera", .jinja),
    ])
    func aliases(_ name: String, _ language: Language) {
        #expect(Language(name: name) == language)
    }

    @Test(arguments: ["", "text", "markdown", "brainfuck", "swift5", "ßwift", " swift"])
    func unknownNames(_ name: String) {
        #expect(Language(name: name) == nil)
    }

    @Test func unknownLanguageIsEscapedWithoutSpans() {
        let block = CodeBlock(code: "if a < b { print(\"&\") }\n", info: FenceInfo(parsing: "brainfuck {hl_lines=[1]}"))
        #expect(block.html() == """
            <pre class="highlight" data-lang="brainfuck"><code class="language-brainfuck"><span class="line hl">if a &lt; b \
            { print("&amp;") }
            </span></code></pre>

            """)
    }

    @Test func everyTokenKindHasItsOwnClass() {
        let classes = TokenKind.allCases.map(\.cssClass)
        #expect(Set(classes).count == TokenKind.allCases.count)
        #expect(classes.allSatisfy { $0.hasPrefix("tok-") })
    }
}

import Testing
import SitegenHighlight

/// Broken and hostile input: every lexer finishes, and what it produces is sound.
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Pieces that open, close or escape something in one language or another.
    static let pieces = [
        "\"", "'", "`", "\"\"\"", "'''", "\\", "\\(", "${", "#{", "{{", "}}", "{%", "%}", "{#", "#}", "/*", "*/",
        "//", "#", "<!--", "-->", "<", ">", "</", "/>", "<![CDATA[", "]]>", "<script>", "</script>", "r#\"", "\"#",
        "#\"", "R\"(", ")\"", "<<EOF\n", "\nEOF\n", "$(", "$", "$$", "@", "&", "&amp;", ";", "(", ")", "[", "]", "{",
        "}", ":", ": ", "- ", "=", "|", ">-\n", "\n", "\n", "\r\n", "\t", " ", "  ", "x", "let", "fn", "def", "SELECT",
        "--", "+", "@@", "---", "+++", "0x", "1.5e", "42", "é", "日本", "🎉", "\u{0}", "'a", "f\"", "b'", "u8\"",
        "// ok\n", "$ ", "% ", "\\\n", "\u{7F}",
    ]

    static func randomCode(_ generator: inout Generator) -> String {
        var code = ""
        for _ in 0..<generator.below(60) { code += pieces[generator.below(pieces.count)] }
        return code
    }

    /// Tokens are sorted, disjoint, non-empty, inside the code and on character boundaries.
    static func checkTokens(_ tokens: [Token], in code: String) -> Bool {
        let bytes = Array(code.utf8)
        var previousEnd = 0
        for token in tokens {
            let range = token.range
            guard range.lowerBound >= previousEnd, range.lowerBound < range.upperBound, range.upperBound <= bytes.count,
                  bytes[range.lowerBound] & 0xC0 != 0x80,
                  range.upperBound == bytes.count || bytes[range.upperBound] & 0xC0 != 0x80
            else { return false }
            previousEnd = range.upperBound
        }
        return true
    }

    @Test func randomInputAcrossAllLanguages() {
        var generator = Generator(state: 20_240_527)
        let languages = Language.allCases
        let numbered = CodeBlockOptions(lineNumbers: true, highlightedLines: [2...3])
        var failures: [String] = []
        for round in 0..<5_000 {
            let code = Self.randomCode(&generator)
            let language = languages[round % languages.count]
            let tokens = Highlighter.tokens(in: code, language: language)
            let plain = Highlighter.html(code, language: language)
            let lines = Highlighter.html(code, language: language, options: numbered)
            if !Self.checkTokens(tokens, in: code) || HTMLText.decode(plain) != code || HTMLText.decode(lines) != code {
                failures.append("\(language): \(String(reflecting: code))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) inputs failed; first: \(failures.first ?? "")")
    }

    static let unterminated: [(Language, String)] = [
        (.swift, "let s = \"abc"), (.swift, "/* /* nested */"), (.swift, "#\"raw"), (.swift, "\"\"\"\nmulti"),
        (.swift, "\"\\(a"), (.rust, "r##\"raw\"#"), (.rust, "'"), (.rust, "b'"), (.go, "`raw"), (.c, "#include <x"),
        (.cpp, "R\"delim(never"), (.cpp, "R\"(x"), (.javascript, "`a ${ b"), (.javascript, "x = /[/"),
        (.javascript, "<div a={"), (.tsx, "<A><B>"), (.python, "f'{x"), (.python, "'''doc"), (.shell, "echo \"$(a"),
        (.shell, "cat <<EOF\nbody"), (.shell, "${x"), (.console, "$ echo '"), (.json, "{\"a"), (.toml, "a = \"\"\"x"),
        (.toml, "[table"), (.yaml, "a: 'x"), (.yaml, "a: |\n  b"), (.html, "<!-- x"), (.html, "<script>x"),
        (.html, "<a href=\"x"), (.xml, "<![CDATA[x"), (.xml, "<?xml"), (.css, "a { b: \"x"), (.css, "/* x"),
        (.sql, "'x"), (.sql, "$$x"), (.sql, "/* x"), (.diff, "@@"), (.jinja, "{{ x"), (.jinja, "{% raw %}x"),
        (.jinja, "{# x"), (.jinja, "<a href=\"{{"),
    ]

    @Test(arguments: 0..<unterminated.count)
    func unterminatedConstructsEndAtTheEnd(_ index: Int) throws {
        let (language, code) = Self.unterminated[index]
        let tokens = Highlighter.tokens(in: code, language: language)
        #expect(Self.checkTokens(tokens, in: code))
        #expect(try #require(HTMLText.decode(Highlighter.html(code, language: language))) == code)
    }

    /// Interpolations and nested commands recurse; nesting this deep must neither
    /// overflow the stack nor lose text.
    @Test(arguments: [
        (Language.swift, "\"\\("), (.javascript, "`${"), (.python, "f\"{"), (.shell, "$("), (.javascript, "<a b={"),
        (.tsx, "<a>{"), (.jinja, "{{ {"), (.javascript, "(/["), (.rust, "#["),
    ])
    func deepNestingIsBounded(_ language: Language, _ opener: String) throws {
        let code = String(repeating: opener, count: 5_000)
        let html = Highlighter.html(code, language: language)
        #expect(try #require(HTMLText.decode(html)) == code)
    }

    @Test func longLinesAndEmptyInput() {
        for language in Language.allCases {
            #expect(Highlighter.html("", language: language) == "")
            let long = String(repeating: "a", count: 100_000)
            #expect(HTMLText.decode(Highlighter.html(long, language: language)) == long)
        }
    }
}

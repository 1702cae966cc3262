/// Build-time syntax highlighting: code in, HTML with a `<span class="tok-…">` per token out.
///
/// Each language has a hand-written lexer over the code's UTF-8 bytes (no regular
/// expressions, no Foundation), run once per code block when the site is built; pages
/// ship no JavaScript for it. Colours come from the theme's stylesheet, keyed on the
/// classes ``TokenKind/cssClass`` lists. Lexers never fail: broken code (an unclosed
/// string or comment) colours the rest of its line or block and stops at the end.
///
/// ```swift
/// Highlighter.html("let x = 1", language: .swift)
/// // <span class="tok-kw">let</span> x <span class="tok-op">=</span> <span class="tok-num">1</span>
///
/// let info = FenceInfo(parsing: "swift {linenos=true}")
/// CodeBlock(code: "let x = 1\n", info: info).html()   // the whole <pre> element
/// ```
package enum Highlighter {
    /// The tokens of `code`, in order; bytes between them are plain text.
    ///
    /// - Parameters:
    ///   - code: The source.
    ///   - language: Which lexer to use.
    package static func tokens(in code: String, language: Language) -> [Token] {
        var code = code
        return code.withUTF8 { bytes in
            var scanner = Scanner(bytes)
            language.tokenize(&scanner)
            return scanner.tokens
        }
    }

    /// `code` as escaped HTML with token spans: what goes inside `<code>`.
    ///
    /// - Parameters:
    ///   - code: The source.
    ///   - language: Which lexer to use; `nil` escapes the code and adds no spans.
    ///   - options: Line numbers and emphasised lines.
    package static func html(_ code: String, language: Language?, options: CodeBlockOptions = CodeBlockOptions()) -> String {
        var output = HTMLBytes(capacity: code.utf8.count * 2)
        render(code, language: language, options: options, into: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    static func render(_ code: String, language: Language?, options: CodeBlockOptions, into output: inout HTMLBytes) {
        var code = code
        code.withUTF8 { bytes in
            var scanner = Scanner(bytes)
            language?.tokenize(&scanner)
            TokenRenderer(source: bytes, options: options).render(scanner.tokens, into: &output)
        }
    }
}

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
        render(code, language: language, options: options, make: makeString)
    }

    /// Lexes and renders `code` into storage that `make` allocates with the capacity it is
    /// given and fills by calling the function it is given, between `prefix` and `suffix`.
    static func render<Output>(
        _ code: String, language: Language?, options: CodeBlockOptions, prefix: [UInt8] = [], suffix: StaticString = "",
        make: (_ capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> Output
    ) -> Output {
        var code = code
        return code.withUTF8 { source in
            var scanner = Scanner(source)
            language?.tokenize(&scanner)
            let renderer = TokenRenderer(source: source, options: options)
            let tokens = scanner.tokens
            return make(renderer.capacity(for: tokens) + prefix.count + suffix.utf8CodeUnitCount) { buffer in
                var output = HTMLWriter(buffer)
                prefix.withUnsafeBufferPointer { output.append($0.baseAddress!, $0.count) }
                renderer.render(tokens, into: &output)
                output.append(suffix)
                return output.count
            }
        }
    }

    /// Makes a `String` for ``render(_:language:options:prefix:suffix:make:)``.
    static func makeString(_ capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> String {
        String(unsafeUninitializedCapacity: capacity, initializingUTF8With: fill)
    }

    /// Makes bytes for ``render(_:language:options:prefix:suffix:make:)``,
    /// skipping the UTF-8 validation a `String` would do (the output is valid UTF-8
    /// whenever the code is, because tokens start and end on ASCII bytes).
    static func makeBytes(_ capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in count = fill(buffer) }
    }
}

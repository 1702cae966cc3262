/// What a code fence's info string says: the language, then options.
///
/// Both Hugo's and Zola's spellings are understood:
///
/// ```swift
/// FenceInfo(parsing: #"swift {linenos=true, hl_lines=[2, "4-6"], linenostart=10}"#)
/// FenceInfo(parsing: "rust,linenos,hl_lines=1 3-5")
/// FenceInfo(parsing: "{linenos=table}")   // no language, numbered lines
/// ```
///
/// Options other than `linenos`, `hl_lines` and `linenostart` are ignored, and so are
/// malformed values: Markdown bodies never fail to render.
package struct FenceInfo: Equatable, Sendable {
    /// The language name as written (`Swift`, `rs`), or empty when the fence has none.
    package var language: String
    /// Line numbers and emphasised lines.
    package var options: CodeBlockOptions

    /// Creates fence information from its parts.
    ///
    /// - Parameters:
    ///   - language: The language name as written, or empty.
    ///   - options: Line numbers and emphasised lines.
    package init(language: String = "", options: CodeBlockOptions = CodeBlockOptions()) {
        self.language = language
        self.options = options
    }
}

/// What a run of code is, as far as colouring goes; each kind is one CSS class.
///
/// The classes are short (`tok-kw`) because a page can hold thousands of them, and they
/// are the only contract between the highlighter and a theme's stylesheet.
package enum TokenKind: UInt8, CaseIterable, Sendable {
    /// Reserved words: `func`, `if`, `return`, SQL's `SELECT`, template tags' `for`.
    case keyword
    /// Type names: built-in (`Int`, `u8`, `string`) and, where the language's convention
    /// makes it safe, capitalized names; TOML table headers, CSS `.class` and `#id`
    /// selectors, YAML `!tags`.
    case type
    /// Names of functions at their declaration or call, filters in templates, shell commands.
    case function
    /// String and character literals, regular expressions, YAML and heredoc text.
    case string
    /// Numeric literals, including suffixes and units (`10u8`, `1.5rem`).
    case number
    /// Comments, including doc comments.
    case comment
    /// Operators: `+`, `==`, `->`, `&&`, `|` in a shell pipeline.
    case `operator`
    /// Brackets, commas, semicolons, colons, dots.
    case punctuation
    /// Variables the language marks as such: `$HOME`, `{{ page }}`, Swift's `$0`, YAML aliases.
    case variable
    /// Attributes and properties: HTML attributes, object members after `.`, keys in JSON,
    /// TOML and YAML, CSS properties, command-line options.
    case attribute
    /// HTML and XML element names, CSS element selectors.
    case tag
    /// Functions and objects the language provides: `print`, `len`, `console`; CSS
    /// pseudo-classes (`:hover`).
    case builtin
    /// Named constants: `true`, `nil`, `None`, `ALL_CAPS` names, HTML entities, CSS
    /// colours and keyword values (`#fff`, `auto`).
    case constant
    /// Preprocessor directives, attributes and decorators (`#include`, `@MainActor`,
    /// `#[derive]`), template delimiters, shell prompts, diff headers.
    case meta
    /// A line a diff adds.
    case inserted
    /// A line a diff removes.
    case deleted

    /// The CSS class of the `<span>` around tokens of this kind, such as `tok-kw`.
    package var cssClass: String {
        switch self {
        case .keyword: "tok-kw"
        case .type: "tok-type"
        case .function: "tok-fn"
        case .string: "tok-str"
        case .number: "tok-num"
        case .comment: "tok-com"
        case .operator: "tok-op"
        case .punctuation: "tok-punc"
        case .variable: "tok-var"
        case .attribute: "tok-attr"
        case .tag: "tok-tag"
        case .builtin: "tok-builtin"
        case .constant: "tok-const"
        case .meta: "tok-meta"
        case .inserted: "tok-ins"
        case .deleted: "tok-del"
        }
    }
}

import SitegenHTML

/// One lexical token of a template.
struct Token: Equatable {
    enum Kind: Equatable {
        /// Literal markup between tags (already trimmed by `-` markers).
        case text
        /// `{{` / `}}`
        case outputOpen, outputClose
        /// `{%` / `%}`
        case tagOpen, tagClose
        case name
        case string
        case integer
        case number
        /// Operators and punctuation: `| . , : ( ) [ ] { } == != < <= > >= + - * / % ~ =`
        case symbol
        case end
    }

    var kind: Kind
    /// The token's text; for strings, the unescaped value.
    var text: String
    var span: Span
    /// How many columns it spans in the source (for the caret underline).
    var length: Int

    func `is`(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    func isName(_ name: String) -> Bool { kind == .name && text == name }

    /// How the token reads in an error message.
    var quoted: String {
        switch kind {
        case .end: return "end of template"
        case .text: return "text"
        case .outputClose: return "'}}'"
        case .tagClose: return "'%}'"
        case .outputOpen: return "'{{'"
        case .tagOpen: return "'{%'"
        case .string: return "string \"" + text + "\""
        default: return "'" + text + "'"
        }
    }
}

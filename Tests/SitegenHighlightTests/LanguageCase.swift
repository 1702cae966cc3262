import Testing
import SitegenHighlight

/// A snippet in one language and the HTML the highlighter must make of it.
struct LanguageCase: Sendable, CustomTestStringConvertible {
    /// The fence name the snippet is highlighted under (an alias where one is common).
    var name: String
    var code: String
    var html: String

    init(_ name: String, code: String, html: String) {
        self.name = name
        self.code = code
        self.html = html
    }

    var testDescription: String { name }

    /// One case per language.
    static let all = cFamily + dataAndMarkup
}

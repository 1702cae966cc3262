/// What sets one C-family language apart for ``CLikeLexer``: its words, and which of the
/// family's literal and comment forms it has.
///
/// Swift, Rust, Go, C, C++, JavaScript, TypeScript and Python share one lexer because
/// their differences are in details (which quote makes a character, whether comments
/// nest, how raw strings are spelled), not in the shape of the code.
struct CLikeSyntax: Sendable {
    /// The language, for the rules that are too particular to be a flag
    /// (string prefixes, what `#` starts).
    enum Family: Sendable { case swift, rust, go, c, cpp, javascript, python }

    /// What a `'` starts.
    enum SingleQuote: Sendable {
        /// Nothing: Swift.
        case none
        /// A string like `"`: JavaScript, Python.
        case string
        /// A character literal: C, C++, Go.
        case character
        /// A character literal, or a lifetime (`'a`) when no `'` closes it: Rust.
        case characterOrLifetime
    }

    /// What a backtick starts.
    enum Backtick: Sendable {
        case none
        /// A template literal with `${…}` interpolation: JavaScript.
        case template
        /// A raw string without escapes: Go.
        case raw
        /// An escaped identifier (`` `default` ``): Swift.
        case identifier
    }

    var family: Family
    /// Keywords, built-in types, built-in functions and constants.
    var words: WordTable
    /// Words after which the next identifier names a function (`.function`) or type (`.type`).
    var introducers: WordTable
    var slashComments = true
    var hashComments = false
    var nestedComments = false
    var singleQuote = SingleQuote.string
    var backtick = Backtick.none
    /// `"""` and, with ``singleQuote`` `.string`, `'''` start multi-line strings.
    var tripleQuotes = false
    /// Plain `"` strings may span lines (Rust).
    var multilineStrings = false
    /// `CamelCase` names are types (Swift, Rust, JavaScript, Python conventions).
    var capitalizedTypes = true
    /// `ALL_CAPS` names are constants.
    var allCapsConstants = true
    /// `$` is an identifier character (JavaScript) or starts a variable (`$0` in Swift).
    var dollarIdentifiers = false
    /// `/…/` after an operator is a regular expression.
    var regexLiterals = false
    /// `<Tag …>` after an operator is a JSX element.
    var jsx = false
    /// `'` may separate digits (`1'000'000` in C++14).
    var quoteDigitSeparators = false
}

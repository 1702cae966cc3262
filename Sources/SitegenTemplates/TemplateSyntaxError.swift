import SitegenHTML

/// A template that cannot be compiled. Each case knows its position and turns into a
/// located `Diagnostic` with what was expected and how to fix it.
enum TemplateSyntaxError: Error, Equatable {
    case unclosed(String, opener: String, closer: String, at: Span)
    case unexpectedCharacter(String, at: Span)
    case unterminatedString(at: Span)
    case numberTooLarge(String, at: Span)
    case unexpectedToken(Token, expected: String)
    case unknownTag(Token, candidates: [String])
    case unexpectedEndTag(Token, open: String?)
    case missingEndTag(String, opener: Span, found: Token)
    case extendsNotFirst(at: Span)
    case duplicateBlock(String, at: Span)
    case invalidAssignmentTarget(Token)
    case tooDeeplyNested(Token)

    /// The diagnostic for this error in `file`, whose text is `source`.
    func diagnostic(file: String, source: [Substring]) -> Diagnostic {
        func at(_ span: Span, length: Int = 1) -> (SourceLocation, String?, Int) {
            let line = span.line >= 1 && span.line <= source.count ? String(source[span.line - 1]) : nil
            return (SourceLocation(file: file, line: span.line, column: span.column), line, length)
        }
        func make(_ message: String, _ span: Span, length: Int = 1, expected: String? = nil, fix: String? = nil) -> Diagnostic {
            let (location, line, length) = at(span, length: length)
            return Diagnostic(.error, message, at: location, expected: expected, fix: fix, sourceLine: line, length: length)
        }
        switch self {
        case .unclosed(let what, let opener, let closer, let span):
            return make("unclosed " + what + " '" + opener + "'", span, length: opener.utf8.count,
                        expected: "'" + closer + "'", fix: "close it with '" + closer + "'")
        case .unexpectedCharacter(let c, let span):
            return make("unexpected character '" + c + "' in a tag", span,
                        expected: "a name, a literal or an operator",
                        fix: "remove it, or put text outside '{{ }}' and '{% %}'")
        case .unterminatedString(let span):
            return make("unterminated string", span, expected: "a closing quote on the same line", fix: "add the closing quote")
        case .numberTooLarge(let text, let span):
            return make("number '" + text + "' is too large", span, length: text.utf8.count,
                        expected: "an integer between -9223372036854775808 and 9223372036854775807")
        case .unexpectedToken(let token, let expected):
            return make("unexpected " + token.quoted, token.span, length: token.length, expected: expected)
        case .unknownTag(let token, let candidates):
            return make("unknown tag '" + token.text + "'", token.span, length: token.length,
                        expected: "one of " + Parser.tagNames.map { "'" + $0 + "'" }.joined(separator: ", "),
                        fix: Suggestion.nearest(to: token.text, in: candidates).map { "did you mean '" + $0 + "'?" })
        case .unexpectedEndTag(let token, let open):
            return make(
                "unexpected '{% " + token.text + " %}'", token.span, length: token.length,
                expected: open.map { "'{% end" + $0 + " %}' to close '{% " + $0 + " %}'" } ?? "no end tag here",
                fix: open == nil ? "remove it, or add the tag it closes" : "use '{% end" + (open ?? "") + " %}'")
        case .missingEndTag(let tag, let opener, let found):
            var d = make("'{% " + tag + " %}' is never closed", opener, length: tag.utf8.count,
                         expected: "'{% end" + tag + " %}' before " + found.quoted,
                         fix: "add '{% end" + tag + " %}'")
            d.notes.append("reached " + found.quoted + " at line " + String(found.span.line))
            return d
        case .extendsNotFirst(let span):
            return make("'{% extends %}' must come first in the template", span,
                        fix: "move it to the top, before any other tag or output")
        case .duplicateBlock(let name, let span):
            return make("block '" + name + "' is defined twice", span, length: name.utf8.count,
                        fix: "rename one of the blocks")
        case .invalidAssignmentTarget(let token):
            return make("cannot assign to " + token.quoted, token.span, length: token.length, expected: "a variable name")
        case .tooDeeplyNested(let token):
            return make("too deeply nested at " + token.quoted, token.span, length: token.length,
                        expected: "at most " + String(Parser.maxNesting) + " nested brackets, operators or tags",
                        fix: "split it up with '{% set %}', a macro or an include")
        }
    }
}

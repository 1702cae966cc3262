import SitegenHTML

/// The wording of every shortcode problem, located in the content file.
extension Diagnostic {
    static let shortcodeForm = "a shortcode like {{< figure src=\"cat.png\" alt=\"A cat\" >}} or {{< note >}}…{{< /note >}}"

    static func shortcodeWithoutName(found: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("expected a shortcode name after '{{<'" + (found.isEmpty ? "" : ", found '" + found + "'"), at: range,
                            expected: shortcodeForm,
                            fix: "write the name first, or '\\{{<' to show the braces as text")
    }

    static func unterminatedShortcodeTag(_ name: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("shortcode tag '{{< " + name + "' is not closed with '>}}'", at: range,
                            expected: "'>}}' after the arguments",
                            fix: "end the tag with '>}}'")
    }

    static func duplicateShortcodeArgument(_ argument: String, shortcode: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("argument '" + argument + "' is given twice in shortcode '" + shortcode + "'", at: range,
                            fix: "remove one of them")
    }

    static func argumentsOnClosingTag(_ name: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("closing tag '{{< /" + name + " >}}' takes no arguments", at: range,
                            expected: "{{< /" + name + " >}}",
                            fix: "move the arguments to the opening tag {{< " + name + " … >}}")
    }

    static func badShortcodeArgument(_ found: String, shortcode: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("bad argument '" + found + "' in shortcode '" + shortcode + "'", at: range,
                            expected: "named arguments: key=\"value\", key=3 or key=true",
                            fix: "name the argument, e.g. src=\"" + Self.unquoted(found) + "\"")
    }

    static func shortcodeArgumentWithoutValue(_ argument: String, shortcode: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("argument '" + argument + "' of shortcode '" + shortcode + "' has no value", at: range,
                            expected: argument + "=\"value\" with no space after '='",
                            fix: "write " + argument + "=\"…\"")
    }

    static func unterminatedShortcodeString(_ argument: String, shortcode: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("the value of '" + argument + "' in shortcode '" + shortcode + "' has no closing quote", at: range,
                            expected: argument + "=\"value\"",
                            fix: "add the closing quote; write \\\" for a quote inside the value")
    }

    static func mismatchedClosingTag(_ name: String, open: String, openedAt: Int, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        let opened = document.location(of: openedAt)
        return document.diagnostic("closing tag '{{< /" + name + " >}}' does not match the open shortcode '" + open + "'", at: range,
                                   expected: "{{< /" + open + " >}} first (opened at line " + String(opened.line) + ")",
                                   fix: Suggestion.nearest(to: name, in: [open]).map { "did you mean '{{< /" + $0 + " >}}'?" }
                                       ?? "close '" + open + "' before '" + name + "'")
    }

    static func strayClosingTag(_ name: String, takesNoBody: Bool, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        if takesNoBody {
            return document.diagnostic("shortcode '" + name + "' takes no body, so '{{< /" + name + " >}}' closes nothing", at: range,
                                       expected: "{{< " + name + " … >}} alone",
                                       fix: "remove '{{< /" + name + " >}}' and put the text after the shortcode")
        }
        return document.diagnostic("closing tag '{{< /" + name + " >}}' has no opening tag", at: range,
                                   expected: "{{< " + name + " >}} before it",
                                   fix: "add {{< " + name + " >}} before the content, or remove the closing tag")
    }

    static func unclosedShortcode(_ name: String, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("shortcode '" + name + "' is not closed", at: range,
                            expected: "{{< /" + name + " >}} after its content",
                            fix: "add {{< /" + name + " >}} where its content ends")
    }

    /// Unknown name: no `shortcodes/<name>.html` in the site or theme.
    public static func unknownShortcode(_ name: String, known: [String], at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("unknown shortcode '" + name + "'", at: range,
                            expected: known.isEmpty ? "a template templates/shortcodes/" + name + ".html"
                                : "one of " + known.map { "'" + $0 + "'" }.joined(separator: ", ") + ", or a template templates/shortcodes/" + name + ".html",
                            fix: Suggestion.nearest(to: name, in: known).map { "did you mean '" + $0 + "'?" }
                                ?? "create templates/shortcodes/" + name + ".html, or write {{</* " + name + " */>}} to show the tag as text")
    }

    /// A required argument (declared without `?`) is missing.
    public static func missingShortcodeArgument(_ argument: String, shortcode: String, usage: String, at range: Range<Int>,
                                                in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("shortcode '" + shortcode + "' needs the argument '" + argument + "'", at: range,
                            expected: usage,
                            fix: "add " + argument + "=\"…\"")
    }

    /// An argument the shortcode does not declare.
    public static func unknownShortcodeArgument(_ argument: String, shortcode: String, known: [String], at range: Range<Int>,
                                                in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("shortcode '" + shortcode + "' has no argument '" + argument + "'", at: range,
                            expected: known.isEmpty ? "no arguments" : "one of " + known.map { "'" + $0 + "'" }.joined(separator: ", "),
                            fix: Suggestion.nearest(to: argument, in: known).map { "did you mean '" + $0 + "'?" } ?? "remove it")
    }

    /// A shortcode that declares a body is used without one, or the reverse.
    public static func shortcodeBody(_ shortcode: String, needed: Bool, at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        needed
            ? document.diagnostic("shortcode '" + shortcode + "' needs a body", at: range,
                                  expected: "{{< " + shortcode + " >}}content{{< /" + shortcode + " >}}",
                                  fix: "put the content between {{< " + shortcode + " >}} and {{< /" + shortcode + " >}}")
            : document.diagnostic("shortcode '" + shortcode + "' takes no body", at: range,
                                  expected: "{{< " + shortcode + " … >}} alone",
                                  fix: "remove '{{< /" + shortcode + " >}}' and put the text after the shortcode")
    }

    /// `{{< island >}}` inside another island's fallback.
    public static func nestedIsland(at range: Range<Int>, in document: ShortcodeDocument) -> Diagnostic {
        document.diagnostic("an island cannot be inside another island's fallback", at: range,
                            expected: "islands side by side",
                            fix: "close the outer {{< /island >}} before opening this one")
    }

    private static func unquoted(_ text: String) -> String {
        var t = text
        if t.hasPrefix("\"") { t.removeFirst() }
        if t.hasSuffix("\"") { t.removeLast() }
        return t
    }
}

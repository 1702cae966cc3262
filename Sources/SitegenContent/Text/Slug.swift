/// Turns titles and names into URL- and id-safe slugs, the way Zola does with `slugify = "safe"`.
///
/// Letters are lower-cased; ASCII letters and digits and any Unicode letter, mark or
/// number are kept; every other run of characters (spaces, punctuation, `_`, `-`)
/// becomes one `-`, and dashes never start or end the slug. Non-ASCII letters are kept
/// rather than transliterated, so `"Grüße aus Köln"` stays readable as
/// `"grüße-aus-köln"`; browsers percent-encode them in URLs.
///
/// ```swift
/// Slug.slugify("Hello, World!")    // "hello-world"
/// Slug.slugify("  Swift 6 & WASI ") // "swift-6-wasi"
/// ```
public enum Slug {
    /// The slug of `text`; empty when `text` has no letters or digits.
    ///
    /// - Parameter text: Any text: a heading, a title, a taxonomy term.
    public static func slugify(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if isKept(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return String(slug)
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

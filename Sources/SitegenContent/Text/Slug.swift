import SitegenHTML

/// Turns titles and names into URL- and id-safe slugs, the way Zola does with `slugify = "safe"`.
///
/// Letters are lower-cased; ASCII letters and digits and non-ASCII letters, marks and
/// numbers are kept; every other run of characters (spaces, punctuation, `_`, `-`)
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
        // One definition for heading ids, page slugs, terms and the `| slugify` filter.
        Text.slugify(text)
    }
}

import SitegenHTML

/// One shortcode in Markdown: `{{< figure src="a.png" >}}`, or the paired form
/// `{{< note >}}Markdown{{< /note >}}` with its body.
///
/// Offsets count Unicode scalars from the start of the scanned text (``ShortcodeDocument``),
/// so the build can point diagnostics at the tag and map the body back to its place.
public struct Shortcode: Equatable, Sendable {
    /// The name after `{{<` (`figure`); the template is `shortcodes/<name>.html`.
    public var name: String
    /// The `key=value` arguments in the order written.
    public var arguments: [Argument]
    /// The opening tag, from `{{<` to `>}}`.
    public var tag: Range<Int>
    /// The body of the paired form; nil for `{{< name >}}` alone.
    public var body: Body?

    /// One `key=value` argument.
    public struct Argument: Equatable, Sendable {
        public var name: String
        /// A string for `"quoted"` or bare text; an int, double or bool for `3`, `2.5`, `true`.
        public var value: Value
        /// From the key to the end of the value.
        public var range: Range<Int>
    }

    /// What lies between `{{< name >}}` and `{{< /name >}}`.
    public struct Body: Equatable, Sendable {
        /// The text between the tags.
        public var range: Range<Int>
        /// That text split into plain source, escapes and the shortcodes inside it.
        public var pieces: [ShortcodePiece]
        /// The closing tag.
        public var closingTag: Range<Int>
    }

    /// The argument called `name`.
    public func argument(_ name: String) -> Argument? { arguments.first { $0.name == name } }
}

/// A stretch of Markdown after shortcode scanning.
public enum ShortcodePiece: Equatable, Sendable {
    /// Source text, kept as written.
    case source(Range<Int>)
    /// Text that replaces the source range: `{{</* x */>}}` written out as `{{< x >}}`.
    case literal(String, Range<Int>)
    /// A shortcode, replaced by its rendered HTML.
    case shortcode(Shortcode)
}

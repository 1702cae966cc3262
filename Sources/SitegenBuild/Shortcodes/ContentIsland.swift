import SitegenHTML

/// A `{{< island name="x" >}}` in Markdown: a suspense boundary whose loader must exist.
struct ContentIsland: Sendable {
    var loader: String
    /// Points at the `name` argument, for the "no loader" error.
    var place: Diagnostic
}

/// A suspense boundary met while rendering: which loader to run, with which arguments.
///
/// The build records these while prerendering a page's shell; the component runs
/// each loader at request time and streams the section's content into the page.
public struct SuspendedSection: Equatable, Sendable {
    /// 1-based, in document order within one page (`sg-b1`, `sg-b2`, …).
    public var id: Int
    /// The loader's name: a server function, or an island template under `islands/`.
    public var loader: String
    /// The arguments, evaluated when the page was rendered.
    public var arguments: Object

    /// Creates a section.
    public init(id: Int, loader: String, arguments: Object) {
        self.id = id
        self.loader = loader
        self.arguments = arguments
    }
}

/// How `{% suspense %}` renders.
public enum SuspenseMode: Sendable {
    /// Render the fallback inside the boundary element and record the section.
    ///
    /// Pros: the page can be prerendered and served at once. Cons: the content needs
    /// a second step (streaming by the component, or the island endpoint).
    case shell
    /// Call the loader now and render the resolved content inside the boundary element.
    ///
    /// Pros: one pass, no JavaScript. Cons: the page waits for its slowest loader.
    case resolved(@Sendable (SuspendedSection) throws(TemplateError) -> Value)
}

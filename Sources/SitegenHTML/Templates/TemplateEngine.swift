/// A function templates can call, such as `url("style.css")`, supplied by the host.
///
/// The build registers `url`, `now` and friends; the wasm component registers its own.
/// Functions get evaluated arguments and return a value or a located error.
public typealias TemplateFunction = @Sendable (_ arguments: Arguments) throws(TemplateError) -> Value

/// Evaluated arguments of a function, filter or macro call.
public struct Arguments: Sendable {
    public var positional: [Value]
    public var named: Object
    /// Creates arguments.
    public init(positional: [Value] = [], named: Object = Object()) {
        self.positional = positional
        self.named = named
    }
    /// The argument passed by name `name`, or else the positional one at `position`.
    public func value(_ position: Int, _ name: String) -> Value? {
        if let v = named[name] { return v }
        return position < positional.count ? positional[position] : nil
    }
}

/// Renders compiled templates: holds the library, the host functions and the options.
///
/// ```swift
/// var engine = TemplateEngine(library: TemplateLibrary([page, base]))
/// engine.globals["config"] = ["title": "My site"]
/// let html = try engine.render("page.html", context: ["page": ["title": "Hi"]]).html
/// ```
public struct TemplateEngine: Sendable {
    public var library: TemplateLibrary
    /// Values every template sees beneath its own context (`config`, `data`, `now`).
    public var globals: Object
    /// Host functions by name.
    public var functions: [String: TemplateFunction]
    /// When `true`, an unknown variable or a missing key is an error; otherwise it renders empty.
    public var strictVariables: Bool
    /// Limit on nested includes, macro calls and inheritance, so that a cycle is an error, not a hang.
    public var maxDepth: Int
    /// The URL of a boundary's deferred island, written as its `data-src` (the build signs
    /// it); nil writes plain boundaries.
    public var islandSource: (@Sendable (SuspendedSection) -> String?)?
    /// Whether trusted markup (`page.content`) may carry boundaries from Markdown's
    /// `{{< island >}}` shortcode (see ``SuspenseMarkup/contentBoundaryOpen(loader:arguments:)``).
    /// The build turns it on only for sites that use the shortcode, so other sites do not
    /// pay for the scan.
    public var expandsContentBoundaries = false

    /// The host function `name`. A scan, not a hashed lookup: there are a handful, and
    /// `String` hashing would link the Unicode tables into the component (``UTF8Key``).
    func function(named name: String) -> TemplateFunction? {
        for (key, function) in functions where Text.equal(key, name) { return function }
        return nil
    }

    /// Creates an engine.
    public init(library: TemplateLibrary, globals: Object = Object(), functions: [String: TemplateFunction] = [:],
                strictVariables: Bool = false, maxDepth: Int = 64) {
        self.library = library
        self.globals = globals
        self.functions = functions
        self.strictVariables = strictVariables
        self.maxDepth = maxDepth
    }

    /// What a render produced: the markup (when no sink took it) and the suspended sections met.
    public struct Rendered: Sendable {
        public var html: String
        public var sections: [SuspendedSection]
    }

    /// Renders the template `name` into `writer`; returns the suspended sections it recorded.
    /// - Parameters:
    ///   - context: an object; its keys become variables (`page`, `section`, …).
    ///   - suspense: `.shell` renders fallbacks and records boundaries; `.resolved` calls a loader now.
    @discardableResult
    public func render(_ name: String, context: Value, suspense: SuspenseMode = .shell,
                       into writer: inout HTMLWriter) throws(TemplateError) -> [SuspendedSection] {
        let state = RenderState(engine: self, context: context, suspense: suspense, writer: writer)
        defer { writer = state.writer }
        try state.renderTemplate(named: name, at: .unknown)
        writer = state.writer
        return state.sections
    }

    /// Renders the template `name` to a string.
    public func render(_ name: String, context: Value, suspense: SuspenseMode = .shell) throws(TemplateError) -> Rendered {
        var writer = HTMLWriter()
        let sections = try render(name, context: context, suspense: suspense, into: &writer)
        return Rendered(html: writer.string, sections: sections)
    }

    /// Renders the content of one resolved suspended section: the island template
    /// `islands/<loader>.html` with `args` and `data`, or, without such a template, `data` itself.
    public func renderSection(_ section: SuspendedSection, data: Value) throws(TemplateError) -> String {
        let state = RenderState(engine: self, context: .null, suspense: .shell, writer: HTMLWriter())
        try state.renderIsland(section, data: data)
        return state.writer.string
    }

    /// What a section shows when its loader failed or timed out: the island template's
    /// `{% block error %}` (rendered with `args`), else ``SuspenseMarkup/errorBoundary``.
    /// Never fails: an error block that cannot render gives the default too.
    public func renderSectionError(_ section: SuspendedSection) -> String {
        let state = RenderState(engine: self, context: .null, suspense: .shell, writer: HTMLWriter())
        do throws(TemplateError) {
            if try state.renderIslandError(section) { return state.writer.string }
        } catch {}
        return SuspenseMarkup.errorBoundary
    }
}

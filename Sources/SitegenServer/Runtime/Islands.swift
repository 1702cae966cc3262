import SitegenHTML

/// An island template compiled to Swift by `sitegen build` (its render function, or the
/// function rendering its `{% block error %}`).
public typealias CompiledIsland = (_ frame: TemplateFrame) throws(TemplateError) -> Void

/// Renders the content of resolved sections: with the island's compiled template, else
/// with the interpreter when the site has island templates the build did not compile, else
/// the loader's data itself.
///
/// The generated site code fills this in (`sitegen_site_register`): ``install(_:)`` with
/// the compiled templates, and ``installInterpreter()`` only if some template is left to
/// interpret, so a site whose islands all compile links neither the IR decoder nor the
/// interpreter.
public enum Islands {
    nonisolated(unsafe) static var compiled: [CompiledEntry] = []

    /// A compiled island: its loader, its template's name, its render function, and what
    /// renders its `{% block error %}` (``renderErrorBlock(_:template:_:)``), if it has one.
    public typealias CompiledEntry = (loader: UTF8Key, template: String, render: CompiledIsland, error: ((SuspendedSection) -> String)?)
    nonisolated(unsafe) static var interpreter: (render: (SuspendedSection, Value) throws(TemplateError) -> String,
                                                 renderError: (SuspendedSection) -> String)?

    /// Installs the compiled island templates (``CompiledEntry``). One array literal from
    /// the generated code, like ``FunctionRegistry/install(functions:loaders:)``.
    public static func install(_ islands: [CompiledEntry]) {
        compiled = islands
    }

    /// Decodes the island templates in the site data and renders the islands without a
    /// compiled template with them.
    public static func installInterpreter() {
        let engine = SiteData.makeEngine()
        interpreter = ({ section, data throws(TemplateError) in try engine.renderSection(section, data: data) },
                       { section in engine.renderSectionError(section) })
    }

    /// The markup of a section whose loader gave `data`.
    static func render(_ section: SuspendedSection, data: Value) throws(TemplateError) -> String {
        if let island = compiledIsland(section.loader) {
            let frame = TemplateFrame(template: island.template, globals: SiteData.globals,
                                      variables: [(UTF8Key("args"), .object(section.arguments)), (UTF8Key("data"), data)])
            try island.render(frame)
            return frame.html
        }
        if let interpreter { return try interpreter.render(section, data) }
        var writer = HTMLWriter()
        TemplateFrame.write(data, into: &writer)
        return writer.string
    }

    /// What a section shows when its loader failed or timed out: the island's
    /// `{% block error %}` (with `args`), else ``SuspenseMarkup/errorBoundary``. Never fails.
    static func renderError(_ section: SuspendedSection) -> String {
        if let island = compiledIsland(section.loader) { return island.error?(section) ?? SuspenseMarkup.errorBoundary }
        if let interpreter { return interpreter.renderError(section) }
        return SuspenseMarkup.errorBoundary
    }

    /// Renders a compiled island's `{% block error %}` (`block`) for `section`, with `args`;
    /// the default boundary if the block fails. The generated registration calls it only
    /// for islands that have the block, so a site without one does not link it.
    public static func renderErrorBlock(_ section: SuspendedSection, template: String, _ block: CompiledIsland) -> String {
        let frame = TemplateFrame(template: template, globals: SiteData.globals, variables: [(UTF8Key("args"), .object(section.arguments))])
        do throws(TemplateError) {
            try block(frame)
            return frame.html
        } catch {
            return SuspenseMarkup.errorBoundary
        }
    }

    /// The compiled template of `loader`, after the generated registration has run.
    static func compiledIsland(_ loader: String) -> CompiledEntry? {
        FunctionRegistry.shared.ensureRegistered()
        let key = UTF8Key(loader)
        for island in compiled where island.loader == key { return island }
        return nil
    }
}

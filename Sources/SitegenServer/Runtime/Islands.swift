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
    nonisolated(unsafe) static var compiled: [(loader: UTF8Key, template: String, render: CompiledIsland, error: CompiledIsland?)] = []
    nonisolated(unsafe) static var interpreter: (render: (SuspendedSection, Value) throws(TemplateError) -> String,
                                                 renderError: (SuspendedSection) -> String)?

    /// Installs the compiled island templates: for each, its loader, its template's name,
    /// its render function and the function rendering its `{% block error %}`. One array
    /// literal from the generated code, like ``FunctionRegistry/install(functions:loaders:)``.
    public static func install(_ islands: [(loader: UTF8Key, template: String, render: CompiledIsland, error: CompiledIsland?)]) {
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
        if let island = compiledIsland(section.loader) {
            guard let error = island.error else { return SuspenseMarkup.errorBoundary }
            let frame = TemplateFrame(template: island.template, globals: SiteData.globals,
                                      variables: [(UTF8Key("args"), .object(section.arguments))])
            do throws(TemplateError) {
                try error(frame)
                return frame.html
            } catch {
                return SuspenseMarkup.errorBoundary
            }
        }
        if let interpreter { return interpreter.renderError(section) }
        return SuspenseMarkup.errorBoundary
    }

    /// The compiled template of `loader`, after the generated registration has run.
    static func compiledIsland(_ loader: String) -> (loader: UTF8Key, template: String, render: CompiledIsland, error: CompiledIsland?)? {
        FunctionRegistry.shared.ensureRegistered()
        let key = UTF8Key(loader)
        for island in compiled where island.loader == key { return island }
        return nil
    }
}

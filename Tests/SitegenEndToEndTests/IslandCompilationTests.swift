import Foundation
import SitegenHTML
import SitegenServerCore
import SitegenTemplates
import Testing

@testable import SitegenBuild

/// Island templates compiled to Swift (`IslandCompiler`) render in the real component
/// exactly as the native interpreter renders them, for the same data; a template the
/// compiler leaves to the interpreter still renders in the same component.
///
/// The streaming fixture's `mirror` and `mirrored` loaders answer their arguments as their
/// data: the test signs arguments with the site's key, asks `wasmtime serve` for
/// `/_sg/island/<loader>`, and compares with `TemplateEngine.renderSection` on the same
/// template source.
@Suite("Island compilation", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct IslandCompilationTests {
    static let islands = StreamingSite.fixture + "/templates/islands/"

    /// Data for the islands, each exercising other branches. The first two render; the
    /// last two fail in `mirror.html` (`values` of a missing object) and show its error block.
    static let cases = [
        #"{"name": "Mira", "items": [{"n": 1, "tags": ["x"], "t": "a long title", "url": "https://example.com/a?b=<c>"}, {"n": 4, "tags": ["y", "x"], "hidden": true, "url": "javascript:alert(1)"}, {"n": 6, "tags": []}], "map": {"k": 2, "j": 3}, "n2": -2.46, "flag": true, "html": "<em>hi</em>", "when": "2024-05-01", "words": " <b>one</b> two  three "}"#,
        #"{"name": "Élodie & <Zoë>", "items": [], "map": {}, "n2": 7, "flag": false, "html": "x<y", "when": "2026-12-07T10:00:00Z", "words": ""}"#,
        #"{"items": null, "n2": 0.5}"#,
        #"{}"#,
    ]

    /// The native interpreter's rendering (nil: it failed) and error view for `loader`.
    static func native(_ loader: String, arguments: Object) throws -> (html: String?, error: String) {
        let name = "islands/" + loader + ".html"
        let source = try String(contentsOfFile: islands + loader + ".html", encoding: .utf8)
        let compiled = TemplateCompiler.compile(source, name: name)
        let template = try #require(compiled.template, "\(compiled.diagnostics.map(\.formatted))")
        let engine = TemplateEngine(library: TemplateLibrary([template]), globals: ["config": ["title": "Streaming fixture"]])
        let section = SuspendedSection(id: 0, loader: loader, arguments: arguments)
        return (try? engine.renderSection(section, data: .object(arguments)), engine.renderSectionError(section))
    }

    @Test("the fixture's islands: mirror is compiled, mirrored (a macro) is interpreted")
    func whatCompiles() throws {
        var templates: [Template] = []
        for loader in ["broken", "mirror", "mirrored", "slow"] {
            let source = try String(contentsOfFile: Self.islands + loader + ".html", encoding: .utf8)
            templates.append(try #require(TemplateCompiler.compile(source, name: "islands/" + loader + ".html").template))
        }
        let output = IslandCompiler.compile(templates)
        #expect(output.interpreted == ["islands/mirrored.html"])
        #expect(output.registrations.count == 3)
        #expect(output.registrations.contains { $0.contains("(UTF8Key(\"mirror\"), \"islands/mirror.html\", sitegenIsland") })
    }

    @Test("sitegen build --verbose names the interpreted island and why; SITEGEN_KEEP_NAMES=1 keeps the generated Swift")
    func verboseNamesInterpretedIslands() throws {
        guard let sitegen = IslandEndpointTests.sitegenBinary else { try Test.cancel("skipped: the sitegen binary is not built (swift build)") }
        _ = try StreamingSite.built()  // the runtime is then compiled and cached
        let work = BlogSite.workRoot + "/verbose-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: StreamingSite.fixture, toPath: work + "/site")
        // SITEGEN_KEEP_NAMES=1 also leaves the generated Swift beside the named module.
        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_KEEP_NAMES"] = "1"
        let (status, output) = try HostTools.run(sitegen, ["build", "--verbose", "--source", work + "/site", "--output", work + "/dist"],
                                                 environment: environment, timeout: 600)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\n  islands/mirrored.html: interpreted in server.wasm, not compiled (macro); "), "\(output)")
        #expect(!output.contains("islands/mirror.html: interpreted"), "\(output)")
        let registration = try String(contentsOfFile: work + "/dist/components/Registration.swift", encoding: .utf8)
        #expect(registration.contains("    Islands.install([\n"))
        #expect(registration.contains("\n        (UTF8Key(\"mirror\"), \"islands/mirror.html\", sitegenIsland"))
        #expect(registration.contains("Islands.installInterpreter("))
        #expect(FileManager.default.fileExists(atPath: work + "/dist/components/site.named.wasm"))
    }

    @Test("compiled and interpreted islands answer what the native interpreter renders")
    func parity() throws {
        let site = try StreamingSite.built()
        let key = try IslandEndpointTests.signingKey(of: site)
        try withWasmtime(site) { server in
            for (index, json) in Self.cases.enumerated() {
                let arguments = try #require(try JSON.parse(json).objectValue)
                for loader in ["mirror", "mirrored"] {
                    let expected = try Self.native(loader, arguments: arguments)
                    #expect((expected.html != nil) == (index < 2 || loader == "mirrored"), "case \(index), \(loader) natively")
                    let response = try server.get(IslandEndpointTests.signed(json, key: key, loader: loader))
                    if let html = expected.html {
                        #expect(response.status == 200, "case \(index), \(loader): \(response.summary) \(response.text)")
                        #expect(response.text == html, "case \(index), \(loader)")
                    } else {
                        #expect(response.status == 500 && response.text == expected.error, "case \(index), \(loader): \(response.summary) \(response.text)")
                    }
                }
            }
            // A runtime error in a compiled island (`join` of a string) gives its error block, as interpreted.
            let failing = #"{"name": "Mira", "items": "not a list"}"#
            let expected = try Self.native("mirror", arguments: try #require(try JSON.parse(failing).objectValue))
            #expect(expected.html == nil && expected.error == "<p class=\"mirror-error\">mirror failed for Mira</p>")
            let response = try server.get(IslandEndpointTests.signed(failing, key: key, loader: "mirror"))
            #expect(response.status == 500 && response.header("x-sitegen-island") == "error", "\(response.summary)")
            #expect(response.text == expected.error, "\(response.text)")
        }
    }
}

import Foundation
// `Repo`, shared with the end-to-end and preview tests, for every file here.
@_exported import SitegenTestSupport
import SitegenHTML
import Testing
@testable import SitegenBuild

/// A fresh folder under the system temporary directory, deleted with this object.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init(_ label: String = "sitegen-test") {
        path = NSTemporaryDirectory() + "/" + label + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Builds sign island URLs with `SITEGEN_ISLAND_KEYS`, or else with a random key they write
/// to `<site>/.sitegen/island.key` — into the fixture folders of this repository. A fixed
/// key, set once before the first build, keeps the sources clean and the output reproducible.
let fixedIslandKey: Void = { setenv("SITEGEN_ISLAND_KEYS", "sitegen-tests-island-key", 1) }()

/// "Now" for every fixture build, so drafts/future/expiry and feed dates never depend on the clock.
let fixtureNow = "2024-06-01T00:00:00Z"

/// A site written from a `[path: String]` dictionary (Publish's `PublishTestCase` style).
///
/// ```swift
/// let site = SiteFixture(["content/a.md": "---\ntitle: A\n---\n", "templates/page.html": "{{ page.title }}"])
/// let built = site.build()
/// #expect(built.text("a/index.html") == "A")
/// ```
/// Without a `sitegen.toml` entry, a minimal one (no feeds, no taxonomies) is written.
/// Either way ``fast(_:)`` turns off precompression and the server component unless the
/// config sets them: each test would otherwise link a `server.wasm` (seconds per build).
final class SiteFixture: @unchecked Sendable {
    let directory = TemporaryDirectory("sitegen-site")
    var source: String { directory.path + "/site" }

    static let minimalConfig = """
        title = "Test"
        base_url = "https://example.org"
        taxonomies = []

        [feeds]
        atom = false
        rss = false

        """

    init(_ files: [String: String]) {
        var files = files
        files["sitegen.toml"] = Self.fast(files["sitegen.toml"] ?? Self.minimalConfig)
        write(files)
    }

    /// Adds `[build] precompress = false` and `[server] component = false` to a config
    /// that does not set them, into existing tables when it has them.
    static func fast(_ config: String) -> String {
        var text = config.hasSuffix("\n") ? config : config + "\n"
        for (table, key) in [("build", "precompress = false"), ("server", "component = false")] {
            let keyName = String(key.prefix { $0 != " " })
            if let header = text.range(of: "[" + table + "]\n") {
                let rest = text[header.upperBound...]
                let tableBody = rest.range(of: "\n[").map { rest[..<$0.lowerBound] } ?? rest
                if !tableBody.contains(keyName + " ") && !tableBody.contains(keyName + "=") {
                    text.insert(contentsOf: key + "\n", at: header.upperBound)
                }
            } else {
                text += "\n[" + table + "]\n" + key + "\n"
            }
        }
        return text
    }

    /// A copy of an on-disk fixture under `Tests/Fixtures/`, for tests that change it.
    init(copying fixture: String) {
        try! FileManager.default.copyItem(atPath: fixture, toPath: source)
    }

    /// Writes (or overwrites) files relative to the site folder.
    func write(_ files: [String: String]) {
        for (path, text) in files { write(path, Data(text.utf8)) }
    }

    func write(_ path: String, _ data: Data) {
        let full = source + "/" + path
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! data.write(to: URL(fileURLWithPath: full))
    }

    func remove(_ path: String) { try? FileManager.default.removeItem(atPath: source + "/" + path) }

    /// Builds into a fresh output folder with `now` fixed.
    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) -> BuiltSite {
        BuiltSite.build(source: source, configure)
    }
}

/// The result of one build and the output folder it wrote.
final class BuiltSite: @unchecked Sendable {
    let result: SiteBuilder.Result
    let options: BuildOptions
    /// Holds the output folder (and the staging folder beside it) until this object goes away.
    let directory: TemporaryDirectory
    /// The build's cache (compiled runtime objects), apart from the output's parent folder.
    let cache: TemporaryDirectory
    var output: String { options.output }

    private init(result: SiteBuilder.Result, options: BuildOptions, directory: TemporaryDirectory, cache: TemporaryDirectory) {
        self.result = result
        self.options = options
        self.directory = directory
        self.cache = cache
    }

    /// Builds `source` into `<temp>/dist`, with `now` = ``fixtureNow`` unless `configure` changes it.
    static func build(source: String, into directory: TemporaryDirectory = TemporaryDirectory("sitegen-out"),
                      _ configure: (inout BuildOptions) -> Void = { _ in }) -> BuiltSite {
        _ = fixedIslandKey
        var options = BuildOptions(source: source, output: directory.path + "/dist")
        options.now = fixtureNow
        // Never inside the fixture folders of the repository.
        let cache = TemporaryDirectory("sitegen-cache")
        options.cacheDirectory = cache.path
        configure(&options)
        let result = SiteBuilder(options: options).build()
        return BuiltSite(result: result, options: options, directory: directory, cache: cache)
    }

    /// Builds an on-disk fixture, `Tests/Fixtures/Sites/<name>`, in place (output goes to a temp folder).
    static func fixture(_ name: String, _ configure: (inout BuildOptions) -> Void = { _ in }) -> BuiltSite {
        build(source: Repo.site(name), configure)
    }

    /// Every diagnostic, printed as the CLI prints them.
    var printedDiagnostics: String { result.diagnostics.map(\.formatted).joined() }
    var warnings: [Diagnostic] { result.diagnostics.filter { $0.severity == .warning } }
    var errors: [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }

    /// An output file as UTF-8 text, or nil when it does not exist.
    func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: output + "/" + path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func data(_ path: String) -> Data? { FileManager.default.contents(atPath: output + "/" + path) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + path) }

    /// Every file in the output, relative and sorted.
    var files: [String] { Self.files(in: output) }

    static func files(in directory: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let name = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(name)
            }
        }
        return result.sorted()
    }

    /// The whole output tree: relative path → bytes.
    var tree: [String: Data] {
        var tree: [String: Data] = [:]
        for path in files { tree[path] = data(path) }
        return tree
    }

    /// Records an issue, with every diagnostic printed, unless the build had none.
    func expectClean(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.diagnostics.isEmpty, "unexpected diagnostics:\n\(printedDiagnostics)", sourceLocation: sourceLocation)
        #expect(result.succeeded, sourceLocation: sourceLocation)
    }
}

import SitegenContent
import SitegenHTML

/// `sitegen.toml`: the site's settings, validated, with defaults filled in.
public struct SiteConfig: Sendable {
    public var title = ""
    public var baseURL = "/"
    public var description = ""
    public var language = "en"
    public var theme: String?
    public var taxonomies: [Taxonomy] = [Taxonomy(name: "tags")]
    /// Pages per list page for sections without their own `paginate_by`; 0 turns pagination off.
    public var paginate = 0
    public var feeds = Feeds()
    public var smartPunctuation = false
    public var unsafeHTML = false
    /// Build-time syntax highlighting of fenced code (`[markdown] highlight`).
    public var highlight = true
    /// When `true`, unknown template variables are errors.
    public var strictTemplates = false
    /// Write `.gz`/`.br` variants of compressible files (`[build] precompress`).
    public var precompress = true
    /// Emit `server.wasm` (`[server] component`).
    public var serverComponent = true
    /// How long a suspense loader may take before its section shows an error (`[server] loader_timeout_ms`).
    public var loaderTimeoutMilliseconds = 10_000
    /// Largest request body a server function accepts (`[server] max_body_bytes`); larger gets 413.
    public var maxBodyBytes = 64 * 1024
    /// The host key-value store server functions open (`[server] kv_store`); wasmtime's in-memory store is `""`.
    public var keyValueStore = ""
    /// Where the component reads assets from (`[assets] backend`).
    public var assetBackend = "filesystem"
    /// Options of the asset backend: `bucket` (kv), `container` (blobstore), `cdn_url` (cdn).
    public var assetOptions = AssetOptions()
    /// `[permalinks]`: URL patterns for the pages of folders of `content/`.
    var permalinks: [PermalinkRule] = []

    /// The asset backends `[assets] backend` accepts.
    public static let assetBackends = ["filesystem", "embedded", "kv", "blobstore", "cdn"]

    public struct AssetOptions: Sendable, Equatable {
        public var bucket = "sitegen-assets"
        public var container = "sitegen-assets"
        public var cdnURL: String?
        public init() {}
    }
    /// The whole file as templates see it (`config.title`, `config.extra.*`, `config.menu.main`).
    public var value: Object = Object()

    public struct Taxonomy: Sendable, Equatable {
        public var name: String
        public var feed = true
        public var paginateBy = 0
    }

    public struct Feeds: Sendable, Equatable {
        public var atom = true
        public var rss = true
        public var limit = 20
    }

    public init() {}

    static let knownKeys = [
        "title", "base_url", "description", "language", "theme", "taxonomies", "paginate", "feeds", "markdown",
        "menu", "extra", "assets", "server", "build", "permalinks",
    ]

    /// Reads and validates `sitegen.toml`; problems go to `diagnostics`, and the settings
    /// that could be read are kept.
    public init(parsing text: String, file: String, diagnostics: inout [Diagnostic]) {
        let data = DataFile(parsing: text, format: .toml, file: file)
        diagnostics.append(contentsOf: data.diagnostics)
        guard case .object(let root) = data.value else { return }
        value = root
        var reader = ConfigReader(data: data, diagnostics: [])
        for key in root.keys where !Self.knownKeys.contains(key) {
            reader.unknownKey([key], known: Self.knownKeys)
        }
        title = reader.string(["title"]) ?? ""
        baseURL = reader.string(["base_url"]) ?? "/"
        description = reader.string(["description"]) ?? ""
        language = reader.string(["language"]) ?? "en"
        theme = reader.string(["theme"])
        paginate = reader.int(["paginate"]) ?? 0
        if let list = reader.array(["taxonomies"]) {
            taxonomies = []
            for (i, item) in list.enumerated() {
                let path = ["taxonomies", String(i)]
                if let name = item.stringValue {
                    taxonomies.append(Taxonomy(name: name))
                } else if let name = reader.string(path + ["name"]) {
                    var taxonomy = Taxonomy(name: name)
                    taxonomy.feed = reader.bool(path + ["feed"]) ?? true
                    taxonomy.paginateBy = reader.int(path + ["paginate_by"]) ?? 0
                    taxonomies.append(taxonomy)
                } else {
                    reader.wrongType(path, expected: "a table like { name = \"tags\" } or a name in quotes")
                }
            }
        }
        feeds.atom = reader.bool(["feeds", "atom"]) ?? true
        feeds.rss = reader.bool(["feeds", "rss"]) ?? true
        feeds.limit = reader.int(["feeds", "limit"]) ?? 20
        smartPunctuation = reader.bool(["markdown", "smart_punctuation"]) ?? false
        unsafeHTML = reader.bool(["markdown", "unsafe_html"]) ?? false
        highlight = reader.bool(["markdown", "highlight"]) ?? true
        strictTemplates = reader.bool(["build", "strict_templates"]) ?? false
        precompress = reader.bool(["build", "precompress"]) ?? true
        serverComponent = reader.bool(["server", "component"]) ?? true
        loaderTimeoutMilliseconds = reader.int(["server", "loader_timeout_ms"]) ?? 10_000
        maxBodyBytes = reader.int(["server", "max_body_bytes"]) ?? 64 * 1024
        keyValueStore = reader.string(["server", "kv_store"]) ?? ""
        assetBackend = reader.string(["assets", "backend"]) ?? "filesystem"
        if !Self.assetBackends.contains(assetBackend) {
            reader.wrongType(["assets", "backend"], expected: "one of " + Self.assetBackends.map { "\"" + $0 + "\"" }.joined(separator: ", "))
            assetBackend = "filesystem"
        }
        assetOptions.bucket = reader.string(["assets", "bucket"]) ?? assetOptions.bucket
        assetOptions.container = reader.string(["assets", "container"]) ?? assetOptions.container
        assetOptions.cdnURL = reader.string(["assets", "cdn_url"])
        permalinks = Self.permalinkRules(&reader)
        reader.checkKeys(["build"], known: ["strict_templates", "precompress"])
        reader.checkKeys(["server"], known: ["component", "loader_timeout_ms", "max_body_bytes", "kv_store"])
        reader.checkKeys(["assets"], known: ["backend", "bucket", "container", "cdn_url"])
        reader.checkKeys(["markdown"], known: ["smart_punctuation", "unsafe_html", "highlight"])
        reader.checkKeys(["feeds"], known: ["atom", "rss", "limit"])
        diagnostics.append(contentsOf: reader.diagnostics)
        value["base_url"] = .string(baseURL)
    }

    /// `base_url` without a trailing slash, for joining with paths that start with `/`.
    public var baseURLPrefix: String {
        var s = baseURL
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}

/// Typed reads of a config file, each failure a located diagnostic.
struct ConfigReader {
    let data: DataFile
    var diagnostics: [Diagnostic]

    func value(_ path: [String]) -> Value? {
        var current = data.value
        for key in path {
            if let i = Int(key), case .array(let items) = current {
                guard i < items.count else { return nil }
                current = items[i]
            } else {
                guard let next = current[key] else { return nil }
                current = next
            }
        }
        return current
    }

    mutating func wrongType(_ path: [String], expected: String) {
        let place = data.place(ofValue: path)
        diagnostics.append(Diagnostic(
            .error, "'" + path.joined(separator: ".") + "' has the wrong type", at: place?.location,
            expected: expected, sourceLine: place?.sourceLine, length: place?.length ?? 1))
    }

    mutating func unknownKey(_ path: [String], known: [String]) {
        let place = data.place(ofKey: path)
        let key = path.last ?? ""
        diagnostics.append(Diagnostic(
            .error, "unknown config key '" + key + "'", at: place?.location,
            expected: "one of " + known.map { "'" + $0 + "'" }.joined(separator: ", "),
            fix: Suggestion.nearest(to: key, in: known).map { "did you mean '" + $0 + "'?" },
            sourceLine: place?.sourceLine, length: place?.length ?? 1))
    }

    mutating func checkKeys(_ path: [String], known: [String]) {
        guard case .object(let table)? = value(path) else { return }
        for key in table.keys where !known.contains(key) { unknownKey(path + [key], known: known) }
    }

    mutating func string(_ path: [String]) -> String? {
        guard let v = value(path) else { return nil }
        if case .string(let s) = v { return s }
        wrongType(path, expected: "a string in quotes")
        return nil
    }

    mutating func int(_ path: [String]) -> Int? {
        guard let v = value(path) else { return nil }
        if case .int(let i) = v { return i }
        wrongType(path, expected: "an integer like 10")
        return nil
    }

    mutating func bool(_ path: [String]) -> Bool? {
        guard let v = value(path) else { return nil }
        if case .bool(let b) = v { return b }
        wrongType(path, expected: "true or false")
        return nil
    }

    mutating func array(_ path: [String]) -> [Value]? {
        guard let v = value(path) else { return nil }
        if case .array(let a) = v { return a }
        wrongType(path, expected: "an array like [\"a\", \"b\"]")
        return nil
    }
}

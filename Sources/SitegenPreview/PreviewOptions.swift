/// What `sitegen preview` serves and how.
public struct PreviewOptions: Sendable {
    /// The site folder (holds `sitegen.toml`).
    public var source: String
    /// Address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (tests).
    public var port = 1313
    /// Include pages marked `draft: true`.
    public var includeDrafts = false
    /// Where preview builds go (default `<source>/.sitegen/preview`, never `dist/`).
    public var output: String?
    /// The key-value stores' folder (default `<source>/.sitegen/kv`).
    public var keyValueDirectory: String?
    /// Compiled runtime objects (default: the build's, `<source>/.sitegen/cache`).
    public var cacheDirectory: String?
    /// Extra folders searched for themes (as `BuildOptions.themeSearchPaths`).
    public var themeSearchPaths: [String] = []
    /// Fixed "now" for builds (tests); nil uses the clock.
    public var now: String?
    /// How often the watcher scans, in milliseconds.
    public var pollInterval = 100
    /// Guest worker threads: how many requests run at once (a streamed page waiting on
    /// a loader holds one).
    public var workers = 4
    /// Requests a warm instance serves before a fresh one replaces it.
    public var recycleAfter = 500
    /// Log each request (method, target, status, time).
    public var verbose = false
    /// Receives every line for the terminal: the start line, rebuilds, diagnostics,
    /// the guest's stderr, and with `verbose` the request log.
    public var log: @Sendable (String) -> Void = { print($0) }

    /// Options for the site in `source` with defaults.
    public init(source: String) {
        self.source = source
    }

    var outputDirectory: String { output ?? source + "/.sitegen/preview" }
    var keyValueRoot: String { keyValueDirectory ?? source + "/.sitegen/kv" }
}

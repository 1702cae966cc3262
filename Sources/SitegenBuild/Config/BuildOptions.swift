import Foundation

/// What `sitegen build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holds `sitegen.toml`).
    public var source: String
    /// Where the finished site goes; replaced atomically.
    public var output: String
    public var includeDrafts = false
    public var includeFuture = false
    /// Overrides `base_url` (preview uses `http://127.0.0.1:1313`).
    public var baseURL: String?
    /// Extra folders searched for themes after `<source>/themes` and the parents' `themes/`.
    public var themeSearchPaths: [String] = []
    /// "Now", for drafts/future/expiry decisions and the `now` variable; `SOURCE_DATE_EPOCH` or the clock.
    public var now: String?
    /// Overrides `[assets] backend`.
    public var assetBackend: String?
    /// The host the component is built for: which key-value and config drafts it imports.
    public var hostProfile: HostProfile = .wasmtime
    /// Overrides `[server] kv_store`, the host store server functions open (NATS JetStream
    /// on a wasmCloud lattice needs a non-empty bucket name; wasmtime's store is `""`).
    public var keyValueStore: String?
    /// Called as pages render (done, total), from any thread; the CLI draws a progress bar.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Where compiled runtime objects and components are cached (default: `defaultCacheDirectory`).
    public var cacheDirectory: String?
    /// Only the static site: no `server.wasm` and no `.gz`/`.br` variants, whatever
    /// `sitegen.toml` says (`sitegen check` and quick test builds; seconds faster).
    public var staticOnly = false
    /// A build for `sitegen preview`, which runs `components/site.core.wasm` in-process:
    /// no `.gz`/`.br` variants, no `wasm-opt`, no composed `server.wasm`, and the asset
    /// manifest left in the files (`_sitegen/manifest.sgam`) instead of linked into the
    /// component, so an edit that changes only files relinks nothing.
    public var preview = false
    /// Rendered Markdown from the previous build of the same site (`sitegen preview` keeps one).
    public var markdownCache: MarkdownCache?
    /// The state of the previous build (`sitegen preview` keeps one): with ``changes``,
    /// a build after edits of Markdown files or templates redoes only what they reach.
    public var incremental: IncrementalBuild?
    /// The site-relative paths changed since the previous build; nil when unknown.
    public var changes: [String]?

    /// `$SITEGEN_CACHE`, else `$XDG_CACHE_HOME/sitegen`, else `~/.cache/sitegen`: shared by
    /// every site, since the compiled runtime does not depend on the site.
    public static var defaultCacheDirectory: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["SITEGEN_CACHE"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/sitegen" }
        return (env["HOME"] ?? "/tmp") + "/.cache/sitegen"
    }

    /// Creates options for the site in `source`, written to `output` (default `<source>/dist`).
    public init(source: String, output: String? = nil) {
        self.source = source
        self.output = output ?? (source == "." ? "dist" : source + "/dist")
    }
}

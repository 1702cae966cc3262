import Foundation
import SitegenBuild
import SitegenHTML

/// Keeps the preview build in step with the site's files.
///
/// A watcher thread scans every `pollInterval`; each request also waits for a scan that
/// started after it arrived (a few milliseconds, shared by requests arriving together),
/// so a request right after a save cannot beat the watcher to stale output. While a build runs, requests wait for it. After a
/// build, `onBuild` swaps the guest module and tells the browsers.
///
/// The build is the whole site (`SiteBuilder`) into `<site>/.sitegen/preview`; the
/// builder already skips work it can (runtime objects and unchanged components come
/// from its cache).
final class SiteRebuilder: @unchecked Sendable {
    /// What one build did.
    struct Report: Sendable {
        var result: SiteBuilder.Result
        /// The changed source paths that started it (empty for the first build).
        var changes: [String]
        var seconds: Double
        /// The watcher's scan that found the changes (0 for the first build).
        var scanSeconds = 0.0
        /// Only `.css` files changed: stylesheets can be swapped without a reload.
        var isCSSOnly: Bool { !changes.isEmpty && changes.allSatisfy { $0.hasSuffix(".css") } }
    }

    let options: PreviewOptions
    let baseURL: String
    /// Runs after every build, before waiting requests go on.
    var onBuild: @Sendable (Report) -> Void = { _ in }

    private let condition = NSCondition()
    private var busy = false
    private var lastScanStart: UInt64 = 0
    private var watcher: FileWatcher
    private var stopped = false
    private var failure: [Diagnostic]?
    /// Pages' rendered Markdown, reused by the next build when their inputs are unchanged.
    private let markdownCache = MarkdownCache()
    /// The last build's state: an edit of Markdown or templates re-renders only what it reaches.
    private let incremental = IncrementalBuild()
    /// "Now" for every build of this preview, so that pages showing it are not all
    /// rendered again on each edit (and drafts-by-date do not flicker).
    private let now: String

    /// Builds run one at a time in the process: the build's component step keeps its
    /// scratch files in a folder named after the process.
    private static let buildLock = NSLock()

    init(options: PreviewOptions, baseURL: String) {
        self.options = options
        self.baseURL = baseURL
        now = options.now ?? SiteBuilder.currentRFC3339()
        let root = URL(fileURLWithPath: options.source).standardizedFileURL.path
        watcher = FileWatcher(roots: Self.watchedRoots(site: root, options: options), base: root)
    }

    /// The diagnostics of the last build when it failed, else nil.
    var failedDiagnostics: [Diagnostic]? { condition.withLock { failure } }

    /// Builds once, synchronously (the preview's start).
    @discardableResult
    func buildNow(changes: [String] = [], scanSeconds: Double = 0) -> Report {
        let start = MonotonicClock.now()
        var build = BuildOptions(source: options.source, output: options.outputDirectory)
        build.includeDrafts = options.includeDrafts
        build.baseURL = baseURL
        build.themeSearchPaths = options.themeSearchPaths
        build.cacheDirectory = options.cacheDirectory
        build.now = now
        build.preview = true
        build.markdownCache = markdownCache
        build.incremental = incremental
        build.changes = changes.isEmpty ? nil : changes
        let result = Self.buildLock.withLock { SiteBuilder(options: build).build() }
        var report = Report(result: result, changes: changes, seconds: Double(MonotonicClock.now() - start) / 1e9)
        report.scanSeconds = scanSeconds
        condition.withLock { failure = result.succeeded ? nil : result.diagnostics }
        onBuild(report)
        return report
    }

    /// The first build; requests that arrive meanwhile wait for it.
    func buildInitial() -> Report {
        condition.withLock { busy = true }
        let report = buildNow()
        condition.withLock {
            busy = false
            condition.broadcast()
        }
        return report
    }

    /// Returns once no build is running and a scan that started at or after
    /// `requestTime` (a `MonotonicClock` time) found nothing new, rebuilding first if it
    /// did. A scan already running when the request came in may have missed a save made
    /// just before the request, so it does not count.
    func refresh(notBefore requestTime: UInt64) {
        condition.lock()
        while !stopped {
            if busy {
                condition.wait()
                continue
            }
            if lastScanStart >= requestTime { break }
            busy = true
            condition.unlock()
            let started = MonotonicClock.now()
            let changes = watcher.changes()
            condition.withLock { lastScanStart = started }
            if !changes.isEmpty {
                if changes.contains("sitegen.toml") { updateRoots() }
                buildNow(changes: changes, scanSeconds: Double(MonotonicClock.now() - started) / 1e9)
            }
            condition.lock()
            busy = false
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Starts the watcher thread.
    func startWatching() {
        let interval = UInt64(max(10, options.pollInterval)) * 1_000_000
        let thread = Thread { [self] in
            while !condition.withLock({ stopped }) {
                refresh(notBefore: MonotonicClock.now())
                Thread.sleep(forTimeInterval: Double(interval) / 1e9)
            }
        }
        thread.name = "sitegen-preview-watcher"
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    private func updateRoots() {
        let root = URL(fileURLWithPath: options.source).standardizedFileURL.path
        watcher.setRoots(Self.watchedRoots(site: root, options: options))
        _ = watcher.changes()
    }

    /// content/, templates/, themes/, static/, data/, functions/, sitegen.toml, and the
    /// theme folder when it lives outside the site (a parent's `themes/<name>`).
    static func watchedRoots(site: String, options: PreviewOptions) -> [String] {
        var roots = ["content", "templates", "themes", "static", "data", "functions", "sitegen.toml"].map { site + "/" + $0 }
        var diagnostics: [Diagnostic] = []
        guard let text = try? String(contentsOfFile: site + "/sitegen.toml", encoding: .utf8),
              let theme = SiteConfig(parsing: text, file: "sitegen.toml", diagnostics: &diagnostics).theme, !theme.isEmpty else { return roots }
        var candidates: [String] = []
        var directory = URL(fileURLWithPath: site)
        for _ in 0..<8 {
            candidates.append(directory.path + "/themes/" + theme)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        candidates += options.themeSearchPaths.map { $0 + "/" + theme }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/templates") }),
           !found.hasPrefix(site + "/") {
            roots.append(found)
        }
        return roots
    }
}

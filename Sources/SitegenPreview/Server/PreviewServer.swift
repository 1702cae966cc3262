import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SitegenHTML

/// `sitegen preview`: serves the site on loopback through its real server component,
/// rebuilds on change and reloads the browser.
///
/// ```swift
/// var options = PreviewOptions(source: "Examples/blog")
/// options.port = 0
/// let server = PreviewServer(options: options)
/// try server.start()          // binds, builds, starts watching
/// print(server.url)           // http://127.0.0.1:41234/
/// server.stop()
/// ```
/// Every request but the event stream goes through the component in the in-process
/// WasmKit host (`GuestPool`), so static files get the component's ETag, Range and
/// encoding handling and server functions run as deployed. Requests wait for a build
/// in flight; while the last build failed, HTML requests get the error overlay.
public final class PreviewServer: @unchecked Sendable {
    public let options: PreviewOptions
    let liveReload = LiveReload()
    private(set) var pool: GuestPool
    private(set) var rebuilder: SiteRebuilder?
    private var group: MultiThreadedEventLoopGroup?
    private var serverChannel: (any Channel)?
    private let requestQueue = DispatchQueue(label: "sitegen-preview-requests", attributes: .concurrent)
    private let lock = NSLock()
    private var moduleDigest: Int?
    /// Device, inode, size and modification time of the module file last loaded.
    private var moduleIdentity: [Int] = []

    /// The bound port (after `start`).
    public private(set) var port = 0

    /// `http://host:port/`.
    public var url: String { "http://" + (options.host.contains(":") ? "[" + options.host + "]" : options.host) + ":\(port)/" }

    public init(options: PreviewOptions) {
        self.options = options
        let configuration = WASIHost.Configuration(
            siteRoot: options.outputDirectory, keyValueRoot: options.keyValueRoot,
            log: { [log = options.log] line in log(line) })
        pool = GuestPool(configuration: configuration, options: GuestPool.Options(workers: options.workers, recycleAfter: options.recycleAfter))
    }

    /// Binds, builds the site once, starts watching, and logs the start line.
    /// - Throws: `PreviewError` when the port is taken or the site cannot be read.
    public func start() throws {
        guard FileManager.default.fileExists(atPath: options.source + "/sitegen.toml") else {
            throw PreviewError("no sitegen.toml in '\(options.source)'", fix: "run sitegen preview in a site folder, or pass --source DIR")
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(PreviewHTTPHandler(server: self))
                }
            }
        do {
            let channel = try bootstrap.bind(host: options.host, port: options.port).wait()
            serverChannel = channel
            port = channel.localAddress?.port ?? options.port
        } catch {
            try? group.syncShutdownGracefully()
            self.group = nil
            throw PreviewError("cannot listen on \(options.host):\(options.port): \(error)",
                               fix: "pass another port, e.g. --port \(options.port == 0 ? 1313 : options.port + 1)")
        }
        let rebuilder = SiteRebuilder(options: options, baseURL: String(url.dropLast()))
        rebuilder.onBuild = { [self] report in buildFinished(report) }
        self.rebuilder = rebuilder
        let first = rebuilder.buildInitial()
        rebuilder.startWatching()
        var line = "sitegen preview: serving " + url
        if first.result.succeeded {
            line += " (" + Self.count(first.result.pageCount, "page") + " built in " + Self.duration(first.seconds) + ")"
        } else {
            line += " (the build failed: the browser shows the errors until a save fixes them)"
        }
        if first.result.succeeded && pool.currentModule == nil {
            options.log("warning: no server component was built; serving the files directly (server functions and streamed sections are off)")
        }
        options.log(line + "; Ctrl-C to stop")
    }

    /// Blocks until the server stops.
    public func wait() {
        try? serverChannel?.closeFuture.wait()
    }

    /// Stops watching, closes every connection and the listener, and stops the workers.
    public func stop() {
        rebuilder?.stop()
        liveReload.closeAll()
        try? serverChannel?.close().wait()
        pool.stop()
        try? group?.syncShutdownGracefully()
        group = nil
    }

    // MARK: Builds

    private func buildFinished(_ report: SiteRebuilder.Report) {
        let result = report.result
        let isRebuild = !report.changes.isEmpty
        if result.succeeded {
            loadModule()
            let warnings = result.diagnostics.filter { $0.severity == .warning }
            if !isRebuild {
                for diagnostic in warnings { options.log(diagnostic.formatted) }
            } else {
                var line = "Rebuilt " + Self.count(result.renderedCount, "page") + " in " + Self.duration(report.seconds)
                if !warnings.isEmpty { line += " (" + Self.count(warnings.count, "warning") + ")" }
                if options.verbose {
                    line += ": " + ([("find changed files", report.scanSeconds)] + result.steps)
                        .map { $0.0.lowercased() + " " + Self.duration($0.1) }.joined(separator: ", ")
                }
                options.log(line)
            }
        } else {
            for diagnostic in result.diagnostics { options.log(diagnostic.formatted) }
            options.log("Build failed with " + Self.count(result.errorCount, "error") + "; the browser shows them until a save fixes them")
        }
        if isRebuild { liveReload.broadcast(cssOnly: report.isCSSOnly && result.succeeded) }
    }

    /// Swaps in the new core module when the build changed it.
    private func loadModule() {
        let path = options.outputDirectory + "/components/site.core.wasm"
        // The file as the last load saw it (an incremental build leaves it alone): the
        // same module, without reading it.
        var info = stat()
        let found = stat(path, &info) == 0
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        let identity = found ? [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)] : []
        if !identity.isEmpty, pool.currentModule != nil, lock.withLock({ moduleIdentity }) == identity { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            pool.load(nil)
            return
        }
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        let digest = hasher.finalize()
        // The same module: the warm instances stay (each request takes up a rewritten
        // asset manifest by its stamp, `_sitegen/manifest.stamp`).
        guard lock.withLock({ moduleDigest }) != digest || pool.currentModule == nil else {
            lock.withLock { moduleIdentity = identity }
            return
        }
        do {
            pool.load(try GuestModule(path: path))
            lock.withLock {
                moduleDigest = digest
                moduleIdentity = identity
            }
        } catch {
            options.log("error: cannot load the server component: \(error)")
        }
    }

    // MARK: Requests

    func route(_ head: HTTPRequestHead, body: [UInt8], channel: any Channel) {
        let path = String(head.uri.prefix { $0 != "?" })
        if head.method == .GET && path == LiveReload.path {
            return liveReload.attach(channel, keepAlive: head.version)
        }
        let started = MonotonicClock.now()
        let responder = ChannelResponder(channel: channel, head: head, injectLiveReload: true)
        if options.verbose {
            responder.onFinish = { [log = options.log] r in
                log("\(head.method.rawValue) \(head.uri) \(r.status) " + Self.duration(Double(MonotonicClock.now() - started) / 1e9))
            }
            responder.onCutShort = { [log = options.log] _ in
                log("\(head.method.rawValue) \(head.uri): the connection closed before the response ended")
            }
        }
        requestQueue.async { [self] in
            rebuilder?.refresh(notBefore: started)
            let wantsHTML = Self.wantsHTML(head)
            if let diagnostics = rebuilder?.failedDiagnostics, wantsHTML {
                return responder.send(status: 500, headers: [("content-type", "text/html; charset=utf-8"), ("cache-control", "no-store")],
                                      body: ErrorOverlay.page(diagnostics))
            }
            guard pool.currentModule != nil else {
                let (status, headers, bytes) = StaticFallback.response(root: options.outputDirectory, target: head.uri)
                return responder.send(status: status, headers: headers, body: bytes, allowInjection: true)
            }
            pool.submit(Self.guestRequest(head, body: body, wantsHTML: wantsHTML), responder: responder.responder)
        }
    }

    /// The request as the guest gets it. A page request loses `accept-encoding`, so the
    /// component answers with the identity HTML the live-reload script can go into;
    /// other requests (assets, curl, fetch) keep it and get the stored br/gzip files.
    static func guestRequest(_ head: HTTPRequestHead, body: [UInt8], wantsHTML: Bool) -> GuestRequest {
        var headers: [(name: String, value: String)] = []
        for (name, value) in head.headers {
            let lower = name.lowercased()
            if wantsHTML && lower == "accept-encoding" { continue }
            headers.append((lower, value))
        }
        return GuestRequest(method: head.method.rawValue, target: head.uri, authority: head.headers.first(name: "host"),
                            headers: headers, body: body)
    }

    /// A browser navigation or a page URL.
    static func wantsHTML(_ head: HTTPRequestHead) -> Bool {
        guard head.method == .GET || head.method == .HEAD else { return false }
        let path = head.uri.prefix { $0 != "?" }
        return head.headers.first(name: "accept")?.contains("text/html") == true || path.hasSuffix("/") || path.hasSuffix(".html")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) " + noun + (n == 1 ? "" : "s") }

    static func duration(_ seconds: Double) -> String {
        if seconds < 0.01 { return String(format: "%.1f ms", seconds * 1000) }
        return seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

/// Why the preview could not start: a message and a fix, printed like a diagnostic.
public struct PreviewError: Error, CustomStringConvertible {
    public var message: String
    public var fix: String

    public init(_ message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    public var description: String { "error: " + message + "\n  fix: " + fix }
}

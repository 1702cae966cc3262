import Foundation
import SitegenHTML
import SitegenServerCore
import SitegenTemplates

/// Steps "Precompress", "Asset manifest" and "Build server component", run on the
/// staged output before it is swapped into place.
struct ServerStep {
    let config: SiteConfig
    let staging: String
    let cacheDirectory: String
    let siteRoot: String
    let templates: TemplateSet
    let suspendedPages: [String: [SuspendedSection]]
    let islandKeys: IslandKeys
    var contentIslands: [ContentIsland] = []
    /// Every output file's manifest entry, when the caller knows them (an incremental
    /// preview build): the staged files are then not read again. Asked for only when
    /// the manifest is built afresh.
    var knownEntries: (() -> [AssetManifest.Entry])?
    /// The last build's manifest and the entries that changed since, when no file came
    /// or went (an incremental preview build): the blob is patched in place
    /// (``AssetManifest/patched(with:heapLimit:)``) instead of built again.
    var manifestPatch: (blob: [UInt8], changed: [AssetManifest.Entry], heapLimit: Int)?
    /// The component inputs of the previous build (incremental preview builds): when
    /// they are the same, the component in the output is already right.
    var previousInputs: SiteInputs?

    /// What the step did, for the summary and `--verbose`.
    struct Report {
        var diagnostics: [Diagnostic] = []
        var componentBytes: Int?
        /// Island templates the component interprets rather than runs compiled, with why.
        var interpretedIslands: [(template: String, reason: String)] = []
        var variantCount = 0
        /// The manifest's entries, one per file (variants folded in).
        var entries: [AssetManifest.Entry] = []
        /// What the component was built from.
        var inputs: SiteInputs?
        /// The manifest blob (empty when the build needs none).
        var manifest: [UInt8] = []
        /// The heap size up to which later builds may patch `manifest` rather than
        /// build it again (a quarter more than a fresh build's, plus 64 KiB).
        var manifestHeapLimit = 0
    }

    func run(options: BuildOptions, step: (String, () -> Void) -> Void) -> Report {
        var report = Report()
        let files = knownEntries == nil ? StaticAssets.files(in: staging) : []
        if config.precompress && knownEntries == nil {
            step("Precompress") {
                let (count, failures) = precompress(files)
                report.variantCount = count
                report.diagnostics.append(contentsOf: Diagnostic.outputFailures(failures, output: options.output))
            }
            // A variant missing for want of disk space must not ship quietly.
            if report.diagnostics.contains(where: { $0.severity == .error }) { return report }
        }
        var manifest: [UInt8] = []
        // Only the component and the preview read the manifest (and an incremental build
        // keeps its entries): a static build does not read every file again for it.
        let needsManifest = config.serverComponent || options.preview || options.incremental != nil
        if needsManifest {
            step("Asset manifest") {
                do throws(ManifestBuildError) {
                    if let patch = manifestPatch, let last = AssetManifest(bytes: patch.blob),
                       let patched = try last.patched(with: patch.changed, heapLimit: patch.heapLimit) {
                        manifest = patched
                        report.manifestHeapLimit = patch.heapLimit
                    } else {
                        report.entries = knownEntries?() ?? manifestEntries(files)
                        manifest = try AssetManifest.Builder(report.entries).build()
                        let heap = AssetManifest(bytes: manifest)?.stringHeapSize ?? 0
                        report.manifestHeapLimit = heap + heap / 4 + (64 << 10)
                    }
                    report.manifest = manifest
                } catch {
                    report.diagnostics.append(Diagnostic(.error, "cannot build the asset manifest: " + error.message))
                }
            }
        }
        var inputs: SiteInputs?
        step("Server inputs") {
            let (functions, functionFiles) = FunctionDiscovery.scan(siteRoot: siteRoot)
            let siteData = SiteDataBuilder(config: config, templates: templates, functions: functions,
                                           islandKeys: islandKeys, contentIslands: contentIslands)
            report.diagnostics.append(contentsOf: siteData.checkLoaders())
            guard config.serverComponent, report.diagnostics.isEmpty else { return }
            let islandTemplates = siteData.islandTemplates()
            var islands = IslandCompiler.compile(islandTemplates)
            let interpreted = siteData.islandTemplates(roots: islands.interpreted)
            islands.interpretedUsage = TemplateFilterScan.usage(in: interpreted)
            islands.unicodeCaseMapping = TemplateFilterScan.needsUnicodeCaseMapping(islandTemplates)
            report.interpretedIslands = islands.interpreted.map { ($0, islands.interpretedBecause[$0] ?? "") }
            // The config goes into the component only when an island template can read it: an
            // interpreted one (it may include others), or a compiled one that looks it up.
            let readsConfig = !interpreted.isEmpty || islands.readsConfig
            inputs = SiteInputs(functionFiles: functionFiles, registration: FunctionDiscovery.registration(functions, islands: islands),
                                data: siteData.blob(islandTemplates: interpreted, withConfig: readsConfig),
                                isDynamic: !functions.isEmpty || !suspendedPages.isEmpty)
        }
        guard let inputs else { return report }
        report.inputs = inputs
        if options.preview, let previousInputs, previousInputs == inputs {
            step("Write manifest") {
                do {
                    try writeExternalManifest(manifest)
                } catch {
                    report.diagnostics.append(Diagnostic(.error, "cannot write " + ComponentEmitter.externalManifestPath,
                                                         notes: [String(describing: error)]))
                }
            }
            return report
        }
        step("Build server component") {
            let (toolchain, missing) = Toolchain.find()
            guard let toolchain else {
                report.diagnostics.append(Diagnostic(.warning, "server.wasm was not built: " + (missing ?? ""),
                                                     fix: "the static site in dist/ is complete; install the tools to get the component"))
                return
            }
            guard let runtime = RuntimeSources.locate() else {
                report.diagnostics.append(Diagnostic(.warning, "server.wasm was not built: the sitegen runtime sources were not found",
                                                     fix: "set SITEGEN_RUNTIME to the sitegen checkout or its share/sitegen folder"))
                return
            }
            do {
                let emitter = ComponentEmitter(toolchain: toolchain, runtime: runtime, cache: cacheDirectory,
                                               hostProfile: options.hostProfile)
                if options.preview {
                    // The component reads the manifest from the files (Site.externalPath in the runtime).
                    try writeExternalManifest(manifest)
                    report.componentBytes = try emitter.emitPreview(site: inputs, output: staging)
                } else {
                    report.componentBytes = try emitter.emit(manifest: manifest, site: inputs, output: staging, backend: config.assetBackend,
                                                             options: config.assetOptions)
                }
            } catch let error as FunctionCompileError {
                report.diagnostics.append(contentsOf: FunctionErrors.diagnostics(from: error.output, siteRoot: siteRoot))
            } catch {
                report.diagnostics.append(Diagnostic(.error, "building server.wasm failed", notes: [String(describing: error)]))
            }
        }
        return report
    }

    /// A preview build's manifest, in the files, then its stamp: the runtime reads the
    /// manifest again when the stamp changes (`Site.refresh()`).
    func writeExternalManifest(_ manifest: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: staging + "/_sitegen", withIntermediateDirectories: true)
        let stamp = Array(ContentHash.hex(ContentHash.stamp(manifest)).utf8)
        for (path, bytes) in [(ComponentEmitter.externalManifestPath, manifest), (ComponentEmitter.externalManifestStampPath, stamp)] {
            if let code = bytes.withUnsafeBytes({ OutputFile.write($0, to: staging + "/" + path) }) {
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
        }
    }

    /// Writes `.gz` and `.br` beside compressible files, in parallel; returns how many,
    /// and the files that could not be written.
    func precompress(_ files: [String]) -> (Int, [OutputFile.Failure]) {
        let candidates = files.filter { Precompression.isCompressible($0) }
        let staging = self.staging
        let written = parallelMap(candidates) { path -> (Int, [OutputFile.Failure]) in
            guard let data = FileManager.default.contents(atPath: staging + "/" + path), data.count >= Precompression.minimumSize else { return (0, []) }
            let bytes = Array(data)
            var n = 0
            var failures: [OutputFile.Failure] = []
            for (suffix, variant) in [(".gz", Precompression.gzip(bytes)), (".br", Precompression.brotli(bytes))] {
                guard let variant, variant.count < bytes.count else { continue }
                if let code = variant.withUnsafeBytes({ OutputFile.write($0, to: staging + "/" + path + suffix) }) {
                    failures.append(OutputFile.Failure(path: path + suffix, code: code))
                } else {
                    n += 1
                }
            }
            return (n, failures)
        }
        return (written.reduce(0) { $0 + $1.0 }, written.flatMap { $0.1 })
    }

    /// The manifest entry of every file (variants folded into their file's entry).
    func manifestEntries(_ files: [String]) -> [AssetManifest.Entry] {
        let all = Set(StaticAssets.files(in: staging))
        let staging = self.staging
        let live = Set(suspendedPages.keys.map { $0.hasSuffix("/") ? String($0.dropFirst()) + "index.html" : String($0.dropFirst()) })
        let entries = parallelMap(files.filter { !$0.hasSuffix(".gz") && !$0.hasSuffix(".br") }) { path -> AssetManifest.Entry in
            let bytes = FileManager.default.contents(atPath: staging + "/" + path).map { Array($0) } ?? []
            func size(_ p: String) -> UInt64? {
                all.contains(p) ? ((try? FileManager.default.attributesOfItem(atPath: staging + "/" + p)[.size] as? UInt64) ?? nil) : nil
            }
            return AssetManifest.Entry(
                path: path, size: UInt64(bytes.count), contentType: MIMETypes.contentType(forPath: path),
                etag: ContentHash.hex(bytes), isImmutable: StaticAssets.isFingerprinted(path),
                gzipSize: size(path + ".gz"), brotliSize: size(path + ".br"), isLive: live.contains(path))
        }
        return entries
    }
}

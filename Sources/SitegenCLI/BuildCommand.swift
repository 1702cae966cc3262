import ArgumentParser
import Foundation
import SitegenBuild
import SitegenHTML

/// `sitegen build`: the site folder → a complete static site in `dist/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder (dist/ by default).",
        discussion: "The output is replaced only when the build succeeds: a failed build leaves the previous dist/ as it was.")

    @Option(name: .shortAndLong, help: "The site folder, holding sitegen.toml.")
    var source: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: <source>/dist).")
    var output: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Include pages dated in the future.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Override base_url from sitegen.toml.")
    var baseURL: String?

    @Option(help: "Asset backend of server.wasm: filesystem, embedded, kv, blobstore or cdn (overrides [assets] backend).")
    var assets: String?

    @Option(name: .customLong("host-profile"),
            help: "The host server.wasm is built for: wasmtime, wasmcloud (same WIT versions) or spin (wasi:keyvalue@0.2.0-draft2, store 'default').")
    var hostProfile: HostProfile = .wasmtime

    @Option(name: .customLong("kv-store"), help: "The host key-value store server functions open (overrides [server] kv_store).")
    var keyValueStore: String?

    @Flag(name: .shortAndLong, help: "Print each build step's time.")
    var verbose = false

    func run() throws {
        var options = BuildOptions(source: source, output: output)
        options.includeDrafts = drafts
        options.includeFuture = future
        options.baseURL = baseURL
        options.assetBackend = assets
        options.hostProfile = hostProfile
        options.keyValueStore = keyValueStore
        let bar = ProgressBar()
        if bar.isEnabled { options.progress = { done, total in bar.update(done, total) } }
        let result = SiteBuilder(options: options).build()
        bar.clear()
        Console.report(result.diagnostics)
        if verbose {
            for (name, seconds) in result.steps { Console.err("  " + name + ": " + Console.seconds(seconds)) }
            for (template, reason) in result.interpretedIslands {
                Console.err("  " + template + ": interpreted in server.wasm, not compiled (" + reason
                    + "); the template interpreter adds about 130 KB (docs: Islands, \"Island templates\")")
            }
        }
        guard result.succeeded else {
            Console.err("error: build failed with " + Console.count(result.errorCount, "error") + "; " + options.output + " was left unchanged")
            throw ExitCode(1)
        }
        var summary = "Built " + Console.count(result.pageCount, "page") + ", " + Console.count(result.assetCount, "asset")
            + " in " + Console.seconds(result.seconds)
        if result.warningCount > 0 { summary += " (" + Console.count(result.warningCount, "warning") + ")" }
        print(summary)
    }
}

extension HostProfile: ExpressibleByArgument {}

/// Output helpers shared by the commands.
enum Console {
    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints diagnostics to stderr in file order.
    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { FileHandle.standardError.write(Data((d.formatted + "\n").utf8)) }
    }

    /// "1 page", "1,204 pages".
    static func count(_ n: Int, _ noun: String) -> String {
        let digits = Array(String(n))
        var grouped = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(d)
        }
        return grouped + " " + noun + (n == 1 ? "" : "s")
    }

    static func seconds(_ s: Double) -> String {
        s < 1 ? String(Int((s * 1000).rounded())) + " ms" : String(format: "%.2f s", s)
    }
}

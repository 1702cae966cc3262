import ArgumentParser
import SitegenBuild

/// `sitegen compose`: swap the asset backend of a built site without recompiling.
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Relink dist/server.wasm with another asset backend (no compiler run).")

    @Option(name: .shortAndLong, help: "The built site folder (default: dist).")
    var output = "dist"

    @Option(help: "The asset backend: filesystem, embedded, kv, blobstore or cdn.")
    var assets: String

    @Option(help: "Key-value bucket holding the assets (kv).") var bucket = "sitegen-assets"
    @Option(help: "Blobstore container holding the assets (blobstore).") var container = "sitegen-assets"
    @Option(name: .customLong("cdn-url"), help: "Base URL the assets are served from (cdn).") var cdnURL: String?

    func run() throws {
        var options = SiteConfig.AssetOptions()
        options.bucket = bucket
        options.container = container
        options.cdnURL = cdnURL
        let diagnostics = Recomposer(output: output, backend: assets, options: options).run()
        Console.report(diagnostics)
        if !diagnostics.isEmpty { throw ExitCode(1) }
        print("Composed " + output + "/server.wasm with the " + assets + " backend")
    }
}

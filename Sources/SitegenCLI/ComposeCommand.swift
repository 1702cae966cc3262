import ArgumentParser
import SitegenBuild

/// `sitegen compose`: swap the asset backend of a built site without recompiling.
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Relink dist/server.wasm with another asset backend (no compiler run).")

    @Option(name: .shortAndLong, help: "The built site folder (default: dist).")
    var output = "dist"

    @Option(help: "The asset backend: filesystem or embedded.")
    var assets: String

    func run() throws {
        let diagnostics = Recomposer(output: output, backend: assets).run()
        Console.report(diagnostics)
        if !diagnostics.isEmpty { throw ExitCode(1) }
        print("Composed " + output + "/server.wasm with the " + assets + " backend")
    }
}

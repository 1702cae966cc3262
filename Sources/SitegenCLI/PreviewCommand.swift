import ArgumentParser

/// `sitegen preview`: the local dev loop (serve, rebuild on change, live reload).
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Serve the site locally, rebuild on change and reload the browser (planned).")

    @Option(help: "Port to listen on.") var port = 1313
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Flag(help: "Include drafts.") var drafts = false

    func run() throws {
        Console.err("error: 'sitegen preview' is not available in this version yet")
        Console.err("fix: run 'sitegen build' and serve dist/ with any static server, e.g. python3 -m http.server -d dist " + String(port))
        throw ExitCode(2)
    }
}

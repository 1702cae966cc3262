import ArgumentParser
import Dispatch
import Foundation
import SitegenPreview

/// `sitegen preview`: the local dev loop (serve through the real server component,
/// rebuild on change, live reload, build errors in the browser).
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Serve the site locally, rebuild on change and reload the browser.",
        discussion: """
            Builds into <source>/.sitegen/preview and serves it through the site's own server component \
            in an in-process WebAssembly host, so pages, server functions and streamed sections behave as \
            deployed. Key-value data persists in <source>/.sitegen/kv.
            """)

    @Option(name: .shortAndLong, help: "The site folder, holding sitegen.toml.")
    var source: String = "."

    @Option(help: "Port to listen on.") var port = 1313
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Open the site in the default browser.") var open = false
    @Flag(name: .shortAndLong, help: "Log every request.") var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("'\(port)' is not a port; use a number from 1 to 65535") }
    }

    func run() throws {
        var options = PreviewOptions(source: source)
        options.port = port
        options.host = host
        options.includeDrafts = drafts
        options.verbose = verbose
        options.log = { line in
            FileHandle.standardOutput.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
        }
        let server = PreviewServer(options: options)
        do {
            try server.start()
        } catch let error as PreviewError {
            Console.err(error.description)
            throw ExitCode(1)
        }
        if open { Self.openBrowser(server.url) }

        // Ctrl-C (and SIGTERM) stop the server cleanly: connections closed, workers stopped.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "sitegen-preview-signals")
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        for source in sources {
            source.setEventHandler {
                FileHandle.standardOutput.write(Data("\nsitegen preview: stopped\n".utf8))
                server.stop()
            }
            source.resume()
        }
        server.wait()
        withExtendedLifetime(sources) {}
    }

    /// `xdg-open` / `open`; nothing when neither exists (a headless machine).
    static func openBrowser(_ url: String) {
        #if os(macOS)
        let tool = "/usr/bin/open"
        #else
        guard let tool = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

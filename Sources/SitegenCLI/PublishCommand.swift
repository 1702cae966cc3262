import ArgumentParser
import Foundation

/// `sitegen publish`: copies a built site into a host's store for the kv or blobstore backend.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Fill a key-value bucket or blobstore container with the built site (for --assets kv/blobstore).",
        discussion: "Writes the store's on-disk layout that wash dev uses (dev.wasi_keyvalue_path / dev.wasi_blobstore_path): one file per asset, KV_PATH/<bucket>/<path>.")

    @Option(name: .shortAndLong, help: "The built site folder.") var output = "dist"
    @Option(name: .customLong("kv"), help: "Key-value store folder (wash dev's wasi_keyvalue_path).") var kvPath: String?
    @Option(name: .customLong("blobstore"), help: "Blobstore folder (wash dev's wasi_blobstore_path).") var blobPath: String?
    @Option(help: "Bucket or container name.") var name = "sitegen-assets"

    func run() throws {
        guard (kvPath == nil) != (blobPath == nil) else {
            Console.err("error: give exactly one of --kv PATH or --blobstore PATH")
            throw ExitCode(2)
        }
        guard let script = ScriptLocator.script(kvPath != nil ? "publish-kv.sh" : "publish-blobstore.sh") else {
            Console.err("error: the sitegen scripts were not found; set SITEGEN_RUNTIME to the sitegen checkout")
            throw ExitCode(1)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, output, kvPath ?? blobPath ?? "", name]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw ExitCode(process.terminationStatus) }
    }
}

/// Finds the repository's scripts next to the binary or through `SITEGEN_RUNTIME`.
enum ScriptLocator {
    static func script(_ name: String) -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SITEGEN_RUNTIME"] { candidates.append(env) }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates += [directory.path, directory.path + "/share/sitegen"]
            directory.deleteLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath)
        return candidates.map { $0 + "/scripts/" + name }.first { FileManager.default.fileExists(atPath: $0) }
    }
}

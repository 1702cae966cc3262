/// Lines to the host's stderr (`wasmtime serve` shows them per request). Details of
/// server errors go here, never to the client.
enum Log {
    static func error(_ message: String) { line("sitegen: error: " + message) }
    static func info(_ message: String) { line("sitegen: " + message) }

    static func line(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { cSitegenLog($0.baseAddress, Int32($0.count)) }
    }
}

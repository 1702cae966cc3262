import SitegenHTML

/// Lines to the host's stderr (`wasmtime serve` shows them per request). Details of
/// server errors go here, never to the client.
///
/// Never inlined: each of the runtime's log calls stays one call instead of a copy of the
/// concatenation and the byte copy (-2.5 KB in the blog's component).
enum Log {
    @inline(never)
    static func error(_ message: String) { line(Text.join("sitegen: error: ", message)) }
    @inline(never)
    static func info(_ message: String) { line(Text.join("sitegen: ", message)) }

    @inline(never)
    static func line(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { cSitegenLog($0.baseAddress, Int32($0.count)) }
    }
}

/// A byte buffer that rendering appends to, handing full chunks to a sink as it goes.
///
/// Rendering never builds one big `String`: text is appended as UTF-8 bytes, and once
/// `chunkSize` bytes have accumulated they are passed to `onChunk` (the wasm component
/// writes them to the HTTP output stream; the build writes them to a file). Without a
/// sink, the bytes simply accumulate and `bytes` holds the whole document.
///
/// ```swift
/// var out = HTMLWriter()
/// out.write("<p>")
/// out.writeEscaped("Fish & Chips")
/// out.write("</p>")
/// out.string   // "<p>Fish &amp; Chips</p>"
/// ```
public struct HTMLWriter {
    /// Bytes not yet handed to the sink (all bytes, when there is no sink).
    public private(set) var bytes: [UInt8] = []
    private let chunkSize: Int
    private let onChunk: (([UInt8]) -> Void)?

    /// A writer that keeps everything in memory.
    public init() {
        self.chunkSize = Int.max
        self.onChunk = nil
    }

    /// A writer that hands a chunk to `onChunk` whenever `chunkSize` bytes are pending.
    public init(chunkSize: Int, onChunk: @escaping ([UInt8]) -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.onChunk = onChunk
        bytes.reserveCapacity(min(chunkSize, 1 << 16))
    }

    /// The pending bytes as a `String` (the whole document for a writer without a sink).
    public var string: String { Text.decode(bytes) }

    /// Appends trusted markup as is.
    public mutating func write(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
        flushIfFull()
    }

    /// Appends raw bytes as is.
    public mutating func write(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
        flushIfFull()
    }

    /// Appends text escaped for HTML text and quoted attribute values.
    public mutating func writeEscaped(_ text: String) {
        HTMLEscaping.escape(text, into: &bytes)
        flushIfFull()
    }

    /// Hands every pending byte to the sink now (at a suspense boundary, at the end).
    public mutating func flush() {
        guard let onChunk, !bytes.isEmpty else { return }
        onChunk(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if bytes.count >= chunkSize { flush() }
    }
}

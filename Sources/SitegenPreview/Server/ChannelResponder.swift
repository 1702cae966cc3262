import Foundation
import NIOCore
import NIOHTTP1

/// Writes one response to a NIO channel from any thread: the guest's events as HTTP/1.1
/// parts, each chunk flushed at once (so streamed sections show up as they resolve).
///
/// In HTML responses (`text/html`, not encoded, not a range) it puts the live-reload
/// script before `</body>`; such a response loses its `content-length` and goes out
/// chunked.
final class ChannelResponder: @unchecked Sendable {
    private let channel: any Channel
    private let version: HTTPVersion
    private let keepAlive: Bool
    private let isHEAD: Bool
    private let mayInject: Bool
    private let lock = NSLock()
    private var injector: HTMLInjector?
    private var closed = false
    private var finished = false
    private var endWritten = false
    private(set) var status = 0
    private(set) var bytesSent = 0
    /// Runs once, after the response ended (or was aborted).
    var onFinish: @Sendable (ChannelResponder) -> Void = { _ in }
    /// Runs when the connection closes before this response's end was written (the client
    /// went away, or an error closed it); `--verbose` logs it.
    var onCutShort: (@Sendable (ChannelResponder) -> Void)?

    init(channel: any Channel, head: HTTPRequestHead, injectLiveReload: Bool) {
        self.channel = channel
        version = head.version
        keepAlive = head.isKeepAlive
        isHEAD = head.method == .HEAD
        mayInject = injectLiveReload && head.method == .GET
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            let cutShort = lock.withLock { () -> Bool in
                closed = true
                return !endWritten
            }
            if cutShort { onCutShort?(self) }
        }
    }

    /// The guest-facing side.
    var responder: GuestResponder {
        GuestResponder(
            head: { [self] status, headers in sendHead(status: status, headers: headers) },
            chunk: { [self] bytes in sendBody(bytes) },
            end: { [self] in sendEnd() },
            abort: { [self] in abort() },
            isClosed: { [self] in lock.withLock { closed } })
    }

    func sendHead(status: Int, headers fields: [(String, String)], allowInjection: Bool = true) {
        var headers = HTTPHeaders()
        for (name, value) in fields { headers.add(name: name, value: value) }
        let isHTML = headers.first(name: "content-type")?.lowercased().hasPrefix("text/html") ?? false
        if allowInjection, mayInject, isHTML, !headers.contains(name: "content-encoding"), !headers.contains(name: "content-range"),
           status != 204, status != 304 {
            injector = HTMLInjector(snippet: LiveReload.snippet)
            headers.remove(name: "content-length")
        }
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        self.status = status
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
        channel.write(HTTPServerResponsePart.head(head), promise: nil)
    }

    func sendBody(_ bytes: [UInt8]) {
        let out = injector?.process(bytes) ?? bytes
        write(out)
    }

    func sendEnd() {
        if var injector {
            write(injector.finish())
            self.injector = injector
        }
        let keepAlive = self.keepAlive
        let channel = self.channel
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { [self] _ in
            lock.withLock { endWritten = true }
            if !keepAlive { channel.close(promise: nil) }
        }
        complete()
    }

    func abort() {
        channel.close(promise: nil)
        complete()
    }

    /// A whole response from the host itself (overlay, fallback files, errors).
    func send(status: Int, headers: [(String, String)], body: [UInt8], allowInjection: Bool = false) {
        sendHead(status: status, headers: headers + [("content-length", String(body.count))], allowInjection: allowInjection)
        if !isHEAD { sendBody(body) }
        sendEnd()
    }

    private func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, !isHEAD else { return }
        bytesSent += bytes.count
        let buffer = channel.allocator.buffer(bytes: bytes)
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    }

    private func complete() {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            return !finished
        }
        if first { onFinish(self) }
    }
}

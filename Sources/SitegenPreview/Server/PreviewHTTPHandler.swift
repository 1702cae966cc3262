import NIOCore
import NIOHTTP1

/// Collects one HTTP/1.1 request (head and body) and hands it to the server. NIO's
/// pipelining helper holds back a keep-alive connection's next request until this
/// one's response has ended.
final class PreviewHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Request bodies beyond this get a 413 (server functions cap theirs far lower).
    static let maximumBodySize = 16 << 20

    private let server: PreviewServer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(server: PreviewServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            tooLarge = false
        case .body(var buffer):
            if body.count + buffer.readableBytes > Self.maximumBodySize {
                tooLarge = true
            } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            if tooLarge {
                let responder = ChannelResponder(channel: context.channel, head: head, injectLiveReload: false)
                responder.send(status: 413, headers: [("content-type", "text/plain; charset=utf-8"), ("connection", "close")],
                               body: Array("sitegen preview: request body too large\n".utf8))
                return
            }
            server.route(head, body: body, channel: context.channel)
            body = []
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Mostly a client that went away; `--verbose` says which error closed the connection.
        if server.options.verbose { server.options.log("connection \(context.remoteAddress.map { "\($0)" } ?? "?") closed on error: \(error)") }
        context.close(promise: nil)
    }
}

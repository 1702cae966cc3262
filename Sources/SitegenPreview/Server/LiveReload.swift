import Foundation
import NIOCore
import NIOHTTP1

/// Live reload over Server-Sent Events at `/_sg/preview/events`.
///
/// Each connection first gets `hello` with `<server id>:<build number>`; the page
/// remembers the first one and reloads when a later `hello` differs, which is what
/// happens when `EventSource` reconnects after a preview restart or after a rebuild it
/// missed. Then `reload` (reload the page) or `css` (swap the stylesheets in place)
/// after each rebuild. A comment line every 15 s keeps idle connections open.
final class LiveReload: @unchecked Sendable {
    static let path = "/_sg/preview/events"

    /// Identifies this preview process.
    let serverID = String(UInt64.random(in: .min ... .max), radix: 36)
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var buildNumber = 0

    /// The script served pages get (only in preview), before `</body>`.
    static let snippet = Array("""
        <script data-sitegen-preview>(()=>{let seen=null;\
        const bust=h=>h.split("#")[0]+(h.includes("?")?"&":"?")+"sg-reload="+Date.now();\
        const swapCSS=()=>fetch(location.href,{cache:"no-store"}).then(r=>r.text()).then(t=>{\
        const doc=new DOMParser().parseFromString(t,"text/html");\
        const old=[...document.querySelectorAll('link[rel="stylesheet"]')];\
        const fresh=[...doc.querySelectorAll('link[rel="stylesheet"]')].map(l=>{const n=document.createElement("link");\
        n.rel="stylesheet";n.href=bust(l.getAttribute("href"));document.head.appendChild(n);\
        return new Promise(ok=>{n.onload=ok;n.onerror=ok})});\
        Promise.all(fresh).then(()=>old.forEach(l=>l.remove()))}).catch(()=>location.reload());\
        const events=new EventSource("\(path)");\
        events.addEventListener("hello",e=>{if(seen!==null&&seen!==e.data)location.reload();seen=e.data});\
        events.addEventListener("reload",()=>location.reload());\
        events.addEventListener("css",e=>{seen=e.data;swapCSS()})})();</script>
        """.utf8)

    /// The current `<server id>:<build number>`.
    var stamp: String { lock.withLock { serverID + ":" + String(buildNumber) } }

    /// Turns `channel` into an event stream (the request was a GET of `path`).
    func attach(_ channel: any Channel, keepAlive: HTTPVersion) {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/event-stream; charset=utf-8")
        headers.add(name: "cache-control", value: "no-store")
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: keepAlive, status: .ok, headers: headers)), promise: nil)
        send("retry: 500\nevent: hello\ndata: \(stamp)\n\n", to: channel)
        let key = ObjectIdentifier(channel)
        lock.withLock { channels[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.lock.withLock { _ = self?.channels.removeValue(forKey: key) }
        }
        let ping = channel.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(15), delay: .seconds(15)) { [weak self] _ in
            self?.send(": ping\n\n", to: channel)
        }
        channel.closeFuture.whenComplete { _ in ping.cancel() }
    }

    /// After a rebuild: `css` when only stylesheets changed, else `reload`.
    func broadcast(cssOnly: Bool) {
        let (targets, stamp) = lock.withLock { () -> ([any Channel], String) in
            buildNumber += 1
            return (Array(channels.values), serverID + ":" + String(buildNumber))
        }
        let event = cssOnly ? "css" : "reload"
        for channel in targets { send("event: \(event)\ndata: \(stamp)\n\n", to: channel) }
    }

    /// Open event streams.
    var connectionCount: Int { lock.withLock { channels.count } }

    /// Ends every event stream (at shutdown).
    func closeAll() {
        let targets = lock.withLock { Array(channels.values) }
        for channel in targets { channel.close(promise: nil) }
    }

    private func send(_ text: String, to channel: any Channel) {
        let buffer = channel.allocator.buffer(string: text)
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    }
}

import SitegenHTML
import SitegenServerCore

/// The component's entry point: `wasi:http/incoming-handler.handle`.
///
/// Built in two variants: with `-D SITEGEN_FUNCTIONS` (server functions, streamed
/// pages, island rendering: compiled templates, the interpreter only for templates the
/// build could not compile) for sites that have them, and without
/// for static-only sites, which then carry no template engine at all.
///
/// Router order, as in Leptos's WASI handler: static asset (nothing is rendered for a
/// static file) → page with suspense boundaries (shell now, sections streamed) → server
/// function (`/_sg/fn/<name>`) → 404.
@_expose(wasm, "wasi:http/incoming-handler@0.2.0#handle")
@_cdecl("sitegen_handle")
public func handle(_ requestHandle: Int32, _ outparam: Int32) {
    Site.refresh()
    let request = RequestInfo(IncomingRequest(handle: requestHandle))
    let executor = Executor()
    Scheduler.current = executor
    defer {
        executor.run()
        Scheduler.current = nil
        wasiIncomingRequestDrop(requestHandle)
    }

    // Header limits and the target are checked once, for every layer below.
    let isHead = Text.equal(request.method, "HEAD")
    if let refused = StaticRouter().refusingOversizedHeaders(request.headers, isHead: isHead) {
        return sendStatic(refused, outparam, executor: executor)
    }
    let target: RequestTarget
    do {
        target = try RequestTarget(parsing: request.targetBytes)
    } catch {
        return sendStatic(StaticRouter().refusing(error, isHead: isHead), outparam, executor: executor)
    }
    #if SITEGEN_FUNCTIONS
    // A page with boundaries is live: decide that before validators, ranges and codings,
    // which apply to files, not to a streamed document.
    // The manifest marks live pages, so static requests never load the site data.
    if isHead || Text.equal(request.method, "GET"), let path = StaticRouter().livePage(target: target, manifest: Site.manifest) {
        return streamPage(path, request: request, outparam, executor: executor)
    }
    #endif
    let route = StaticRouter().route(method: request.method, target: target, headers: request.headers, manifest: Site.manifest)
    guard let response = route.response else {
        return handleReserved(request, outparam, executor: executor)
    }
    sendStatic(response, outparam, executor: executor)
}

/// `/_sg/…`: server functions; anything else there is a JSON 404.
func handleReserved(_ request: RequestInfo, _ outparam: Int32, executor: Executor) {
    #if SITEGEN_FUNCTIONS
    let path = request.path
    let bytes = Array(path.utf8)
    let prefix = "/_sg/fn/"
    if Text.hasPrefix(path, prefix) {
        let name = bytes[prefix.utf8.count...]
        if !name.isEmpty, name.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F }) {
            return FunctionEndpoint(name: Text.decode(name), request: request, outparam: outparam, executor: executor).run()
        }
    }
    let islandPrefix = "/_sg/island/"
    if Text.hasPrefix(path, islandPrefix) {
        let name = Text.decode(bytes[islandPrefix.utf8.count...])
        return IslandEndpoint(loader: name, request: request, outparam: outparam, executor: executor).run()
    }
    #endif
    sendStatic(StaticResponse(status: 404, headers: [("content-type", "application/json"), ("cache-control", "no-store")],
                              body: .bytes(Array("{\"error\":\"no such endpoint\"}".utf8))), outparam, executor: executor)
}

/// Streams a page with boundaries: no caching, no validators (its content is live). Its
/// sections are the boundaries in its shell (``StreamedPage/sections(inShell:)``).
func streamPage(_ path: String, request: RequestInfo, _ outparam: Int32, executor: Executor) {
    let headers = [("content-type", "text/html; charset=utf-8"), ("cache-control", "no-store"), ("x-content-type-options", "nosniff")]
    if Text.equal(request.method, "HEAD") {
        guard let outgoing = OutgoingResponse.start(outparam, status: 200, headers: headers) else {
            return sendInternalError(outparam, "the host refused the response headers")
        }
        return BodyWriter(outgoing: outgoing, executor: executor).finish()
    }
    // The whole shell before the status: a backend that cannot deliver it (a CDN that is
    // down or not allowed) gets a 502, not a 200 with a cut-off body.
    var shell: [UInt8] = []
    var offset: UInt64 = 0
    while let chunk = Assets.read(path, offset: offset, length: 64 * 1024), !chunk.isEmpty {
        shell.append(contentsOf: chunk)
        offset += UInt64(chunk.count)
    }
    if let expected = Site.manifest.entry(forPath: path)?.size, UInt64(shell.count) != UInt64(expected) {
        Log.error(Text.join(Text.join("asset backend gave ", String(shell.count), " of ", String(expected)), " bytes of '", path, "'"))
        return sendBadGateway(outparam, executor: executor)
    }
    guard let outgoing = OutgoingResponse.start(outparam, status: 200, headers: headers) else {
        return sendInternalError(outparam, "the host refused the response headers")
    }
    StreamedPage(shell: shell, sections: StreamedPage.sections(inShell: shell), writer: BodyWriter(outgoing: outgoing, executor: executor)).start()
}

/// 502 when the asset backend cannot deliver a file the manifest lists.
func sendBadGateway(_ outparam: Int32, executor: Executor) {
    let page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Bad gateway</title>"
        + "<p>The site's files could not be read from their store. Try again in a moment.</p></html>"
    sendStatic(StaticResponse(status: 502, headers: [("content-type", "text/html; charset=utf-8"), ("cache-control", "no-store")],
                              body: .bytes(Array(page.utf8))), outparam, executor: executor)
}

/// Sends a router decision: headers, then the body from memory or the asset backend.
func sendStatic(_ response: StaticResponse, _ outparam: Int32, executor: Executor) {
    // A whole file of at most 4096 bytes (most pages once compressed, small assets): read,
    // then written with one blocking call straight from the buffer the host filled.
    if case .asset(let path, let offset, let length) = response.body, length > 0, length <= 4096,
       let sent = Assets.withBytes(path, offset: offset, length: UInt32(length), { bytes -> Bool in
           guard UInt64(bytes.count) == length else { return false }  // changed since the build: the general path
           guard let outgoing = OutgoingResponse.start(outparam, status: Int(response.status), headers: response.headers) else {
               sendInternalError(outparam, "the host refused the response headers")
               return true
           }
           _ = outgoing.stream.writeAndFlush(bytes)
           outgoing.finish(flushed: true)
           return true
       }), sent {
        return
    }
    // An asset's first chunk is read before the status is sent: when the backend cannot
    // deliver it, the client gets a 502 instead of a 200 with a broken body.
    var first: [UInt8] = []
    if case .asset(let path, let offset, let length) = response.body, length > 0 {
        guard let chunk = Assets.read(path, offset: offset, length: UInt32(min(length, AssetStream.chunkSize))), !chunk.isEmpty else {
            Log.error(Text.join("asset backend has no bytes for '", path, "' at offset ", String(offset)))
            return sendBadGateway(outparam, executor: executor)
        }
        first = chunk
    }
    guard let outgoing = OutgoingResponse.start(outparam, status: Int(response.status), headers: response.headers) else {
        return sendInternalError(outparam, "the host refused the response headers")
    }
    switch response.body {
    case .none:
        outgoing.finish(flushed: true)  // nothing was written
    case .bytes(let bytes) where bytes.count <= 4096:
        // A generated page (errors): one blocking write, no executor turn.
        _ = bytes.withUnsafeBytes { outgoing.stream.writeAndFlush($0) }
        outgoing.finish(flushed: true)
    case .bytes(let bytes):
        executor.spawn {
            outgoing.stream.write(bytes, on: executor) { _ in outgoing.finish() }
        }
    case .asset(let path, let offset, let length):
        executor.spawn {
            AssetStream(path: path, outgoing: outgoing, executor: executor).send(first, at: offset, remaining: length)
        }
    }
}

/// Copies an asset from the backend to the response, one chunk at a time, each chunk
/// written only as fast as the client takes it.
struct AssetStream {
    static let chunkSize: UInt64 = 64 * 1024
    let path: String
    let outgoing: OutgoingResponse
    let executor: Executor

    /// Writes `chunk` (the bytes at `offset`, already read), then copies the rest.
    func send(_ chunk: [UInt8], at offset: UInt64, remaining: UInt64) {
        guard !chunk.isEmpty else { return copy(from: offset, remaining: remaining) }
        outgoing.stream.write(chunk, on: executor) { ok in
            guard ok else { return self.outgoing.finish() }
            self.copy(from: offset + UInt64(chunk.count), remaining: remaining - min(remaining, UInt64(chunk.count)))
        }
    }

    func copy(from offset: UInt64, remaining: UInt64) {
        guard remaining > 0 else { return outgoing.finish() }
        let want = min(remaining, Self.chunkSize)
        guard let chunk = Assets.read(path, offset: offset, length: UInt32(want)), !chunk.isEmpty else {
            Log.error(Text.join("asset backend has no bytes for '", path, "' at offset ", String(offset)))
            return outgoing.finish()
        }
        send(chunk, at: offset, remaining: remaining)
    }
}

import SitegenServerCore

/// The component's entry point: `wasi:http/incoming-handler.handle`.
///
/// Router order, as in Leptos's WASI handler: static asset → (server function, island:
/// next layers) → 404. Nothing is rendered for a static file: the router's decision
/// names the bytes, and they are streamed from the asset backend in chunks.
@_expose(wasm, "wasi:http/incoming-handler@0.2.0#handle")
@_cdecl("sitegen_handle")
public func handle(_ requestHandle: Int32, _ outparam: Int32) {
    let request = IncomingRequest(handle: requestHandle)
    let method = request.method
    let target = String(decoding: request.pathWithQuery, as: UTF8.self)
    var headers: [(String, String)] = []
    for field in request.headers {
        headers.append((String(decoding: field.name, as: UTF8.self), String(decoding: field.value, as: UTF8.self)))
    }
    request.drop()

    let route = StaticRouter().route(method: method, target: target, headers: headers, manifest: Site.manifest)
    guard let response = route.response else {
        // `/_sg/…` belongs to server functions and islands, which this build does not have.
        send(StaticResponse(status: 404, headers: [("content-type", "application/json")],
                            body: .bytes(Array("{\"error\":\"no such endpoint\"}".utf8))), outparam)
        return
    }
    send(response, outparam)
}

/// Sends a router decision: headers, then the body from memory or the asset backend.
func send(_ response: StaticResponse, _ outparam: Int32) {
    guard let outgoing = OutgoingResponse.start(outparam, status: Int(response.status), headers: response.headers) else {
        return sendInternalError(outparam, "the host refused the response headers")
    }
    let executor = Executor()
    switch response.body {
    case .none:
        outgoing.finish()
    case .bytes(let bytes):
        executor.spawn {
            outgoing.stream.write(bytes, on: executor) { _ in outgoing.finish() }
        }
    case .asset(let path, let offset, let length):
        executor.spawn {
            AssetStream(path: path, outgoing: outgoing, executor: executor).copy(from: offset, remaining: length)
        }
    }
    executor.run()
}

/// Copies an asset from the backend to the response, one chunk at a time, each chunk
/// written only as fast as the client takes it.
struct AssetStream {
    static let chunkSize: UInt64 = 64 * 1024
    let path: String
    let outgoing: OutgoingResponse
    let executor: Executor

    func copy(from offset: UInt64, remaining: UInt64) {
        guard remaining > 0 else { return outgoing.finish() }
        let want = min(remaining, Self.chunkSize)
        guard let chunk = Assets.read(path, offset: offset, length: UInt32(want)), !chunk.isEmpty else {
            Log.error("asset backend has no bytes for '" + path + "' at offset " + String(offset))
            return outgoing.finish()
        }
        outgoing.stream.write(chunk, on: executor) { ok in
            guard ok else { return self.outgoing.finish() }
            self.copy(from: offset + UInt64(chunk.count), remaining: remaining - min(remaining, UInt64(chunk.count)))
        }
    }
}

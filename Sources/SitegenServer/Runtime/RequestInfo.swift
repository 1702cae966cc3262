import SitegenHTML

/// The parts of an incoming request the runtime looks at, read once.
struct RequestInfo {
    let handle: Int32
    let method: String
    /// The raw path with query, as the host gave it.
    let targetBytes: [UInt8]
    let headers: [(String, String)]

    /// The raw path with query as a string.
    var target: String { Text.decode(targetBytes) }

    /// The `host` the client asked for, read from the host when asked (server functions
    /// check it against `origin`; a static file never needs it, so it costs no host call).
    var authority: String? {
        wasiIncomingRequestAuthority(handle, ABI.returnArea)
        return ABI.u8(0) == 1 ? Text.decode(ABI.takeBytes(ABI.i32(4), ABI.i32(8))) : nil
    }

    init(_ request: IncomingRequest) {
        handle = request.handle
        method = request.method
        targetBytes = request.pathWithQuery
        headers = request.headers
    }

    /// The path without the query.
    var path: String {
        Text.decode(targetBytes[..<(targetBytes.firstIndex(of: UInt8(ascii: "?")) ?? targetBytes.endIndex)])
    }

    /// The first value of `name` (lower case).
    func header(_ name: String) -> String? {
        for (key, value) in headers where Text.equal(key, name) { return value }
        return nil
    }

    /// Reads the whole body, at most `limit` bytes (413 beyond).
    func readBody(limit: Int, executor: Executor, _ done: @escaping (Result<[UInt8], FunctionError>) -> Void) {
        wasiIncomingRequestConsume(handle, ABI.returnArea)
        guard ABI.u8(0) == 0 else { return done(.success([])) }
        let body = ABI.i32(4)
        wasiIncomingBodyStream(body, ABI.returnArea)
        guard ABI.u8(0) == 0 else {
            wasiIncomingBodyDrop(body)
            return done(.success([]))
        }
        let stream = ABI.i32(4)
        BodyReader(stream: stream, limit: limit, executor: executor).read { result in
            wasiInputStreamDrop(stream)
            wasiIncomingBodyDrop(body)
            switch result {
            case .success(let bytes): done(.success(bytes))
            case .failure(let error):
                done(.failure(Text.hasPrefix(error.message, "a body is larger")
                    ? FunctionError(status: 413, message: Text.join("the body is larger than ", String(limit), " bytes")) : .badRequest(error.message)))
            }
        }
    }
}

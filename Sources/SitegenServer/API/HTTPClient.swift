import SitegenHTML

/// Outgoing HTTP for loaders and functions (`wasi:http/outgoing-handler`). Requests run
/// on the poll executor, so several can be in flight at once.
///
/// ```swift
/// func upstream(_ arguments: Object, _ done: @escaping (Result<Value, FunctionError>) -> Void) {
///     HTTPClient.get("http://127.0.0.1:8080/latest", timeoutMilliseconds: 2000) { result in
///         done(result.flatMap { response in response.json() })
///     }
/// }
/// ```
public enum HTTPClient {
    /// A response read to its end.
    public struct Result: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var text: String { Text.decode(body) }

        /// The body as JSON.
        public func json() -> Swift.Result<Value, FunctionError> {
            do throws(JSONError) {
                return .success(try JSON.parse(body))
            } catch {
                return .failure(.upstream(Text.join("upstream sent invalid JSON: ", error.description)))
            }
        }
    }

    /// Bodies larger than this are cut off with an error.
    public static let maximumBodySize = 4 << 20

    /// GETs `url` (`http://` or `https://`); `done` runs once with the response or an error.
    public static func get(_ url: String, timeoutMilliseconds: Int = 5000,
                           _ done: @escaping (Swift.Result<HTTPClient.Result, FunctionError>) -> Void) {
        guard let executor = Scheduler.current else { return done(.failure(.server("HTTPClient used outside a request"))) }
        guard let parts = URLParts(url) else { return done(.failure(.server(Text.join("not an http(s) URL: ", url)))) }
        guard let fields = OutgoingResponse.makeFields([("accept", "*/*")]) else { return done(.failure(.server("cannot create request headers"))) }
        let request = wasiOutgoingRequestNew(fields)
        Text.withBytes(parts.authority) { _ = wasiOutgoingRequestSetAuthority(request, 1, $0.baseAddress, Int32($0.count)) }
        Text.withBytes(parts.path) { _ = wasiOutgoingRequestSetPathWithQuery(request, 1, $0.baseAddress, Int32($0.count)) }
        _ = wasiOutgoingRequestSetScheme(request, 1, parts.https ? 1 : 0, nil, 0)
        let options = wasiRequestOptionsNew()
        let nanoseconds = Int64(max(1, timeoutMilliseconds)) * 1_000_000
        _ = wasiRequestOptionsSetConnectTimeout(options, 1, nanoseconds)
        _ = wasiRequestOptionsSetFirstByteTimeout(options, 1, nanoseconds)
        _ = wasiRequestOptionsSetBetweenBytesTimeout(options, 1, nanoseconds)
        wasiOutgoingHandlerHandle(request, 1, options, ABI.returnArea)
        guard ABI.u8(0) == 0 else { return done(.failure(.upstream(Text.join("the host refused the request to ", url)))) }
        let future = ABI.i32(8)
        executor.wait(on: wasiFutureIncomingResponseSubscribe(future)) {
            wasiFutureIncomingResponseGet(future, ABI.returnArea)
            let ready = ABI.u8(0) == 1, outerOK = ABI.u8(8) == 0, innerOK = ABI.u8(16) == 0
            let response = ABI.i32(24)
            wasiFutureIncomingResponseDrop(future)
            guard ready, outerOK, innerOK else { return done(.failure(.upstream(Text.join("request to ", url, " failed or timed out")))) }
            let status = Int(wasiIncomingResponseStatus(response))
            wasiIncomingResponseConsume(response, ABI.returnArea)
            guard ABI.u8(0) == 0 else {
                wasiIncomingResponseDrop(response)
                return done(.failure(.upstream(Text.join("cannot read the response of ", url))))
            }
            let body = ABI.i32(4)
            wasiIncomingBodyStream(body, ABI.returnArea)
            guard ABI.u8(0) == 0 else {
                wasiIncomingBodyDrop(body)
                wasiIncomingResponseDrop(response)
                return done(.failure(.upstream(Text.join("cannot read the body of ", url))))
            }
            let stream = ABI.i32(4)
            BodyReader(stream: stream, limit: maximumBodySize, executor: executor).read { result in
                wasiInputStreamDrop(stream)
                wasiIncomingBodyDrop(body)
                wasiIncomingResponseDrop(response)
                switch result {
                case .success(let bytes): done(.success(HTTPClient.Result(status: status, body: bytes)))
                case .failure(let error): done(.failure(error))
                }
            }
        }
    }
}

/// `scheme://authority/path?query` split for an outgoing request.
struct URLParts {
    var https: Bool
    var authority: String
    var path: String

    init?(_ url: String) {
        let bytes = Array(url.utf8)
        let http = Array("http://".utf8), https = Array("https://".utf8)
        var rest: ArraySlice<UInt8>
        if bytes.starts(with: https) { self.https = true; rest = bytes[https.count...] }
        else if bytes.starts(with: http) { self.https = false; rest = bytes[http.count...] }
        else { return nil }
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        guard slash > rest.startIndex else { return nil }
        authority = Text.decode(rest[rest.startIndex..<slash])
        path = slash < rest.endIndex ? Text.decode(rest[slash...]) : "/"
    }
}

/// Reads an input stream to its end without blocking other tasks: when no bytes are
/// ready it waits on the stream's pollable.
struct BodyReader {
    let stream: Int32
    let limit: Int
    let executor: Executor

    func read(_ done: @escaping (Swift.Result<[UInt8], FunctionError>) -> Void) {
        read(into: [], done)
    }

    private func read(into buffer: [UInt8], _ done: @escaping (Swift.Result<[UInt8], FunctionError>) -> Void) {
        var buffer = buffer
        while true {
            wasiInputStreamRead(stream, 64 * 1024, ABI.returnArea)
            if ABI.u8(0) != 0 {
                if ABI.u8(4) == 0 {  // last-operation-failed
                    wasiErrorDrop(ABI.i32(8))
                    return done(.failure(.upstream("the connection failed while reading a body")))
                }
                return done(.success(buffer))  // closed: the end
            }
            let chunk = ABI.takeBytes(ABI.i32(4), ABI.i32(8))
            if chunk.isEmpty {
                let this = self
                executor.wait(on: wasiInputStreamSubscribe(stream)) { this.read(into: buffer, done) }
                return
            }
            buffer.append(contentsOf: chunk)
            if buffer.count > limit { return done(.failure(.upstream(Text.join("a body is larger than ", String(limit), " bytes")))) }
        }
    }
}

import SitegenHTML

/// The request the host handed to `handle`.
struct IncomingRequest {
    let handle: Int32

    /// The method in upper case (`GET`), including `other(…)` methods as written.
    var method: String {
        wasiIncomingRequestMethod(handle, ABI.returnArea)
        switch ABI.u8(0) {
        case 0: return "GET"
        case 1: return "HEAD"
        case 2: return "POST"
        case 3: return "PUT"
        case 4: return "DELETE"
        case 5: return "CONNECT"
        case 6: return "OPTIONS"
        case 7: return "TRACE"
        case 8: return "PATCH"
        default: return Text.decode(ABI.takeBytes(ABI.i32(4), ABI.i32(8)))
        }
    }

    /// The raw request target, e.g. `/posts/a%20b/?x=1`.
    var pathWithQuery: [UInt8] {
        wasiIncomingRequestPathWithQuery(handle, ABI.returnArea)
        guard ABI.u8(0) == 1 else { return [UInt8(ascii: "/")] }
        return ABI.takeBytes(ABI.i32(4), ABI.i32(8))
    }

    /// All header fields, names lower-cased by the host.
    var headers: [(String, String)] {
        let fields = wasiIncomingRequestHeaders(handle)
        wasiFieldsEntries(fields, ABI.returnArea)
        let entries = ABI.takeFieldList(ABI.i32(0), ABI.i32(4))
        wasiFieldsDrop(fields)
        return entries
    }

    func drop() { wasiIncomingRequestDrop(handle) }
}

/// An HTTP response being sent: status and headers first, then a streamed body.
struct OutgoingResponse {
    let body: Int32
    let stream: OutputStream

    /// Sends status and headers through `outparam` and opens the body stream.
    /// Returns nil when the host refused the headers (then a 500 was sent instead).
    static func start(_ outparam: Int32, status: Int, headers: [(String, String)]) -> OutgoingResponse? {
        guard let fields = makeFields(headers) ?? makeFields([]) else { return nil }
        let response = wasiOutgoingResponseNew(fields)
        if status != 200 { _ = wasiOutgoingResponseSetStatusCode(response, Int32(status)) }  // a new response is 200
        wasiOutgoingResponseBody(response, ABI.returnArea)
        guard ABI.u8(0) == 0 else { return nil }
        let body = ABI.i32(4)
        wasiOutgoingBodyWrite(body, ABI.returnArea)
        guard ABI.u8(0) == 0 else { return nil }
        let stream = ABI.i32(4)
        wasiResponseOutparamSet(outparam, 0, response, 0, 0, 0, 0, 0, 0)
        return OutgoingResponse(body: body, stream: OutputStream(handle: stream))
    }

    /// Flushes (unless the last write did) and closes the body.
    @inline(never)  // eight call sites
    func finish(flushed: Bool = false) {
        if !flushed { _ = stream.flush() }
        stream.drop()
        wasiOutgoingBodyFinish(body, 0, 0, ABI.returnArea)
    }

    /// `fields.from-list`: a list of `tuple<string, list<u8>>`, 16 bytes per entry. The
    /// entries and every name and value go into one allocation: the table, then the bytes.
    static func makeFields(_ headers: [(String, String)]) -> Int32? {
        let tableBytes = headers.count * 16
        var total = tableBytes
        for (name, value) in headers { total += name.utf8.count + value.utf8.count }
        let block = UnsafeMutableRawPointer.allocate(byteCount: max(1, total), alignment: 4)
        defer { block.deallocate() }
        var next = block + tableBytes
        func place(_ text: String, at field: UnsafeMutableRawPointer) {
            var text = text  // `withUTF8` on the static path (``Text/withBytes(_:_:)`` says why)
            let count = text.withUTF8 { utf8 -> Int in
                if let base = utf8.baseAddress { next.copyMemory(from: base, byteCount: utf8.count) }
                return utf8.count
            }
            field.storeBytes(of: Int32(truncatingIfNeeded: Int(bitPattern: next)), as: Int32.self)
            field.storeBytes(of: Int32(count), toByteOffset: 4, as: Int32.self)
            next += count
        }
        for (i, (name, value)) in headers.enumerated() {
            place(name, at: block + i * 16)
            place(value, at: block + i * 16 + 8)
        }
        wasiFieldsFromList(block, Int32(headers.count), ABI.returnArea)
        guard ABI.u8(0) == 0 else { return nil }
        return ABI.i32(4)
    }
}

/// Answers the request with an error before any header went out (`result::err`).
@inline(never)  // a cold path with four call sites
func sendInternalError(_ outparam: Int32, _ message: String) {
    Log.error(message)
    // error-code case 38: internal-error(option<string>) with `none`.
    wasiResponseOutparamSet(outparam, 1, 38, 0, 0, 0, 0, 0, 0)
}

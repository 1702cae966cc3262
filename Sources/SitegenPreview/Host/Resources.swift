import Foundation

/// Everything a guest can hold a handle to. The canonical ABI gives each resource type
/// its own table; one table for all is equivalent for a guest that treats handles as
/// opaque, and lets a wrong-type handle be reported by name.
enum Resource {
    case fields(Fields)
    case incomingRequest(IncomingRequestState)
    case incomingBody(IncomingBody)
    case inputStream(InputStream)
    case outgoingResponse(OutgoingResponse)
    case outgoingBody(OutgoingBody)
    case outputStream(OutputStream)
    case responseOutparam
    case outgoingRequest(OutgoingRequest)
    case requestOptions(RequestOptions)
    case futureIncomingResponse(OutgoingCall)
    case incomingResponse(IncomingResponse)
    case pollable(Pollable)
    case bucket(KeyValueBucket)
    case error(String)

    /// The WIT name of the resource type, for messages.
    var typeName: String {
        switch self {
        case .fields: "fields"
        case .incomingRequest: "incoming-request"
        case .incomingBody: "incoming-body"
        case .inputStream: "input-stream"
        case .outgoingResponse: "outgoing-response"
        case .outgoingBody: "outgoing-body"
        case .outputStream: "output-stream"
        case .responseOutparam: "response-outparam"
        case .outgoingRequest: "outgoing-request"
        case .requestOptions: "request-options"
        case .futureIncomingResponse: "future-incoming-response"
        case .incomingResponse: "incoming-response"
        case .pollable: "pollable"
        case .bucket: "bucket"
        case .error: "error"
        }
    }
}

/// `wasi:http/types.fields`: header fields in order, names lower-cased.
final class Fields {
    var entries: [(name: String, value: [UInt8])]
    /// Headers of a request or response the guest received, or already handed to a
    /// response: `append` answers `immutable`.
    var isImmutable: Bool

    init(_ entries: [(name: String, value: [UInt8])] = [], immutable: Bool = false) {
        self.entries = entries
        self.isImmutable = immutable
    }
}

/// The request the host passed to `handle`.
final class IncomingRequestState {
    let request: GuestRequest
    var consumed = false

    init(_ request: GuestRequest) {
        self.request = request
    }
}

/// A body the guest reads: the request's (buffered by the server before the guest
/// runs) or an outgoing call's response.
final class IncomingBody {
    let bytes: [UInt8]
    var streamTaken = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// `wasi:io/streams.input-stream` over bytes that are all there.
final class InputStream {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// `outgoing-response`: status and headers until it is passed to the outparam.
final class OutgoingResponse {
    var status = 200
    let headers: Fields
    var body: OutgoingBody?

    init(headers: Fields) {
        self.headers = headers
    }
}

/// `outgoing-body` of a response (chunks go to the client) or of an outgoing request
/// (bytes are collected).
final class OutgoingBody {
    enum Destination {
        case response
        case request
    }

    let destination: Destination
    var stream: OutputStream?
    /// An outgoing request's body bytes.
    var collected: [UInt8] = []
    /// A response body's chunks written before the head went out.
    var pending: [[UInt8]] = []
    /// Whether the response head was sent, so chunks go straight to the client.
    var isLive = false
    var finished = false

    init(_ destination: Destination) {
        self.destination = destination
    }
}

/// `output-stream`: the response body, an outgoing request's body, or stderr.
final class OutputStream {
    enum Target {
        case response(OutgoingBody)
        case requestBody(OutgoingBody)
        case stderr
    }

    let target: Target

    init(_ target: Target) {
        self.target = target
    }
}

/// `outgoing-request` being built by the guest.
final class OutgoingRequest {
    let headers: Fields
    var method = "GET"
    var scheme = "http"
    var authority: String?
    var pathWithQuery = "/"
    var body: OutgoingBody?

    init(headers: Fields) {
        self.headers = headers
    }
}

/// `request-options`: timeouts in nanoseconds.
final class RequestOptions {
    var connectTimeout: UInt64?
    var firstByteTimeout: UInt64?
    var betweenBytesTimeout: UInt64?
}

/// `incoming-response` of an outgoing call.
final class IncomingResponse {
    let status: Int
    let headers: [(name: String, value: [UInt8])]
    let body: [UInt8]
    var consumed = false

    init(status: Int, headers: [(name: String, value: [UInt8])], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// `wasi:keyvalue/store.bucket`: an open store.
final class KeyValueBucket {
    let store: KeyValueStore

    init(store: KeyValueStore) {
        self.store = store
    }
}

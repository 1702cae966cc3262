/// An HTTP request as the guest sees it through `wasi:http/types.incoming-request`.
struct GuestRequest: Sendable {
    /// Upper case, e.g. `GET`.
    var method: String
    /// The request target as sent: path and query.
    var target: String
    /// The `Host` header, which WASI calls the authority.
    var authority: String?
    /// Header fields in order; names lower case.
    var headers: [(name: String, value: String)]
    /// The whole body (the server reads it before the guest runs).
    var body: [UInt8] = []

    /// The first value of `name` (lower case).
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}

/// Where the guest's response goes, event by event, from the guest's thread.
///
/// `head` comes once (from `response-outparam.set`), then a `chunk` per guest write
/// (so suspense sections arrive as they resolve), then `end`. After a trap only the
/// events so far have happened; the caller decides what the client gets.
struct GuestResponder: Sendable {
    var head: @Sendable (_ status: Int, _ headers: [(String, String)]) -> Void
    var chunk: @Sendable (_ bytes: [UInt8]) -> Void
    var end: @Sendable () -> Void
    /// The guest trapped after the head went out: the response cannot be completed
    /// (a chunked body then ends without its last chunk, and the connection closes).
    var abort: @Sendable () -> Void
    /// Whether the client went away; the guest's writes then fail with `closed`.
    var isClosed: @Sendable () -> Bool = { false }
}

/// How one `handle` call ended.
enum GuestOutcome: Sendable, Equatable {
    /// The guest returned; `headSent` tells whether it set a response.
    case returned(headSent: Bool)
    /// The guest trapped or a host function refused a call; the instance is unusable.
    case trapped(message: String, headSent: Bool)
}

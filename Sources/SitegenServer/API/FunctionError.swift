import SitegenHTML

/// Why a server function or loader failed. Each case says who is at fault: client
/// errors (4xx) are shown to the client with the field named; server errors (5xx) are
/// logged with an error id, and the client sees only the id.
public struct FunctionError: Error, Sendable {
    /// The HTTP status: 400, 403, 404, 409, 413, 415, 422 for the client; 500, 502, 504 for the server.
    public var status: Int {
        get { storage.status }
        set { unique().status = newValue }
    }
    /// What went wrong, in words for the client (4xx) or the log (5xx).
    public var message: String {
        get { storage.message }
        set { unique().message = newValue }
    }
    /// The request field at fault, for 400s.
    public var field: String? {
        get { storage.field }
        set { unique().field = newValue }
    }

    // One reference instead of three fields: every `throws(FunctionError)` call site moves
    // the error, and a one-word error keeps those paths small in the component.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        var status: Int
        var message: String
        var field: String?
        init(status: Int, message: String, field: String?) {
            self.status = status
            self.message = message
            self.field = field
        }
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(status: storage.status, message: storage.message, field: storage.field)
        }
        return storage
    }

    public init(status: Int, message: String, field: String? = nil) {
        storage = Storage(status: status, message: message, field: field)
    }

    /// Client: a field is missing or has the wrong form.
    public static func badRequest(_ message: String, field: String? = nil) -> FunctionError {
        FunctionError(status: 400, message: message, field: field)
    }

    /// Client: the thing asked for does not exist.
    public static func notFound(_ message: String) -> FunctionError { FunctionError(status: 404, message: message) }

    /// Client: not allowed.
    public static func forbidden(_ message: String) -> FunctionError { FunctionError(status: 403, message: message) }

    /// Server: something the function depends on failed (key-value store, upstream).
    public static func server(_ message: String) -> FunctionError { FunctionError(status: 500, message: message) }

    /// Server: an upstream call failed or timed out.
    public static func upstream(_ message: String) -> FunctionError { FunctionError(status: 502, message: message) }

    var isClientError: Bool { status < 500 }
}

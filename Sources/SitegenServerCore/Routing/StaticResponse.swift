/// What the component should send for a static request: a status, headers in a fixed
/// order, and where the body comes from.
///
/// The router never reads files; ``Body/asset(path:offset:length:)`` tells the backend
/// which bytes to stream, so the same decision logic runs natively in tests and in the
/// wasm component.
public struct StaticResponse: Equatable, Sendable {
    /// Where the body bytes come from.
    public enum Body: Equatable, Sendable {
        /// No body (HEAD, 304, 308).
        case none
        /// `length` bytes of the backend file `path` starting at `offset`; `path` already
        /// names the variant (`style.css.br`) when a coding was chosen.
        case asset(path: String, offset: UInt64, length: UInt64)
        /// A body generated here: the built-in 404 page and error pages.
        case bytes([UInt8])
    }

    /// The status code.
    public var status: UInt16
    /// Header fields with lower-case names, in a deterministic order.
    public var headers: [(String, String)]
    /// The body source.
    public var body: Body

    /// Creates a response.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: Header fields with lower-case names.
    ///   - body: The body source.
    public init(status: UInt16, headers: [(String, String)], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name` (compared ignoring ASCII case), or `nil`.
    /// - Parameter name: A header name, e.g. `content-type`.
    public func header(_ name: String) -> String? {
        for (fieldName, value) in headers where ASCII.equalsIgnoringCase(fieldName, name) {
            return value
        }
        return nil
    }

    /// The header names in order, for checking the order and the absence of fields.
    public var headerNames: [String] { headers.map { $0.0 } }

    // Byte equality rather than String ==, which would link the Unicode normalization
    // tables into the component for no benefit (header values are ASCII).
    public static func == (lhs: StaticResponse, rhs: StaticResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.0.utf8.elementsEqual($1.0.utf8) && $0.1.utf8.elementsEqual($1.1.utf8) }
    }
}

/// The router's decision for one request.
public enum StaticRoute: Equatable, Sendable {
    /// Send this response.
    case response(StaticResponse)
    /// The path is under the reserved `/_sg/` prefix (server functions, streaming
    /// endpoints): not an asset, so the caller hands the request to the next layer.
    case passThrough

    /// The response, or `nil` for ``passThrough``.
    public var response: StaticResponse? {
        if case .response(let response) = self { return response }
        return nil
    }
}

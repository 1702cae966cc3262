import SitegenHTML

/// What a server function answers.
public struct Response {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// For a form post without JavaScript: where to send the browser (303) instead of the body.
    public var redirect: String?

    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], redirect: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.redirect = redirect
    }

    /// A JSON answer.
    public static func json(_ value: Value, status: Int = 200) -> Response {
        Response(status: status, headers: [("content-type", "application/json")], body: Array(JSON.serialize(value).utf8))
    }

    /// An HTML answer (escape what you put in it: use `HTMLEscaping.escape`).
    public static func html(_ markup: String, status: Int = 200) -> Response {
        Response(status: status, headers: [("content-type", "text/html; charset=utf-8")], body: Array(markup.utf8))
    }

    /// A redirect: 303 to `location` (a path on this site).
    public static func redirect(_ location: String) -> Response {
        Response(status: 303, headers: [("location", location)], redirect: location)
    }
}

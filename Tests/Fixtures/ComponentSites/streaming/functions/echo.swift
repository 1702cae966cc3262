// Server functions for the endpoint tests.
import SitegenHTML
import SitegenServer

/// `POST /_sg/fn/echo` with an integer `n` and a `word`: answers them back as JSON,
/// or 400 naming the field that is missing or mistyped.
func echo(_ request: Request) throws(FunctionError) -> Response {
    let n = try request.int("n")
    let word = try request.string("word")
    return .json(["n": .int(n), "word": .string(word)])
}

/// `POST /_sg/fn/thanks`: sends a form post to the thank-you page of its choice.
func thanks(_ request: Request) throws(FunctionError) -> Response {
    .redirect("/one/?thanks=1")
}

/// `POST /_sg/fn/explode`: fails with details that must reach the log, not the client.
func explode(_ request: Request) throws(FunctionError) -> Response {
    throw .server("secret detail 4242 for the log only")
}

/// `POST /_sg/fn/ping`: a public API, callable from any origin.
// sitegen: public
func ping(_ request: Request) throws(FunctionError) -> Response {
    .json(["pong": .bool(true)])
}

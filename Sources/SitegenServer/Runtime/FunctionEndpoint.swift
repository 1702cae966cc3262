import SitegenHTML
import SitegenServerCore

/// `POST /_sg/fn/<name>`: decodes the body, checks the origin, calls the function and
/// answers JSON — or, for a plain HTML form post, a 303 back to the page.
///
/// Errors are typed: 400 (bad input, naming the field), 403 (cross-origin), 404 (no
/// such function), 405, 413 (body over the cap), 415 (content type), 500 with an error
/// id (details to stderr only).
struct FunctionEndpoint {
    let name: String
    let request: RequestInfo
    let outparam: Int32
    let executor: Executor

    func run() {
        FunctionRegistry.shared.ensureRegistered()
        guard Text.equal(request.method, "POST") else {
            return respond(error: 405, "server functions are called with POST", extra: [("allow", "POST")])
        }
        guard let entry = FunctionRegistry.shared.function(named: name) else {
            var known: [String] = []
            for function in FunctionRegistry.shared.functions { known.append(function.name) }
            var message = Text.join("no server function '", name, "'")
            if let near = nearest(name, known) { message = Text.join(message, "; did you mean '", near, "'?") }
            return respond(error: 404, message)
        }
        if !entry.isPublic {
            switch OriginCheck.verdict(authority: request.authority, origin: request.header("origin"), fetchSite: request.header("sec-fetch-site")) {
            case .sameOrigin: break
            case .crossOrigin(let why): return respond(error: 403, Text.join("cross-origin call refused (", why, ")"))
            case .unknown: return respond(error: 403, "the request does not say where it came from (no Origin or Sec-Fetch-Site header)")
            }
        }
        let limit = SiteData.current.maxBodyBytes
        if let length = request.header("content-length").flatMap(Text.integer), length > limit {
            return respond(error: 413, Text.join("the body is larger than ", String(limit), " bytes"))
        }
        let contentType = request.header("content-type") ?? ""
        let kind = BodyKind(contentType)
        if case .unsupported = kind {
            return respond(error: 415, Text.join("unsupported content type '", contentType,
                                                 "'; use application/x-www-form-urlencoded, multipart/form-data or application/json"))
        }
        request.readBody(limit: limit, executor: executor) { result in
            switch result {
            case .failure(let error): self.respond(error: error.status, error.message)
            case .success(let body): self.call(entry, body: body, kind: kind)
            }
        }
    }

    func call(_ entry: FunctionRegistry.Entry, body: [UInt8], kind: BodyKind) {
        var fields = Object()
        do throws(FunctionError) {
            fields = try kind.decode(body)
        } catch {
            return respond(error: 400, error.message)
        }
        let call = Request(method: request.method, path: request.path, headers: request.headers, fields: fields, body: body)
        let wantsHTML = kind.isForm && !(request.header("accept").map { Text.contains($0, "application/json") } ?? false)
        do throws(FunctionError) {
            let response = try entry.function(call)
            if wantsHTML && response.status < 400 {
                let back = response.redirect ?? OriginCheck.sameOriginPath(referer: request.header("referer"), authority: request.authority) ?? "/"
                return send(StaticResponse(status: 303, headers: [("location", back), ("cache-control", "no-store")], body: .none))
            }
            var headers = response.headers
            headers.append(("cache-control", "no-store"))
            send(StaticResponse(status: UInt16(response.status), headers: headers, body: .bytes(response.body)))
        } catch {
            respond(error: error.status, error.message, field: error.field, html: wantsHTML)
        }
    }

    /// A JSON error (or a small HTML page for form posts); server errors get an id and
    /// their details go to stderr only.
    func respond(error status: Int, _ message: String, field: String? = nil, html: Bool = false, extra: [(String, String)] = []) {
        var body = Object()
        var shown = message
        if status >= 500 {
            let id = String(Scheduler.randomUInt64() & 0xFFFF_FFFF_FFFF, radix: 16)
            Log.error(Text.join(Text.join("function '", name, "' failed (error id ", id), "): ", message))
            shown = Text.join("internal error (id ", id, ")")
            body["id"] = .string(id)
        }
        body["error"] = .string(shown)
        if let field { body["field"] = .string(field) }
        var headers = extra + [("cache-control", "no-store")]
        if html {
            headers.append(("content-type", "text/html; charset=utf-8"))
            let page = Text.join("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Error</title><p>", HTMLEscaping.escape(shown),
                                 "</p><p><a href=\"javascript:history.back()\">Go back</a></p></html>")
            return send(StaticResponse(status: UInt16(status), headers: headers, body: .bytes(Array(page.utf8))))
        }
        headers.append(("content-type", "application/json"))
        send(StaticResponse(status: UInt16(status), headers: headers, body: .bytes(Array(JSON.serialize(.object(body)).utf8))))
    }

    func send(_ response: StaticResponse) {
        sendStatic(response, outparam, executor: executor)
    }

    func nearest(_ name: String, _ candidates: [String]) -> String? { NameSuggestion.nearest(to: name, in: candidates) }
}

/// How a function's body is encoded.
enum BodyKind {
    case urlEncoded, multipart(String), json, empty, unsupported

    init(_ contentType: String) {
        switch UTF8Key(FormDecoder.mediaType(contentType)) {
        case "application/x-www-form-urlencoded": self = .urlEncoded
        case "multipart/form-data": self = .multipart(FormDecoder.parameter("boundary", in: contentType) ?? "")
        case "application/json": self = .json
        case "": self = .empty
        default: self = .unsupported
        }
    }

    var isForm: Bool {
        switch self {
        case .urlEncoded, .multipart: return true
        default: return false
        }
    }

    func decode(_ body: [UInt8]) throws(FunctionError) -> Object {
        var object = Object()
        switch self {
        case .urlEncoded, .multipart:
            let fields: [(String, String)]
            do throws(FormError) {
                if case .multipart(let boundary) = self {
                    fields = try FormDecoder.multipart(body, boundary: boundary)
                } else {
                    fields = try FormDecoder.urlEncoded(body)
                }
            } catch {
                throw .badRequest(error.message)
            }
            for (key, value) in fields { object[key] = .string(value) }
        case .json:
            let parsed: Value
            do throws(JSONError) {
                parsed = try JSON.parse(body)
            } catch {
                throw .badRequest(Text.join("the JSON body is malformed: ", error.description))
            }
            guard case .object(let fields) = parsed else {
                throw .badRequest("the JSON body must be an object like {\"slug\": \"hello\"}")
            }
            object = fields
        case .empty:
            if !body.isEmpty { throw .badRequest("the body has no content type") }
        case .unsupported:
            throw FunctionError(status: 415, message: "unsupported content type")
        }
        return object
    }
}

import SitegenHTML
import SitegenServerCore

/// `GET /_sg/island/<loader>?a=<arguments>&s=<signature>`: one island, for pages served
/// as static files (the CDN path). The arguments were signed by the build; a bad
/// signature is a 400, so clients cannot run loaders on inputs the site never rendered.
struct IslandEndpoint {
    let loader: String
    let request: RequestInfo
    let outparam: Int32
    let executor: Executor

    func run() {
        FunctionRegistry.shared.ensureRegistered()
        guard Text.equal(request.method, "GET") || Text.equal(request.method, "HEAD") else {
            return fail(405, "islands are fetched with GET", extra: [("allow", "GET, HEAD")])
        }
        let query = argumentsAndSignature()
        guard let encoded = query.arguments, let signature = query.signature else {
            return fail(400, "missing the island arguments (a) or signature (s)")
        }
        guard IslandSignature.verify(loader: loader, encodedArguments: encoded, signature: signature, keys: SiteData.current.islandKeys) else {
            return fail(400, "the island signature does not match its arguments")
        }
        guard let json = Base64URL.decode(encoded) else { return fail(400, "the island arguments are not base64url") }
        let arguments: Object
        do throws(JSONError) {
            arguments = try JSON.parse(json).objectValue ?? Object()
        } catch {
            return fail(400, "the island arguments are not a JSON object")
        }
        guard let load = FunctionRegistry.shared.loader(named: loader) else { return fail(404, Text.join("no island '", loader, "'")) }
        let section = SuspendedSection(id: 0, loader: loader, arguments: arguments)
        var answered = false
        let timeout = Scheduler.after(milliseconds: SiteData.current.loaderTimeoutMilliseconds) {
            if answered { return }
            answered = true
            Log.error(Text.join("island '", loader, "' timed out"))
            self.sendError(502, section)
        }
        load(arguments) { result in
            if answered { return }
            answered = true
            timeout?.cancel()
            switch result {
            case .success(let value):
                do throws(TemplateError) {
                    self.send(200, try Islands.render(section, data: value))
                } catch {
                    Log.error(Text.join("island '", loader, "' failed to render: ", error.message))
                    self.sendError(500, section)
                }
            case .failure(let error):
                Log.error(Text.join("island '", loader, "' failed: ", error.message))
                self.sendError(error.isClientError ? error.status : 502, section)
            }
        }
    }

    /// `a` and `s` from the query (the last of each if repeated), read as a form body is
    /// (base64url and hex need no decoding, but a client may percent-encode them); none
    /// when the query is malformed.
    func argumentsAndSignature() -> (arguments: String?, signature: String?) {
        let target = request.targetBytes
        guard let mark = target.firstIndex(of: UInt8(ascii: "?")),
              let pairs = try? FormDecoder.urlEncoded(Array(target[(mark + 1)...])) else { return (nil, nil) }
        var arguments: String? = nil, signature: String? = nil
        for (name, value) in pairs {
            if Text.equal(name, "a") { arguments = value } else if Text.equal(name, "s") { signature = value }
        }
        return (arguments, signature)
    }

    /// The section's error view (its island's error block or the default), with the
    /// `x-sitegen-island: error` marker that tells the page's loader script to show it.
    func sendError(_ status: Int, _ section: SuspendedSection) {
        send(status, Islands.renderError(section), extra: [(SuspenseMarkup.errorHeader, "error")])
    }

    func send(_ status: Int, _ html: String, extra: [(String, String)] = []) {
        let headers = [("content-type", "text/html; charset=utf-8"), ("cache-control", "no-store"),
                       ("x-robots-tag", "noindex"), ("x-content-type-options", "nosniff")] + extra
        sendStatic(StaticResponse(status: UInt16(status), headers: headers,
                                  body: Text.equal(request.method, "HEAD") ? .none : .bytes(Array(html.utf8))), outparam, executor: executor)
    }

    func fail(_ status: Int, _ message: String, extra: [(String, String)] = []) {
        let body = Text.join("{\"error\":", JSON.serialize(.string(message)), "}")
        sendStatic(StaticResponse(status: UInt16(status), headers: extra + [("content-type", "application/json"), ("cache-control", "no-store"),
                                                                              ("x-robots-tag", "noindex")],
                                  body: .bytes(Array(body.utf8))), outparam, executor: executor)
    }
}

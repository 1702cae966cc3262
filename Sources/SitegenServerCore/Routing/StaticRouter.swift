/// Decides how to answer a request for a built site's static files: the HTTP semantics
/// of the server component's asset layer, with no I/O.
///
/// ```swift
/// let manifest = AssetManifest(unsafeBytes: embeddedManifest) ?? .empty
/// switch StaticRouter().route(method: "GET", target: "/posts/hello/", headers: fields, manifest: manifest) {
/// case .passThrough: // a /_sg/ endpoint: hand over to the server functions layer
/// case .response(let response): // send status + headers, then stream response.body
/// }
/// ```
///
/// In order, a request is answered with:
/// 1. 431 when a header value exceeds ``maxHeaderValueBytes`` or all fields together
///    exceed ``maxHeaderBytes``;
/// 2. 400 or 414 when the target is refused (see ``RequestTarget``);
/// 3. ``StaticRoute/passThrough`` when the first segment is ``reservedPrefix``, for any
///    method;
/// 4. 405 with `allow: GET, HEAD` for any other method than GET and HEAD;
/// 5. the file: `/` and `/dir/` serve `dir/index.html`, `/file` serves `file`, and `/dir`
///    redirects (308) to `/dir/` with the query kept when only `dir/index.html` exists;
/// 6. 404 with the site's `404.html` (sent as `no-cache`) or a built-in page.
///
/// Serving a file applies, in RFC 9110 order: content negotiation over the precompressed
/// variants (`Accept-Encoding`), `If-None-Match` (304), then a single `Range` (206 or
/// 416). A range is always served from the identity file. `If-Range` is honoured: a
/// strong etag equal to the file's lets the range through; anything else (a date, a weak
/// or different tag) sends the whole file. HEAD gets exactly the GET headers and no body.
public struct StaticRouter: Sendable {
    /// The largest total size of all header fields, counted as `name: value\r\n` lines.
    public var maxHeaderBytes = 16 * 1024
    /// The largest size of one header value.
    public var maxHeaderValueBytes = 8 * 1024
    /// The first path segment reserved for the server functions layer.
    public var reservedPrefix = "_sg"
    /// The site's custom not-found page, served with status 404 when present.
    public var notFoundPage = "404.html"

    /// Creates a router with the default limits, `_sg` and `404.html`.
    public init() {}

    /// Routes a request given as the host delivered it.
    /// - Parameters:
    ///   - method: The method token, case-sensitive (`GET`, `HEAD`, …).
    ///   - target: The raw path with query, e.g. `/a%20b/c?x=1`.
    ///   - headers: The request header fields, names in any case.
    ///   - manifest: The site's asset manifest.
    public func route(method: String, target: String, headers: [(String, String)], manifest: AssetManifest) -> StaticRoute {
        let isHead = ASCII.equals(method, "HEAD")
        if let refused = refusingOversizedHeaders(headers, isHead: isHead) { return .response(refused) }
        let fields = RequestHeaders(fields: headers)
        let parsed: RequestTarget
        do {
            parsed = try RequestTarget(parsing: target)
        } catch {
            return .response(refusing(error, isHead: isHead))
        }
        return route(method: method, target: parsed, fields: fields, manifest: manifest)
    }

    /// The 400 or 414 response for a target ``RequestTarget/init(parsing:)`` refused. For
    /// callers that parse the target once for several decisions (the server component).
    /// - Parameters:
    ///   - error: Why the target was refused.
    ///   - isHead: Whether the request is HEAD (no body).
    public func refusing(_ error: RequestTargetError, isHead: Bool) -> StaticResponse {
        generated(error.status, ErrorPage.badTarget(error), isHead: isHead)
    }

    /// The 431 response when a header value exceeds ``maxHeaderValueBytes`` or all fields
    /// together exceed ``maxHeaderBytes``; nil when the headers are within the limits.
    /// For callers that answer a request without ``route(method:target:headers:manifest:)``
    /// (streamed pages).
    /// - Parameters:
    ///   - headers: The request header fields.
    ///   - isHead: Whether the request is HEAD (no body).
    public func refusingOversizedHeaders(_ headers: [(String, String)], isHead: Bool) -> StaticResponse? {
        guard RequestHeaders(fields: headers).exceeds(maxTotalBytes: maxHeaderBytes, maxValueBytes: maxHeaderValueBytes) else { return nil }
        return generated(431, ErrorPage.headersTooLarge, isHead: isHead)
    }

    /// The manifest path of the page a GET of `target` is answered with when that page is
    /// live (``AssetManifest/Entry/isLive``: streamed by the server, so validators, ranges
    /// and codings do not apply); nil for anything else, including targets ``route`` refuses,
    /// reserves or redirects. Decodes no entry, so a static request pays a lookup only.
    /// - Parameters:
    ///   - target: The raw path with query.
    ///   - manifest: The site's asset manifest.
    public func livePage(target: String, manifest: AssetManifest) -> String? {
        guard let parsed = try? RequestTarget(parsing: target) else { return nil }
        return livePage(target: parsed, manifest: manifest)
    }

    /// ``livePage(target:manifest:)`` for a target already parsed.
    /// - Parameters:
    ///   - target: The parsed target.
    ///   - manifest: The site's asset manifest.
    public func livePage(target: RequestTarget, manifest: AssetManifest) -> String? {
        if let first = target.segments.first, isReserved(first) { return nil }
        let page = target.pagePath
        return manifest.isLive(path: page) ? page : nil
    }

    /// Routes a request whose target was already parsed; header limits are not checked.
    /// - Parameters:
    ///   - method: The method token, case-sensitive.
    ///   - target: The parsed target.
    ///   - headers: The request header fields.
    ///   - manifest: The site's asset manifest.
    public func route(method: String, target: RequestTarget, headers: [(String, String)], manifest: AssetManifest) -> StaticRoute {
        route(method: method, target: target, fields: RequestHeaders(fields: headers), manifest: manifest)
    }

    private func route(method: String, target: RequestTarget, fields: RequestHeaders, manifest: AssetManifest) -> StaticRoute {
        if let first = target.segments.first, isReserved(first) {
            return .passThrough
        }
        let isHead = ASCII.equals(method, "HEAD")
        guard isHead || ASCII.equals(method, "GET") else {
            return .response(generated(405, ErrorPage.methodNotAllowed, isHead: false, extra: ("allow", "GET, HEAD")))
        }
        let response = resolve(target, isGET: !isHead, fields: fields, manifest: manifest)
        return .response(isHead ? StaticResponse(status: response.status, headers: response.headers, body: .none) : response)
    }

    private func resolve(_ target: RequestTarget, isGET: Bool, fields: RequestHeaders, manifest: AssetManifest) -> StaticResponse {
        if target.hasTrailingSlash {
            if let entry = manifest.entry(forPath: target.pagePath) { return serve(entry, isGET: isGET, fields: fields) }
            return notFound(fields: fields, manifest: manifest)
        }
        let path = target.path
        if let entry = manifest.entry(forPath: path) { return serve(entry, isGET: isGET, fields: fields) }
        if manifest.contains(path: ASCII.join(path, "/index.html")) {
            var location = ASCII.join(target.encodedPath, "/")
            if let query = target.encodedQuery { location = ASCII.join(location, "?", query) }
            return StaticResponse(status: 308, headers: [("location", location), ("content-length", "0")], body: .none)
        }
        return notFound(fields: fields, manifest: manifest)
    }

    /// Whether a first path segment is ``reservedPrefix``.
    private func isReserved(_ segment: String) -> Bool {
        ASCII.equals(segment, reservedPrefix)
    }

    /// A generated HTML page with no-cache headers and `extra` (`allow` for a 405,
    /// `content-range` for a 416); the body is dropped for HEAD.
    func generated(_ status: UInt16, _ page: [UInt8], isHead: Bool, extra: (String, String)? = nil) -> StaticResponse {
        var headers = [("content-type", "text/html; charset=utf-8"), ("content-length", String(page.count))]
        if let extra { headers.append(extra) }
        headers += [("cache-control", "no-cache"), ("x-content-type-options", "nosniff")]
        return StaticResponse(status: status, headers: headers, body: isHead ? .none : .bytes(page))
    }
}

extension StaticRouter {
    /// The `Cache-Control` value for an asset: fingerprinted files forever, pages
    /// revalidated on every use, everything else for an hour.
    static func cacheControl(for entry: AssetManifest.Entry) -> String {
        if entry.isImmutable { return "public, max-age=31536000, immutable" }
        if entry.isHTML { return "no-cache" }
        return "public, max-age=3600"
    }

    /// Answers a GET or HEAD for an existing asset: 200, 206, 304 or 416.
    func serve(_ entry: AssetManifest.Entry, isGET: Bool, fields: RequestHeaders) -> StaticResponse {
        respond(with: entry, status: 200, isGET: isGET, fields: fields)
    }

    /// 404: the site's own page (negotiated like any asset, but without validators or
    /// ranges, and `no-cache` so a page added later shows up), or the built-in one.
    func notFound(fields: RequestHeaders, manifest: AssetManifest) -> StaticResponse {
        guard let page = manifest.entry(forPath: notFoundPage) else {
            return generated(404, ErrorPage.notFound, isHead: false)
        }
        return respond(with: page, status: 404, isGET: false, fields: fields)
    }

    /// The response with a file: for status 200, the asset requested (200, 206, 304 or
    /// 416); for 404, the not-found page, which has no validators or ranges. One function
    /// builds both header lists, in the same order.
    private func respond(with entry: AssetManifest.Entry, status: UInt16, isGET: Bool, fields: RequestHeaders) -> StaticResponse {
        let isAsset = status == 200
        // Range only applies to GET (RFC 9110 section 14.2), and only when If-Range,
        // if present, names the identity representation with a strong etag.
        var range: ByteRange? = nil
        if isAsset, isGET, let value = fields.value("range"), case .single(let single)? = RangeRequest.parse(value) {
            let ifRangeHolds = fields.value("if-range").map { EntityTag.ifRangeHeader($0, matches: Array(entry.etag.utf8)) } ?? true
            if ifRangeHolds { range = single }
        }
        let coding: ContentCoding = range != nil ? .identity : negotiatedCoding(for: entry, fields: fields)
        // If-None-Match before Range (RFC 9110 section 13.2.2): a 304 wins over a 206 or 416.
        let notModified = isAsset && (fields.value("if-none-match").map {
            EntityTag.noneMatchHeader($0, matches: Array(ASCII.join(entry.etag, coding.etagSuffix).utf8))
        } ?? false)
        var offset: UInt64 = 0, length = size(of: entry, coding: coding)
        if let range, !notModified {
            guard let resolved = range.resolve(size: entry.size) else {
                return generated(416, ErrorPage.rangeNotSatisfiable(size: entry.size), isHead: false,
                                 extra: ("content-range", ASCII.join("bytes */", String(entry.size))))
            }
            (offset, length) = resolved
        }

        // One list for 200, 206 and 304, in this order; a 304 has only the validators
        // (RFC 9110 section 15.4.5). Appended into room for all of them: the most common
        // response of the server component allocates its header list once.
        var headers: [(String, String)] = []
        headers.reserveCapacity(8)
        if !notModified {
            headers.append(("content-type", MIMETypes.headerValue(for: entry.contentType)))
            if let token = coding.token { headers.append(("content-encoding", token)) }
            headers.append(("content-length", String(length)))
            if range != nil {
                headers.append(("content-range", "bytes \(offset)-\(offset + length - 1)/\(entry.size)"))
            }
        }
        if isAsset { headers.append(("etag", ASCII.join("\"", entry.etag, coding.etagSuffix, "\""))) }
        headers.append(("cache-control", isAsset ? Self.cacheControl(for: entry) : "no-cache"))
        if isAsset && !notModified { headers.append(("accept-ranges", "bytes")) }
        if entry.hasVariants { headers.append(("vary", "accept-encoding")) }
        if notModified { return StaticResponse(status: 304, headers: headers, body: .none) }
        headers.append(("x-content-type-options", "nosniff"))
        return StaticResponse(status: range != nil ? 206 : status, headers: headers,
                              body: .asset(path: variantPath(entry, coding), offset: offset, length: length))
    }

    /// Where the body in `coding` lives: the file itself, or its `.gz` / `.br` variant.
    private func variantPath(_ entry: AssetManifest.Entry, _ coding: ContentCoding) -> String {
        coding == .identity ? entry.path : ASCII.join(entry.path, coding.pathSuffix)
    }

    private func negotiatedCoding(for entry: AssetManifest.Entry, fields: RequestHeaders) -> ContentCoding {
        ContentCoding.negotiate(
            acceptEncoding: fields.value("accept-encoding"),
            gzipAvailable: entry.gzipSize != nil, brotliAvailable: entry.brotliSize != nil)
    }

    private func size(of entry: AssetManifest.Entry, coding: ContentCoding) -> UInt64 {
        switch coding {
        case .identity: return entry.size
        case .gzip: return entry.gzipSize ?? entry.size
        case .brotli: return entry.brotliSize ?? entry.size
        }
    }
}

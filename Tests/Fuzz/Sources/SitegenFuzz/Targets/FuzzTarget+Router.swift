import SitegenServerCore

extension FuzzTarget {
    /// The request-target parser and URL decoder.
    ///
    /// Properties: never crashes; an accepted target has no `.`/`..` segment and no
    /// segment holding `/`, `\`, NUL or a control character; its ``RequestTarget/encodedPath``
    /// parses back to the same segments.
    public static let requestTarget = FuzzTarget(
        name: "request-target", summary: "request-target parsing and percent-decoding",
        seeds: targetSeeds, tokens: routerTokens, maxLength: 9000
    ) { input in
        guard let target = try? RequestTarget(parsing: String(decoding: input, as: UTF8.self)) else { return nil }
        for segment in target.segments {
            if segment == "." || segment == ".." || segment.isEmpty { return "accepted segment '\(segment)'" }
            if segment.utf8.contains(where: { $0 == 0x2F || $0 == 0x5C || $0 < 0x20 || $0 == 0x7F }) {
                return "accepted a segment with a separator or control byte: \(FuzzRunner.printable(Array(segment.utf8)))"
            }
        }
        // Encoding can make a long path longer than the limit; that one is then refused (414).
        if target.encodedPath.utf8.count > RequestTarget.maxPathLength { return nil }
        guard let again = try? RequestTarget(parsing: target.encodedPath) else {
            return "encodedPath '\(target.encodedPath)' does not parse"
        }
        if again.segments != target.segments || again.hasTrailingSlash != target.hasTrailingSlash {
            return "encodedPath '\(target.encodedPath)' parses to other segments"
        }
        return nil
    }

    /// The static router: limits, target refusal, method handling, index and redirect
    /// resolution, content negotiation, conditional and range requests.
    ///
    /// The input is `METHOD TARGET` on the first line and `name: value` header lines.
    /// Properties: never crashes; the status is one the router documents (never 5xx);
    /// no header holds CR, LF or NUL; a redirect's `location` is a same-site path (`/x`,
    /// never `//host` or `/\host`); a body is a range inside a file (or variant) of the
    /// manifest.
    public static let router = FuzzTarget(
        name: "router", summary: "static router: target, method, headers, ranges, conditional requests",
        seeds: routerSeeds, tokens: routerTokens, maxLength: 20_000
    ) { input in
        var lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        let requestLine = lines.isEmpty ? [] : lines.removeFirst()
        let space = requestLine.firstIndex(of: 0x20) ?? requestLine.endIndex
        let method = String(decoding: requestLine[..<space], as: UTF8.self)
        let target = String(decoding: requestLine[space...].dropFirst(), as: UTF8.self)
        var headers: [(String, String)] = []
        for line in lines {
            let colon = line.firstIndex(of: 0x3A) ?? line.endIndex
            headers.append((String(decoding: line[..<colon], as: UTF8.self),
                            String(decoding: line[colon...].dropFirst().drop { $0 == 0x20 }, as: UTF8.self)))
        }
        let route = StaticRouter().route(method: method, target: target, headers: headers, manifest: fuzzManifest)
        guard let response = route.response else { return nil }
        return checkResponse(response)
    }

    static func checkResponse(_ response: StaticResponse) -> String? {
        guard [200, 206, 304, 308, 400, 404, 405, 414, 416, 431].contains(response.status) else {
            return "unexpected status \(response.status)"
        }
        for (name, value) in response.headers where (name + value).utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
            return "header '\(name)' holds a line break or NUL: \(FuzzRunner.printable(Array(value.utf8)))"
        }
        if response.status == 308 {
            let location = Array((response.header("location") ?? "").utf8)
            if location.first != 0x2F || location.count > 1 && (location[1] == 0x2F || location[1] == 0x5C) {
                return "redirect to '\(String(decoding: location, as: UTF8.self))' leaves the site"
            }
        }
        if case .asset(let path, let offset, let length) = response.body {
            let size = fuzzManifestEntries.lazy.compactMap { entry -> UInt64? in
                if path == entry.path { return entry.size }
                if path == entry.path + ".br" { return entry.brotliSize }
                if path == entry.path + ".gz" { return entry.gzipSize }
                return nil
            }.first
            guard let size else { return "serves '\(path)', which is not in the manifest" }
            if offset > size || length > size - offset { return "serves bytes \(offset)+\(length) of a \(size)-byte file" }
        }
        return nil
    }

    static let fuzzManifestEntries: [AssetManifest.Entry] = [
        .init(path: "index.html", size: 1000, contentType: "text/html", etag: "00000000000000a1", gzipSize: 400, brotliSize: 300),
        .init(path: "posts/hello/index.html", size: 2000, contentType: "text/html", etag: "00000000000000a2"),
        .init(path: "style.3f2a9c1b.css", size: 812, contentType: "text/css", etag: "3f2a9c1b00000000",
              isImmutable: true, gzipSize: 300, brotliSize: 250),
        .init(path: "logo.png", size: 10000, contentType: "image/png", etag: "00000000000000a5"),
        .init(path: "empty.txt", size: 0, contentType: "text/plain", etag: "00000000000000a6"),
        .init(path: "docs/index.html", size: 300, contentType: "text/html", etag: "00000000000000a7"),
        .init(path: "a b/index.html", size: 30, contentType: "text/html", etag: "00000000000000a8"),
        .init(path: "über/notes.txt", size: 12, contentType: "text/plain", etag: "00000000000000a9"),
        .init(path: "404.html", size: 500, contentType: "text/html", etag: "00000000000000b0", brotliSize: 200),
    ]

    static let fuzzManifest: AssetManifest = {
        guard let bytes = try? AssetManifest.Builder(fuzzManifestEntries).build(), let manifest = AssetManifest(bytes: bytes) else {
            preconditionFailure("the fuzz manifest must build")
        }
        return manifest
    }()

    static let targetSeeds = utf8Bytes([
        "/", "/index.html", "/posts/hello/", "/posts/hello", "/docs?x=1&y=%20", "/a%20b/", "/%C3%BCber/notes.txt",
        "/style.3f2a9c1b.css?v=1", "/../etc/passwd", "/%2e%2e/%2E%2e/etc/passwd", "/a/%2F/b", "/a\\b", "/%5c..%5c",
        "//evil.example/", "/a//b///c/", "/%00", "/%C0%AE%C0%AE/", "/%E2%80%AE", "/_sg/fn/comment", "/?",
    ])

    static let routerSeeds = utf8Bytes([
        "GET /\naccept-encoding: br, gzip;q=0.5",
        "HEAD /posts/hello/\nif-none-match: \"00000000000000a2\", W/\"x\"",
        "GET /logo.png\nrange: bytes=0-99,200-\nif-range: \"00000000000000a5\"",
        "GET /logo.png\nrange: bytes=-500",
        "GET /style.3f2a9c1b.css\naccept-encoding: gzip;q=1.0, br;q=0, *;q=0.1\nif-none-match: *",
        "GET /docs?ref=a%20b\nhost: example.com",
        "POST /index.html\ncontent-type: text/plain",
        "GET /a%20b\nreferer: http://x/\r\nx: y",
        "GET /missing\naccept: text/html",
        "DELETE /_sg/fn/x\norigin: https://evil.example",
        "GET /empty.txt\nrange: bytes=0-0",
        "GET /%C3%BCber/notes.txt\nrange: bytes=5-4",
    ])

    static let routerTokens = utf8Bytes([
        "/", "//", "..", ".", "%2e", "%2E%2e", "%2f", "%2F", "%5c", "%00", "%", "%C0%AF", "%C3%A9", "%FF", "%E2%80%AE", "\\",
        "?", "#", "&", "=", " ", "\t", "\r", "\n", "\r\n", "GET ", "HEAD ", "POST ", "get ", "index.html", "docs", "posts",
        "hello", "logo.png", "_sg", "404.html", "range: bytes=", "bytes=", "-", ",", "0", "9", "18446744073709551615",
        "18446744073709551616", "if-none-match: ", "if-range: ", "accept-encoding: ", "br", "gzip", ";q=", "0.5", "1.0001",
        "*", "W/", "\"00000000000000a5\"", "\"", "host: ", "x-long: " + String(repeating: "a", count: 1000), "é", "\u{0}",
    ])
}

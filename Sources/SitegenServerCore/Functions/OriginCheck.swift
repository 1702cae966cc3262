/// CSRF protection for server functions: a state-changing request must come from the
/// site's own pages.
///
/// Browsers send `Sec-Fetch-Site` on every request (`same-origin`, `same-site`,
/// `cross-site`, `none`) and `Origin` on POSTs; either proves where a request came from.
/// A request is accepted when `Sec-Fetch-Site` is `same-origin` or `none` (typed by the
/// user), or when `Origin`'s host equals the request's host. Requests with neither header
/// (curl, server-to-server) are accepted only by public functions.
public enum OriginCheck {
    public enum Verdict: Equatable, Sendable {
        case sameOrigin
        case crossOrigin(String)
        case unknown
    }

    /// - Parameters:
    ///   - authority: the request's `host[:port]`.
    ///   - origin: the `Origin` header, if any.
    ///   - fetchSite: the `Sec-Fetch-Site` header, if any.
    public static func verdict(authority: String?, origin: String?, fetchSite: String?) -> Verdict {
        if let fetchSite {
            if ASCII.equalsIgnoringCase(fetchSite, "same-origin") || ASCII.equalsIgnoringCase(fetchSite, "none") {
                return .sameOrigin
            }
            return .crossOrigin(ASCII.join("Sec-Fetch-Site: ", fetchSite))
        }
        guard let origin else { return .unknown }
        if ASCII.equals(origin, "null") { return .crossOrigin("Origin: null") }
        guard let authority, let host = hostOf(origin) else { return .crossOrigin(ASCII.join("Origin: ", origin)) }
        return ASCII.equalsIgnoringCase(host, authority) ? .sameOrigin : .crossOrigin(ASCII.join("Origin: ", origin))
    }

    /// `https://example.org:8443/x` → `example.org:8443`.
    public static func hostOf(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let scheme = FormDecoder.find(Array("://".utf8), in: bytes, from: 0) else { return nil }
        var end = scheme + 3
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
        let host = bytes[(scheme + 3)..<end]
        return host.isEmpty ? nil : ASCII.decode(host)
    }

    /// The path of a same-origin `Referer`, to send a form post back where it came from;
    /// nil for other origins (never redirect off-site), paths starting with `//` (which a
    /// browser reads as another host) or odd values.
    public static func sameOriginPath(referer: String?, authority: String?) -> String? {
        guard let referer, let authority, let host = hostOf(referer), ASCII.equalsIgnoringCase(host, authority) else { return nil }
        let bytes = Array(referer.utf8)
        guard let scheme = FormDecoder.find(Array("://".utf8), in: bytes, from: 0) else { return nil }
        var start = scheme + 3
        while start < bytes.count, bytes[start] != UInt8(ascii: "/") { start += 1 }
        guard start < bytes.count else { return "/" }
        let path = bytes[start...]
        // `//evil.example/` is a protocol-relative URL: a Location of another site.
        if path.count >= 2, path[start + 1] == UInt8(ascii: "/") { return nil }
        // No control characters or backslashes in a Location header.
        for b in path where b < 0x20 || b == 0x7F || b == UInt8(ascii: "\\") { return nil }
        return ASCII.decode(path)
    }
}

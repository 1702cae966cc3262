import Testing

@testable import SitegenServerCore

@Suite("StaticRouter: Accept-Encoding negotiation")
struct ContentEncodingTests {
    /// (Accept-Encoding, chosen coding) with both variants available.
    static let bothAvailable: [(String?, ContentCoding)] = [
        (nil, .identity),
        ("", .identity),
        ("gzip", .gzip),
        ("br", .brotli),
        ("gzip, deflate, br", .brotli),
        ("gzip, deflate, br, zstd", .brotli),
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", .brotli),
        ("gzip;q=1, br;q=0.5", .gzip),
        ("gzip;q=0.5, br;q=0.5", .brotli),
        ("br;q=0, gzip", .gzip),
        ("br;q=0, gzip;q=0", .identity),
        ("*", .brotli),
        ("*;q=0", .identity),
        ("*;q=0.5, br;q=0", .gzip),
        ("identity", .identity),
        ("identity, gzip;q=0.5", .identity),
        ("identity;q=0.4, gzip;q=0.5", .gzip),
        ("identity;q=0", .identity),  // nothing acceptable: identity anyway
        ("gzip;q=0.5", .gzip),  // unlisted identity is only the fallback
        ("x-gzip", .gzip),
        ("GZIP, BR", .brotli),
        ("br ; q=0.9 , gzip ; Q=1", .gzip),
        ("deflate, compress", .identity),
        ("br;q=2, gzip", .gzip),  // malformed q: element ignored
        ("br;q=abc, gzip", .gzip),
        ("br;q=0.1234, gzip;q=0.1", .gzip),
        ("br;q=1.001, gzip;q=0.1", .gzip),
        ("br;level=5", .brotli),
        (",, br ,", .brotli),
        ("br;q=0.001", .brotli),
        ("br;q=0.", .identity),
        ("br;q=1.", .brotli),
    ]

    @Test(arguments: bothAvailable)
    func negotiation(_ acceptEncoding: String?, _ expected: ContentCoding) {
        let header = acceptEncoding.map { Array($0.utf8) }
        #expect(ContentCoding.negotiate(acceptEncoding: header, gzipAvailable: true, brotliAvailable: true) == expected)
    }

    @Test func onlyAvailableVariantsAreChosen() {
        let gzipOnly = ContentCoding.negotiate(acceptEncoding: Array("br, gzip".utf8), gzipAvailable: true, brotliAvailable: false)
        #expect(gzipOnly == .gzip)
        let brOnly = ContentCoding.negotiate(acceptEncoding: Array("gzip".utf8), gzipAvailable: false, brotliAvailable: true)
        #expect(brOnly == .identity)
        let none = ContentCoding.negotiate(acceptEncoding: Array("br, gzip".utf8), gzipAvailable: false, brotliAvailable: false)
        #expect(none == .identity)
    }

    @Test func brotliResponseHeadersAndBody() {
        let response = request("/style.3f2a9c1b.css", headers: [("Accept-Encoding", "gzip, deflate, br")])
        #expect(response.status == 200)
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "content-type: text/css; charset=utf-8",
            "content-encoding: br",
            "content-length: 250",
            "etag: \"3f2a9c1b00000000-br\"",
            "cache-control: public, max-age=31536000, immutable",
            "accept-ranges: bytes",
            "vary: accept-encoding",
            "x-content-type-options: nosniff",
        ])
        #expect(response.body == .asset(path: "style.3f2a9c1b.css.br", offset: 0, length: 250))
    }

    @Test func gzipResponse() {
        let response = request("/app.js", headers: [("accept-encoding", "gzip, br")])
        #expect(response.header("content-encoding") == "gzip")
        #expect(response.header("content-length") == "2000")
        #expect(response.header("etag") == "\"00000000000000a4-gz\"")
        #expect(response.body == .asset(path: "app.js.gz", offset: 0, length: 2000))
    }

    @Test func identityWhenTheClientAsksForNothing() {
        let response = request("/app.js")
        #expect(response.header("content-encoding") == nil)
        #expect(response.header("vary") == "accept-encoding")
        #expect(response.body == .asset(path: "app.js", offset: 0, length: 5000))
    }

    @Test func filesWithoutVariantsIgnoreTheHeader() {
        let response = request("/logo.png", headers: [("accept-encoding", "br, gzip")])
        #expect(response.header("content-encoding") == nil)
        #expect(response.header("vary") == nil)
        #expect(response.body == .asset(path: "logo.png", offset: 0, length: 10000))
    }

    @Test func headReportsTheVariantLength() {
        let response = request("/", method: "HEAD", headers: [("accept-encoding", "gzip")])
        #expect(response.header("content-encoding") == "gzip")
        #expect(response.header("content-length") == "400")
        #expect(response.body == .none)
    }

    @Test(arguments: [("0", 0), ("0.5", 500), ("0.05", 50), ("0.123", 123), ("1", 1000), ("1.000", 1000), ("0.", 0)])
    func qValues(_ text: String, _ thousandths: Int) {
        #expect(ContentCoding.parseQValue(Array(text.utf8)[...]) == thousandths)
    }

    @Test(arguments: ["", "2", "1.5", "0.1234", "-1", ".5", "0,5", "1.0001", "abc"])
    func invalidQValues(_ text: String) {
        #expect(ContentCoding.parseQValue(Array(text.utf8)[...]) == nil)
    }
}

import Testing

@testable import SitegenServerCore

@Suite("StaticRouter: Range requests")
struct RangeRequestTests {
    /// (Range value, expected status, expected (offset, length) or nil) for logo.png, 10,000 bytes.
    static let cases: [(String, UInt16, UInt64?, UInt64?)] = [
        ("bytes=0-0", 206, 0, 1),
        ("bytes=0-9", 206, 0, 10),
        ("bytes=100-199", 206, 100, 100),
        ("bytes=9999-9999", 206, 9999, 1),
        ("bytes=9990-20000", 206, 9990, 10),  // last beyond size is clamped
        ("bytes=5000-", 206, 5000, 5000),
        ("bytes=0-", 206, 0, 10000),
        ("bytes=-1", 206, 9999, 1),
        ("bytes=-500", 206, 9500, 500),
        ("bytes=-20000", 206, 0, 10000),  // suffix longer than the file is the whole file
        ("BYTES=0-9", 206, 0, 10),
        ("bytes = 0-9", 206, 0, 10),
        ("bytes=0-9 ", 206, 0, 10),
        ("bytes=0-18446744073709551615", 206, 0, 10000),
        ("bytes=10000-", 416, nil, nil),
        ("bytes=10000-10005", 416, nil, nil),
        ("bytes=-0", 416, nil, nil),
        ("bytes=99999999999-", 416, nil, nil),
        ("bytes=5-2", 200, nil, nil),  // invalid: ignored
        ("bytes=a-b", 200, nil, nil),
        ("bytes=-", 200, nil, nil),
        ("bytes=1", 200, nil, nil),
        ("bytes=", 200, nil, nil),
        ("bytes=0-1-2", 200, nil, nil),
        ("bytes=+1-2", 200, nil, nil),
        ("bytes=0x1-2", 200, nil, nil),
        ("bytes=0-18446744073709551616", 200, nil, nil),  // overflow
        ("items=0-9", 200, nil, nil),
        ("0-9", 200, nil, nil),
        ("bytes=0-1,5-6", 200, nil, nil),  // several ranges: the whole file
        ("bytes=0-1, -5", 200, nil, nil),
        ("bytes=0-1,x", 200, nil, nil),
    ]

    @Test(arguments: cases)
    func rangesOnAFile(_ range: String, _ status: UInt16, _ offset: UInt64?, _ length: UInt64?) {
        let response = request("/logo.png", headers: [("range", range)])
        #expect(response.status == status)
        switch status {
        case 206:
            let offset = offset!, length = length!
            #expect(response.body == .asset(path: "logo.png", offset: offset, length: length))
            #expect(response.header("content-length") == String(length))
            #expect(response.header("content-range") == "bytes \(offset)-\(offset + length - 1)/10000")
        case 416:
            #expect(response.header("content-range") == "bytes */10000")
            #expect(response.text?.contains("10000 bytes") == true)
        default:
            #expect(response.body == .asset(path: "logo.png", offset: 0, length: 10000))
            #expect(response.header("content-range") == nil)
        }
    }

    @Test func partialContentHeadersInOrder() {
        let response = request("/style.3f2a9c1b.css", headers: [("range", "bytes=10-19")])
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "content-type: text/css; charset=utf-8",
            "content-length: 10",
            "content-range: bytes 10-19/812",
            "etag: \"3f2a9c1b00000000\"",
            "cache-control: public, max-age=31536000, immutable",
            "accept-ranges: bytes",
            "vary: accept-encoding",
            "x-content-type-options: nosniff",
        ])
    }

    @Test func notSatisfiableHeadersInOrder() {
        let response = request("/logo.png", headers: [("range", "bytes=20000-")])
        #expect(response.headerNames == ["content-type", "content-length", "content-range", "cache-control", "x-content-type-options"])
    }

    @Test(arguments: ["bytes=0-0", "bytes=0-", "bytes=-1", "bytes=-0"])
    func everyRangeOfAnEmptyFileIsUnsatisfiable(_ range: String) {
        let response = request("/empty.txt", headers: [("range", range)])
        #expect(response.status == 416)
        #expect(response.header("content-range") == "bytes */0")
    }

    @Test func rangesAreServedFromTheIdentityFile() {
        let response = request("/", headers: [("accept-encoding", "br, gzip"), ("range", "bytes=0-99")])
        #expect(response.status == 206)
        #expect(response.header("content-encoding") == nil)
        #expect(response.header("etag") == "\"00000000000000a1\"")
        #expect(response.body == .asset(path: "index.html", offset: 0, length: 100))
        // An ignored range leaves negotiation alone.
        let ignored = request("/", headers: [("accept-encoding", "br"), ("range", "bytes=0-1,4-5")])
        #expect(ignored.status == 200)
        #expect(ignored.header("content-encoding") == "br")
    }

    @Test func headIgnoresRange() {
        let response = request("/logo.png", method: "HEAD", headers: [("range", "bytes=0-9")])
        #expect(response.status == 200)
        #expect(response.header("content-length") == "10000")
        #expect(request("/logo.png", method: "HEAD", headers: [("range", "bytes=99999-")]).status == 200)
    }

    @Test func rangeOnARedirectOrMissingPageIsIgnored() {
        #expect(request("/posts/hello", headers: [("range", "bytes=0-1")]).status == 308)
        #expect(request("/missing", headers: [("range", "bytes=0-1")]).status == 404)
    }

    @Test func sizesBeyond32Bits() {
        let manifest = SiteFixture.makeManifest([.init(path: "big.bin", size: 6_000_000_000, contentType: "application/octet-stream", etag: "e")])
        let response = request("/big.bin", headers: [("range", "bytes=5000000000-")], manifest: manifest)
        #expect(response.status == 206)
        #expect(response.body == .asset(path: "big.bin", offset: 5_000_000_000, length: 1_000_000_000))
        #expect(response.header("content-range") == "bytes 5000000000-5999999999/6000000000")
        #expect(request("/big.bin", manifest: manifest).header("content-length") == "6000000000")
    }

    @Test func parserResults() {
        #expect(RangeRequest.parse(Array("bytes=1-2".utf8)) == .single(.bounded(first: 1, last: 2)))
        #expect(RangeRequest.parse(Array("bytes=7-".utf8)) == .single(.from(first: 7)))
        #expect(RangeRequest.parse(Array("bytes=-7".utf8)) == .single(.suffix(length: 7)))
        #expect(RangeRequest.parse(Array("bytes=1-2,3-4".utf8)) == .multiple)
        #expect(RangeRequest.parse(Array("bytes=2-1".utf8)) == nil)
        #expect(ByteRange.bounded(first: 0, last: 0).resolve(size: 1).map { [$0.offset, $0.length] } == [0, 1])
        #expect(ByteRange.suffix(length: 0).resolve(size: 10) == nil)
    }
}

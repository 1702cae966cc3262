import SitegenServerCore
import Testing

@Suite struct FormDecoderTests {
    @Test func urlEncodedFields() throws {
        let fields = try FormDecoder.urlEncoded(Array("slug=hello-world&name=Ada+Lovelace&text=caf%C3%A9+%26+more&empty=".utf8))
        #expect(fields.map(\.0) == ["slug", "name", "text", "empty"])
        #expect(fields.map(\.1) == ["hello-world", "Ada Lovelace", "café & more", ""])
    }

    @Test(arguments: [
        ("a=%zz", "a form field has an invalid percent escape"),
        ("a=%4", "a form field has an invalid percent escape"),
        ("a=%ff", "a form field is not valid UTF-8"),
        ("=x", "a form field has an empty name"),
    ])
    func malformedURLEncodedBodies(body: String, message: String) {
        #expect(throws: FormError(message)) { try FormDecoder.urlEncoded(Array(body.utf8)) }
    }

    @Test func multipartTextFieldsAndSkippedFiles() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"slug\"\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nignored\r\n"
            + "--XyZ\r\ncontent-disposition: form-data; name=\"text\"\r\n\r\nline one\r\nline two\r\n--XyZ--\r\n"
        let fields = try FormDecoder.multipart(Array(body.utf8), boundary: "XyZ")
        #expect(fields.map(\.0) == ["slug", "text"])
        #expect(fields.map(\.1) == ["hello", "line one\r\nline two"])
    }

    @Test(arguments: [
        ("no boundary here", "the multipart body does not contain its boundary"),
        ("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "a multipart part is not terminated by its boundary"),
        ("--XyZ\r\nContent-Disposition: form-data; name=\"a\"", "a multipart part has no end of headers"),
        ("--XyZjunk", "a multipart boundary is not followed by a line break"),
    ])
    func malformedMultipartBodies(body: String, message: String) {
        #expect(throws: FormError(message)) { try FormDecoder.multipart(Array(body.utf8), boundary: "XyZ") }
    }

    @Test(arguments: [
        ("application/json", "application/json"),
        ("  Multipart/Form-Data; boundary=XyZ", "multipart/form-data"),
        ("APPLICATION/X-WWW-FORM-URLENCODED ;charset=UTF-8", "application/x-www-form-urlencoded"),
        ("text/plain;", "text/plain"),
        (";charset=utf-8", ""),
        ("", ""),
    ])
    func mediaTypeIsTheLowerCasedTypeWithoutParameters(contentType: String, type: String) {
        #expect(FormDecoder.mediaType(contentType) == type)
    }

    @Test func randomBodiesNeverTrap() {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let pieces: [[UInt8]] = ["--B", "\r\n", "=", "&", "%", "%4", "%C3%A9", "name=\"x\"", "Content-Disposition: form-data; ", "\"", "--", "a", "é"].map { Array($0.utf8) }
        for _ in 0..<3000 {
            var body: [UInt8] = []
            for _ in 0..<Int(next() % 20) { body += pieces[Int(next() % UInt64(pieces.count))] }
            _ = try? FormDecoder.urlEncoded(body)
            _ = try? FormDecoder.multipart(body, boundary: "B")
        }
    }
}

@Suite struct OriginCheckTests {
    @Test func fetchMetadataDecides() {
        #expect(OriginCheck.verdict(authority: "a.test", origin: "https://evil.test", fetchSite: "same-origin") == .sameOrigin)
        #expect(OriginCheck.verdict(authority: "a.test", origin: nil, fetchSite: "none") == .sameOrigin)
        #expect(OriginCheck.verdict(authority: "a.test", origin: nil, fetchSite: "cross-site") == .crossOrigin("Sec-Fetch-Site: cross-site"))
        #expect(OriginCheck.verdict(authority: "a.test", origin: nil, fetchSite: "same-site") == .crossOrigin("Sec-Fetch-Site: same-site"))
    }

    @Test func originMustMatchTheHost() {
        #expect(OriginCheck.verdict(authority: "127.0.0.1:8080", origin: "http://127.0.0.1:8080", fetchSite: nil) == .sameOrigin)
        #expect(OriginCheck.verdict(authority: "127.0.0.1:8080", origin: "http://127.0.0.1:9999", fetchSite: nil) == .crossOrigin("Origin: http://127.0.0.1:9999"))
        #expect(OriginCheck.verdict(authority: "a.test", origin: "null", fetchSite: nil) == .crossOrigin("Origin: null"))
        #expect(OriginCheck.verdict(authority: "a.test", origin: nil, fetchSite: nil) == .unknown)
    }

    @Test func refererRedirectsStayOnTheSite() {
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test/posts/x/?y=1", authority: "a.test") == "/posts/x/?y=1")
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test", authority: "a.test") == "/")
        #expect(OriginCheck.sameOriginPath(referer: "http://evil.test/posts/x/", authority: "a.test") == nil)
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test/x\r\nSet-Cookie: a=b", authority: "a.test") == nil)
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test/\\evil", authority: "a.test") == nil)
        // Issue 8 (hostile corpus): a same-host Referer whose path starts with `//` was an open redirect.
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test//evil.example/", authority: "a.test") == nil)
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test///evil.example", authority: "a.test") == nil)
        #expect(OriginCheck.sameOriginPath(referer: "http://a.test/a//b", authority: "a.test") == "/a//b")
    }
}

import Testing

@testable import SitegenServerCore

@Suite("StaticRouter: If-None-Match and If-Range")
struct ConditionalRequestTests {
    @Test(arguments: [
        "\"00000000000000a5\"",
        "W/\"00000000000000a5\"",
        "*",
        " * ",
        "\"other\", \"00000000000000a5\"",
        "\"other\",W/\"00000000000000a5\" , \"more\"",
        "\"a,b\", \"00000000000000a5\"",
    ])
    func matchingTagsGiveNotModified(_ ifNoneMatch: String) {
        let response = request("/logo.png", headers: [("If-None-Match", ifNoneMatch)])
        #expect(response.status == 304)
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "etag: \"00000000000000a5\"",
            "cache-control: public, max-age=3600",
        ])
        #expect(response.body == .none)
    }

    @Test(arguments: [
        "\"other\"",
        "\"00000000000000A5\"",
        "00000000000000a5",
        "\"00000000000000a5",
        "\"00000000000000a5\" junk",
        "w/\"00000000000000a5\"",
        "*, \"00000000000000a5\"",
        "",
    ])
    func otherOrMalformedTagsGiveTheFullResponse(_ ifNoneMatch: String) {
        let response = request("/logo.png", headers: [("if-none-match", ifNoneMatch)])
        #expect(response.status == 200)
        #expect(response.body == .asset(path: "logo.png", offset: 0, length: 10000))
    }

    @Test func separateFieldLinesAreCombined() {
        let response = request("/logo.png", headers: [("if-none-match", "\"x\""), ("if-none-match", "\"00000000000000a5\"")])
        #expect(response.status == 304)
    }

    @Test func notModifiedKeepsVaryAndUsesTheVariantsTag() {
        let response = request("/", headers: [("accept-encoding", "br"), ("if-none-match", "\"00000000000000a1-br\"")])
        #expect(response.status == 304)
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "etag: \"00000000000000a1-br\"",
            "cache-control: no-cache",
            "vary: accept-encoding",
        ])
        // The identity tag does not validate the brotli representation, and vice versa.
        #expect(request("/", headers: [("accept-encoding", "br"), ("if-none-match", "\"00000000000000a1\"")]).status == 200)
        #expect(request("/", headers: [("if-none-match", "\"00000000000000a1-br\"")]).status == 200)
        #expect(request("/", headers: [("if-none-match", "\"00000000000000a1\"")]).status == 304)
    }

    @Test func headIsConditionalToo() {
        let response = request("/logo.png", method: "HEAD", headers: [("if-none-match", "*")])
        #expect(response.status == 304)
    }

    @Test func notModifiedWinsOverRange() {
        let response = request("/logo.png", headers: [("if-none-match", "\"00000000000000a5\""), ("range", "bytes=0-9")])
        #expect(response.status == 304)
        let unsatisfiable = request("/logo.png", headers: [("if-none-match", "*"), ("range", "bytes=99999-")])
        #expect(unsatisfiable.status == 304)
    }

    @Test func ifRangeWithTheStrongTagAllowsTheRange() {
        let response = request("/logo.png", headers: [("range", "bytes=0-9"), ("if-range", "\"00000000000000a5\"")])
        #expect(response.status == 206)
        #expect(response.body == .asset(path: "logo.png", offset: 0, length: 10))
    }

    @Test(arguments: [
        "\"changed\"",
        "W/\"00000000000000a5\"",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "\"00000000000000a5\", \"x\"",
        "*",
    ])
    func ifRangeThatDoesNotMatchSendsTheWholeFile(_ ifRange: String) {
        let response = request("/logo.png", headers: [("range", "bytes=0-9"), ("if-range", ifRange)])
        #expect(response.status == 200)
        #expect(response.body == .asset(path: "logo.png", offset: 0, length: 10000))
    }

    @Test func ifRangeComparesWithTheIdentityTag() {
        // A range is always served from the identity file, so its tag is the one to match.
        let headers = [("accept-encoding", "br"), ("range", "bytes=0-9"), ("if-range", "\"00000000000000a1\"")]
        let response = request("/", headers: headers)
        #expect(response.status == 206)
        #expect(response.header("etag") == "\"00000000000000a1\"")
        let stale = request("/", headers: [("accept-encoding", "br"), ("range", "bytes=0-9"), ("if-range", "\"00000000000000a1-br\"")])
        #expect(stale.status == 200)
        #expect(stale.header("content-encoding") == "br")
    }

    @Test func entityTagParsing() {
        let opaque = Array("abc".utf8)
        #expect(EntityTag.noneMatchHeader(Array("\"abc\"".utf8), matches: opaque))
        #expect(EntityTag.noneMatchHeader(Array("W/\"abc\",\"d\"".utf8), matches: opaque))
        #expect(!EntityTag.noneMatchHeader(Array("\"ab\"".utf8), matches: opaque))
        #expect(!EntityTag.noneMatchHeader(Array("\"abc".utf8), matches: opaque))
        #expect(!EntityTag.noneMatchHeader(Array("W/".utf8), matches: opaque))
        #expect(!EntityTag.noneMatchHeader(Array(",,".utf8), matches: opaque))
        #expect(EntityTag.ifRangeHeader(Array(" \"abc\" ".utf8), matches: opaque))
        #expect(!EntityTag.ifRangeHeader(Array("W/\"abc\"".utf8), matches: opaque))
    }
}

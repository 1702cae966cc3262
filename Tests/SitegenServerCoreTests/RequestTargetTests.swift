import Testing

@testable import SitegenServerCore

@Suite("RequestTarget: parsing and traversal")
struct RequestTargetTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var raw: String
        var segments: [String]
        var trailingSlash: Bool
        var query: String?
        var testDescription: String { raw }
    }

    static let valid: [Valid] = [
        .init(raw: "/", segments: [], trailingSlash: true, query: nil),
        .init(raw: "/?", segments: [], trailingSlash: true, query: ""),
        .init(raw: "/index.html", segments: ["index.html"], trailingSlash: false, query: nil),
        .init(raw: "/posts/hello/", segments: ["posts", "hello"], trailingSlash: true, query: nil),
        .init(raw: "/a%20b/c?x=1", segments: ["a b", "c"], trailingSlash: false, query: "x=1"),
        .init(raw: "/a?x=1?y=%2", segments: ["a"], trailingSlash: false, query: "x=1?y=%2"),
        .init(raw: "/a?../../etc", segments: ["a"], trailingSlash: false, query: "../../etc"),
        .init(raw: "/%C3%BCber/x", segments: ["über", "x"], trailingSlash: false, query: nil),
        .init(raw: "/über/x", segments: ["über", "x"], trailingSlash: false, query: nil),
        .init(raw: "/%7euser/%41", segments: ["~user", "A"], trailingSlash: false, query: nil),
        .init(raw: "/...", segments: ["..."], trailingSlash: false, query: nil),
        .init(raw: "/.well-known/security.txt", segments: [".well-known", "security.txt"], trailingSlash: false, query: nil),
        .init(raw: "/a..b/.c", segments: ["a..b", ".c"], trailingSlash: false, query: nil),
        // Empty segments collapse, so `//` can never reach a redirect's Location.
        .init(raw: "//", segments: [], trailingSlash: true, query: nil),
        .init(raw: "//evil.example", segments: ["evil.example"], trailingSlash: false, query: nil),
        .init(raw: "/a//b///", segments: ["a", "b"], trailingSlash: true, query: nil),
        .init(raw: "/a/%25", segments: ["a", "%"], trailingSlash: false, query: nil),
    ]

    @Test(arguments: valid)
    func parsesValidTargets(_ example: Valid) throws {
        let target = try RequestTarget(parsing: example.raw)
        #expect(target.segments == example.segments)
        #expect(target.hasTrailingSlash == example.trailingSlash)
        #expect(target.query == example.query)
    }

    static let refused: [(String, RequestTargetError)] = [
        ("/../etc/passwd", .dotSegment),
        ("/a/../../etc/passwd", .dotSegment),
        ("/a/./b", .dotSegment),
        ("/.", .dotSegment),
        ("/..", .dotSegment),
        ("/%2e%2e/x", .dotSegment),
        ("/a/%2E%2e/b", .dotSegment),
        ("/%2e/x", .dotSegment),
        ("/.%2E/", .dotSegment),
        ("/a%00.html", .nulByte),
        ("/a/%00", .nulByte),
        ("/a%5cb", .backslash),
        ("/a%5C..%5Cb", .backslash),
        ("/a\\b", .backslash),
        ("/..\\etc", .backslash),
        ("/a%2Fb", .encodedSlash),
        ("/..%2f..%2fetc", .encodedSlash),
        ("/a%2", .invalidPercentEscape),
        ("/a%", .invalidPercentEscape),
        ("/a%zz", .invalidPercentEscape),
        ("/a%g0", .invalidPercentEscape),
        ("/a%0a", .controlCharacter),
        ("/a%0D%0Aset-cookie:x", .controlCharacter),
        ("/a%7F", .controlCharacter),
        ("/a%09", .controlCharacter),
        ("/a%C2%85", .controlCharacter),  // U+0085 NEXT LINE, a C1 control
        ("/a\u{7}", .controlCharacter),
        ("/a b", .controlCharacter),
        ("/a?x\r\ny", .controlCharacter),
        ("/a?x y", .controlCharacter),
        ("/%FF", .invalidUTF8),
        ("/%C3", .invalidUTF8),
        ("/%C0%AE%C0%AE/etc", .invalidUTF8),  // overlong '.'
        ("/%ED%A0%80", .invalidUTF8),  // surrogate
        ("", .notOriginForm),
        ("a/b", .notOriginForm),
        ("*", .notOriginForm),
        ("http://example.com/", .notOriginForm),
    ]

    @Test(arguments: refused)
    func refusesUnsafeTargets(_ raw: String, _ error: RequestTargetError) {
        #expect(throws: error) { try RequestTarget(parsing: raw) }
    }

    @Test func overlongTargetsAreRefused() {
        // Not in the table above: their test-case descriptions would be kilobytes long.
        #expect(throws: RequestTargetError.tooLong) { try RequestTarget(parsing: "/" + String(repeating: "a", count: 2048)) }
        #expect(throws: RequestTargetError.tooLong) { try RequestTarget(parsing: "/?" + String(repeating: "a", count: 8191)) }
        #expect(throws: RequestTargetError.tooManySegments) { try RequestTarget(parsing: String(repeating: "/a", count: 65)) }
    }

    @Test func limitsAreInclusive() throws {
        #expect(try RequestTarget(parsing: "/" + String(repeating: "a", count: 2047)).segments.count == 1)
        #expect(try RequestTarget(parsing: String(repeating: "/a", count: 64)).segments.count == 64)
        // A long query is fine as long as the whole target fits.
        #expect(try RequestTarget(parsing: "/a?" + String(repeating: "q", count: 5000)).query?.count == 5000)
        // Empty segments do not count towards the segment limit.
        #expect(try RequestTarget(parsing: String(repeating: "/", count: 2000) + "a").segments == ["a"])
    }

    @Test func errorStatusesAndReasons() {
        #expect(RequestTargetError.tooLong.status == 414)
        #expect(RequestTargetError.tooManySegments.status == 414)
        #expect(RequestTargetError.dotSegment.status == 400)
        #expect(RequestTargetError.nulByte.reason == "The path contains a NUL byte (%00).")
    }

    @Test(arguments: [
        ("/", "/"),
        ("/a%20b/c", "/a%20b/c"),
        ("/a%20b/c/", "/a%20b/c/"),
        ("//evil.example//x/", "/evil.example/x/"),
        ("/über", "/%C3%BCber"),
        ("/a%25b", "/a%25b"),
        ("/a%3Fb%23c", "/a%3Fb%23c"),
        ("/keep:@!$&'()*+,;=-._~", "/keep:@!$&'()*+,;=-._~"),
    ])
    func encodedPathIsCanonical(_ raw: String, _ encoded: String) throws {
        #expect(try RequestTarget(parsing: raw).encodedPath == encoded)
    }

    @Test func encodedQueryEscapesOnlyNonASCII() throws {
        #expect(try RequestTarget(parsing: "/a?q=%20x&é=1").encodedQuery == "q=%20x&%C3%A9=1")
        #expect(try RequestTarget(parsing: "/a").encodedQuery == nil)
    }

    @Test func pathJoinsSegments() throws {
        #expect(try RequestTarget(parsing: "/posts/hello/").path == "posts/hello")
        #expect(try RequestTarget(parsing: "/").path == "")
        #expect(RequestTarget(segments: []).hasTrailingSlash)
    }

    @Test(arguments: [
        ("/", "index.html"),
        ("/tags/", "tags/index.html"),
        ("/posts/hello/?x=1", "posts/hello/index.html"),
        ("/a%20b//c///", "a b/c/index.html"),
        ("/style.css", "style.css"),
        ("/posts/hello", "posts/hello"),
        ("/%C3%BCber/", "über/index.html"),
    ])
    func pagePathNamesTheFileAGetServes(_ raw: String, _ page: String) throws {
        #expect(try RequestTarget(parsing: raw).pagePath == page)
        #expect(try RequestTarget(parsing: Array(raw.utf8)).pagePath == page)
    }

    @Test func bytesAndStringsParseAlike() throws {
        for example in Self.valid {
            #expect(try RequestTarget(parsing: Array(example.raw.utf8)) == RequestTarget(parsing: example.raw))
        }
        for (raw, error) in Self.refused {
            #expect(throws: error) { try RequestTarget(parsing: Array(raw.utf8)) }
        }
        #expect(throws: RequestTargetError.tooLong) { try RequestTarget(parsing: [UInt8](repeating: 0x2F, count: 8193)) }
    }
}

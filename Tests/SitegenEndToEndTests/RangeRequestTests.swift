import Foundation
import Testing

/// `Range` over real HTTP: 206 with `content-range` and exactly the requested bytes
/// (always of the identity file), 416 when unsatisfiable, and `If-Range`.
@Suite("Range requests", HostTools.required, .timeLimit(.minutes(10)))
struct RangeRequestTests {
    @Test("a single range is 206 with content-range and exactly those bytes", arguments: Backend.allCases)
    func partialContent(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let page = try #require(site.file("index.html"))
        let image = try #require(site.file("posts/desk-setup/cover.png"))
        let cases: [(String, [UInt8], String, Range<Int>)] = [
            ("/", page, "bytes=0-0", 0..<1),
            ("/", page, "bytes=10-19", 10..<20),
            ("/", page, "bytes=100-", 100..<page.count),
            ("/", page, "bytes=-16", (page.count - 16)..<page.count),
            ("/", page, "bytes=\(page.count - 5)-999999", (page.count - 5)..<page.count),  // end clamped
            ("/", page, "bytes=-999999", 0..<page.count),  // suffix longer than the file
            ("/posts/desk-setup/cover.png", image, "bytes=0-7", 0..<8),  // the PNG signature
            ("/posts/desk-setup/cover.png", image, "bytes=500-", 500..<image.count),
        ]
        try withWasmtime(site) { server in
            for (target, file, range, expected) in cases {
                // Accept-Encoding is ignored for ranges: they are always of the identity file.
                let response = try server.get(target, [("range", range), ("accept-encoding", "br, gzip")])
                let context = Comment(rawValue: "GET \(target) Range: \(range) → \(response.summary)")
                #expect(response.status == 206, context)
                #expect(response.header("content-range") == "bytes \(expected.lowerBound)-\(expected.upperBound - 1)/\(file.count)", context)
                #expect(response.header("content-length") == String(expected.count), context)
                #expect(response.header("content-encoding") == nil, context)
                #expect(response.header("accept-ranges") == "bytes", context)
                #expect(response.body == Array(file[expected]), context)
            }
        }
    }

    @Test("an unsatisfiable range is 416 with content-range bytes */size", arguments: Backend.allCases)
    func notSatisfiable(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let size = try #require(site.file("index.html")).count
        try withWasmtime(site) { server in
            for range in ["bytes=\(size)-", "bytes=\(size + 1000)-\(size + 2000)", "bytes=-0"] {
                let response = try server.get("/", [("range", range)])
                let context = Comment(rawValue: "Range: \(range) → \(response.summary)")
                #expect(response.status == 416, context)
                #expect(response.header("content-range") == "bytes */\(size)", context)
                #expect(response.text.contains("416 Range Not Satisfiable"), context)
            }
        }
    }

    @Test("malformed, multiple and foreign-unit ranges send the whole file", arguments: Backend.allCases)
    func ignoredRanges(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let page = try #require(site.file("index.html"))
        try withWasmtime(site) { server in
            for range in ["bytes=20-10", "bytes=abc", "items=0-5", "bytes=0-1,5-6", "bytes="] {
                let response = try server.get("/", [("range", range)])
                #expect(response.status == 200, "Range: \(range) → \(response.summary)")
                #expect(response.header("content-range") == nil)
                #expect(response.body == page)
            }
        }
    }

    @Test("If-Range with the strong ETag lets the range through; anything else sends the file", arguments: Backend.allCases)
    func ifRange(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let page = try #require(site.file("index.html"))
        try withWasmtime(site) { server in
            let etag = try #require(try server.get("/").header("etag"))
            let partial = try server.get("/", [("range", "bytes=0-9"), ("if-range", etag)])
            #expect(partial.status == 206, "\(partial.summary)")
            #expect(partial.body == Array(page[0..<10]))

            for other in ["\"0000000000000000\"", "W/" + etag, "Wed, 21 Oct 2015 07:28:00 GMT"] {
                let whole = try server.get("/", [("range", "bytes=0-9"), ("if-range", other)])
                #expect(whole.status == 200, "If-Range: \(other) → \(whole.summary)")
                #expect(whole.body == page)
            }
        }
    }
}

import Foundation
import Testing

/// Pages with suspense boundaries (the blog's posts and About page carry the likes and
/// comments islands) are not files to the client: the component sends the shell, then
/// each section, as a live `no-store` response without validators. These tests check
/// that every way of asking for such a page (GET, HEAD, conditional, ranged, encoded)
/// sees that one representation.
@Suite("Streamed pages", HostTools.required, .timeLimit(.minutes(10)))
struct StreamedPageTests {
    static let pages = ["/about/", "/posts/desk-setup/"]

    @Test("GET streams the shell, then the resolved sections", arguments: Backend.allCases)
    func streamed(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for target in Self.pages {
                let file = String(target.dropFirst()) + "index.html"
                #expect(site.isStreamed(file), "\(file) has no suspense boundary: the blog's islands are gone?")
                let shell = try #require(site.file(file))
                let response = try server.get(target, [("accept-encoding", "br, gzip")])
                let context = Comment(rawValue: "GET \(target) → \(response.summary)\n" + server.logComment)
                #expect(response.status == 200, context)
                #expect(response.header("content-type") == "text/html; charset=utf-8", context)
                #expect(response.header("cache-control") == "no-store", context)
                #expect(response.header("etag") == nil, context)
                #expect(response.header("content-encoding") == nil, context)
                // The shell up to the first boundary is sent as built.
                let prefix = Self.prefix(of: shell, before: "<sg-b id=\"sg-b1\"")
                #expect(!prefix.isEmpty && response.body.starts(with: prefix), context)
                // Each boundary is resolved by its own template + script.
                for n in stride(from: 1, through: Self.boundaryCount(in: shell), by: 1) {
                    #expect(response.text.contains("<template id=\"sg-t\(n)\">"), context)
                    #expect(response.text.contains("<script>sg(\(n))</script>"), context)
                }
                #expect(response.text.contains("likes"), context)
                #expect(response.text.hasSuffix("</html>\n"), context)
            }
        }
    }

    @Test("HEAD of a streamed page has the GET headers and no body", arguments: Backend.allCases)
    func head(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for target in Self.pages {
                let get = try server.get(target)
                let head = try server.request("HEAD", target)
                let context = Comment(rawValue: "HEAD \(target) → \(head.summary)\nGET → \(get.summary)")
                #expect(head.status == get.status, context)
                #expect(head.body.isEmpty, context)
                // Same fields (a content-length included, which must then be GET's length).
                #expect(ConditionalRequestTests.comparable(head.headers) == ConditionalRequestTests.comparable(get.headers), context)
            }
        }
    }

    @Test("validators of the shell file do not turn a live page into 304", arguments: Backend.allCases)
    func noNotModified(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for target in Self.pages {
                let file = String(target.dropFirst()) + "index.html"
                // The shell file's ETag as the static router would send it (FNV-1a, 16 hex digits).
                let shellTag = "\"" + Self.fnv1a(try #require(site.file(file))) + "\""
                for value in ["*", shellTag] {
                    let response = try server.get(target, [("if-none-match", value)])
                    let context = Comment(rawValue: "GET \(target) If-None-Match: \(value) → \(response.summary)")
                    guard response.status == 200 else {
                        Issue.record(Comment(rawValue: "a live page answered \(response.status) instead of 200: " + context.rawValue))
                        continue
                    }
                    #expect(response.header("cache-control") == "no-store", context)
                    #expect(response.text.contains("<script>sg(1)</script>"), context)
                }
            }
        }
    }

    @Test("a Range on a streamed page is not answered with bytes of the shell", arguments: Backend.allCases)
    func rangeIgnored(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for target in Self.pages {
                for range in ["bytes=0-9", "bytes=999999-"] {
                    let response = try server.get(target, [("range", range)])
                    let context = Comment(rawValue: "GET \(target) Range: \(range) → \(response.summary)")
                    // The representation is generated per request: RFC 9110 lets the server
                    // ignore Range, and a 206/416 computed from the shell file would describe
                    // bytes the client never gets from GET.
                    guard response.status == 200 else {
                        Issue.record(Comment(rawValue: "a live page answered \(response.status) instead of 200: " + context.rawValue))
                        continue
                    }
                    #expect(response.header("content-range") == nil, context)
                    #expect(response.text.contains("<script>sg(1)</script>"), context)
                }
            }
        }
    }

    /// The bytes of `data` before the first `marker`; empty when it does not occur.
    static func prefix(of data: [UInt8], before marker: String) -> [UInt8] {
        let needle = Array(marker.utf8)
        guard data.count >= needle.count else { return [] }
        for start in 0...(data.count - needle.count) where data[start..<(start + needle.count)].elementsEqual(needle) {
            return Array(data[..<start])
        }
        return []
    }

    /// How many `<sg-b id="sg-bN" …>` boundaries the shell has.
    static func boundaryCount(in shell: [UInt8]) -> Int {
        String(decoding: shell, as: UTF8.self).matches(of: #/<sg-b id="sg-b\d+"/#).count
    }

    /// FNV-1a 64-bit as 16 hex digits: the ETag sitegen gives a file.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

import Foundation
import Testing

/// Precompressed variants over real HTTP (`[build] precompress`, on by default): the
/// negotiated `.br` / `.gz` file is sent with `content-encoding`, and it decodes to the
/// identity body.
@Suite("Precompressed variants", HostTools.required, .timeLimit(.minutes(10)))
struct ContentEncodingTests {
    /// Accept-Encoding → the coding the server must pick (nil: identity).
    static let negotiations: [(String, String?)] = [
        ("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br"), ("br;q=0.5, gzip", "gzip"),
        ("identity", nil), ("br;q=0, gzip;q=0", nil), ("*", "br"), ("x-gzip", "gzip"), ("deflate", nil),
    ]

    @Test("Accept-Encoding picks the variant, and the body is that file", arguments: Backend.allCases)
    func negotiation(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let identity = try #require(site.file("index.html"))
        try withWasmtime(site) { server in
            for (accept, coding) in Self.negotiations {
                let response = try server.get("/", [("accept-encoding", accept)])
                let context = Comment(rawValue: "Accept-Encoding: \(accept) → \(response.summary)")
                #expect(response.status == 200, context)
                #expect(response.header("content-encoding") == coding, context)
                #expect(response.header("vary") == "accept-encoding", context)
                #expect(response.header("content-type") == "text/html; charset=utf-8", context)
                #expect(response.header("content-length") == String(response.body.count), context)
                let file = coding.map { $0 == "br" ? "index.html.br" : "index.html.gz" } ?? "index.html"
                #expect(response.body == site.file(file), context)
                if coding == nil { #expect(response.body == identity, context) }
            }
        }
    }

    @Test("br and gzip bodies decode to the identity body", arguments: Backend.allCases)
    func decodesToIdentity(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            let css = try ConditionalRequestTests.cssPath(server)
            for target in ["/", "/posts/", "/posts/page/2/", "/tags/", css, "/atom.xml", "/sitemap.xml"] {
                let plain = try server.get(target)
                #expect(plain.status == 200, "GET \(target) → \(plain.summary)")
                #expect(plain.header("content-encoding") == nil)

                let gzip = try server.get(target, [("accept-encoding", "gzip")])
                #expect(gzip.header("content-encoding") == "gzip", "GET \(target) gzip → \(gzip.summary)")
                #expect(gzip.body.count < plain.body.count)
                #expect(Decompression.gunzip(gzip.body) == plain.body, "gzip body of \(target) does not inflate to the identity body")

                let brotli = try server.get(target, [("accept-encoding", "br")])
                #expect(brotli.header("content-encoding") == "br", "GET \(target) br → \(brotli.summary)")
                #expect(brotli.body.count < plain.body.count)
                let relative = target.hasSuffix("/") ? String(target.dropFirst()) + "index.html" : String(target.dropFirst())
                #expect(brotli.body == site.file(relative + ".br"), "br body of \(target) is not dist/\(relative).br")
                if Decompression.canDecodeBrotli {
                    #expect(Decompression.unbrotli(brotli.body, expectedSize: plain.body.count) == plain.body,
                            "br body of \(target) does not decode to the identity body")
                }
            }
        }
    }

    @Test("the 404 page is negotiated too", arguments: Backend.allCases)
    func notFoundPageEncoded(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let page = try #require(site.file("404.html"))
        try withWasmtime(site) { server in
            let response = try server.get("/does-not-exist", [("accept-encoding", "gzip")])
            #expect(response.status == 404, "\(response.summary)")
            #expect(response.header("content-encoding") == "gzip")
            #expect(response.header("vary") == "accept-encoding")
            #expect(Decompression.gunzip(response.body) == page)
        }
    }

    @Test("files without variants ignore Accept-Encoding", arguments: Backend.allCases)
    func noVariant(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            // robots.txt and favicon.svg are under the 512-byte precompression threshold.
            for target in ["/robots.txt", "/favicon.svg", "/posts/desk-setup/cover.png"] {
                let file = try #require(site.file(String(target.dropFirst())))
                let response = try server.get(target, [("accept-encoding", "br, gzip")])
                #expect(response.status == 200, "GET \(target) → \(response.summary)")
                #expect(response.header("content-encoding") == nil, "GET \(target)")
                #expect(response.header("vary") == nil, "GET \(target)")
                #expect(response.body == file)
            }
        }
    }
}

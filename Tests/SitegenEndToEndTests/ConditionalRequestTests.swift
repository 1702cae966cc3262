import Foundation
import Testing

/// Validators and HEAD over real HTTP for files: ETag → If-None-Match → 304 with no
/// body, and HEAD with exactly the GET headers and no body. (Streamed pages have no
/// validators: StreamedPageTests.)
@Suite("ETag, 304 and HEAD", HostTools.required, .timeLimit(.minutes(10)))
struct ConditionalRequestTests {
    @Test("If-None-Match with the ETag gives 304 with no body", arguments: Backend.allCases)
    func notModified(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for target in ["/", "/posts/", "/posts/desk-setup/cover.png", try Self.cssPath(server)] {
                let first = try server.get(target)
                let etag = try #require(first.header("etag"), "GET \(target) has no etag: \(first.summary)")
                #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 2, "not a strong etag: \(etag)")

                for value in [etag, "W/" + etag, "\"other\", " + etag, "*"] {
                    let again = try server.get(target, [("if-none-match", value)])
                    let context = Comment(rawValue: "GET \(target) If-None-Match: \(value) → \(again.summary)")
                    #expect(again.status == 304, context)
                    #expect(again.body.isEmpty, context)
                    #expect(again.header("etag") == etag, context)
                    #expect(again.header("cache-control") == first.header("cache-control"), context)
                    #expect(again.header("content-type") == nil, context)
                }

                let changed = try server.get(target, [("if-none-match", "\"0000000000000000\"")])
                #expect(changed.status == 200, "a different tag must send the file: \(changed.summary)")
                #expect(changed.body == first.body)
            }
        }
    }

    @Test("each encoding has its own ETag, and 304 needs the one that was sent", arguments: Backend.allCases)
    func etagPerEncoding(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            let identity = try server.get("/")
            let brotli = try server.get("/", [("accept-encoding", "br")])
            let identityTag = try #require(identity.header("etag"))
            let brotliTag = try #require(brotli.header("etag"))
            #expect(brotli.header("content-encoding") == "br")
            #expect(brotliTag != identityTag)

            let revalidated = try server.get("/", [("accept-encoding", "br"), ("if-none-match", brotliTag)])
            #expect(revalidated.status == 304, "\(revalidated.summary)")
            #expect(revalidated.body.isEmpty)
            #expect(revalidated.header("vary") == "accept-encoding")

            // The identity tag does not validate the brotli representation.
            let stale = try server.get("/", [("accept-encoding", "br"), ("if-none-match", identityTag)])
            #expect(stale.status == 200, "\(stale.summary)")
            #expect(stale.header("content-encoding") == "br")
        }
    }

    @Test("HEAD has the GET headers, the same content-length, and no body", arguments: Backend.allCases)
    func head(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            let requests: [(String, [(String, String)])] = [
                ("/", []), ("/", [("accept-encoding", "br")]), ("/", [("accept-encoding", "gzip")]),
                ("/posts/desk-setup/cover.png", []), (try Self.cssPath(server), []), ("/posts/", []), ("/nope", []),
                ("/posts", []), ("/robots.txt", []),
            ]
            for (target, headers) in requests {
                let get = try server.get(target, headers)
                let head = try server.request("HEAD", target, headers)
                let context = Comment(rawValue: "HEAD \(target) \(headers) → \(head.summary)\nGET → \(get.summary)")
                #expect(head.status == get.status, context)
                #expect(head.body.isEmpty, context)
                #expect(Self.comparable(head.headers) == Self.comparable(get.headers), context)
                #expect(head.header("content-length") == get.header("content-length"), context)
                if let length = get.header("content-length") { #expect(length == String(get.body.count), context) }
            }
        }
    }

    /// Header fields without the host's own (`date`, `connection`, `transfer-encoding`).
    static func comparable(_ headers: [(String, String)]) -> [String] {
        headers.filter { !["date", "connection", "transfer-encoding"].contains($0.0) }.map { $0.0 + ": " + $0.1 }
    }

    /// The fingerprinted stylesheet the home page links.
    static func cssPath(_ server: ServerProcess) throws -> String {
        try #require(PageServingTests.stylesheet(in: try server.get("/").text))
    }
}

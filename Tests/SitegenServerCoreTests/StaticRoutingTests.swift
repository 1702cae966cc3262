import Testing

@testable import SitegenServerCore

@Suite("StaticRouter: resolution, redirects, 404 and errors")
struct StaticRoutingTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/?utm=x", "index.html"),
        ("/index.html", "index.html"),
        ("/posts/hello/", "posts/hello/index.html"),
        ("/posts//hello/", "posts/hello/index.html"),
        ("/posts/hello/index.html", "posts/hello/index.html"),
        ("/style.3f2a9c1b.css", "style.3f2a9c1b.css"),
        ("/a%20b/", "a b/index.html"),
        ("/%C3%BCber/notes.txt", "über/notes.txt"),
        ("/über/notes.txt", "über/notes.txt"),
    ])
    func servesFiles(_ target: String, _ path: String) throws {
        let response = request(target)
        let entry = try #require(SiteFixture.manifest.entry(forPath: path))
        #expect(response.status == 200)
        #expect(response.body == .asset(path: path, offset: 0, length: entry.size))
    }

    @Test("livePage names the live page a GET would get, and nothing else")
    func livePageLookup() {
        var live = SiteFixture.hello
        live.isLive = true
        var liveHome = SiteFixture.index
        liveHome.isLive = true
        let manifest = SiteFixture.makeManifest([liveHome, live, SiteFixture.style, SiteFixture.docs, SiteFixture.notFoundPage])
        let router = StaticRouter()
        for (target, page) in [("/", "index.html"), ("/?x=1", "index.html"), ("/index.html", "index.html"),
                               ("/posts/hello/", "posts/hello/index.html"), ("/posts//hello/?a", "posts/hello/index.html"),
                               ("/posts/hello/index.html", "posts/hello/index.html"), ("/posts/%68ello/", "posts/hello/index.html")] {
            #expect(router.livePage(target: target, manifest: manifest) == page, "\(target)")
        }
        // Static files, redirects (the 308 target is asked for next), misses, refused and reserved targets.
        for target in ["/docs/", "/style.3f2a9c1b.css", "/posts/hello", "/nope/", "/../index.html", "/%00/", "/_sg/fn/x"] {
            #expect(router.livePage(target: target, manifest: manifest) == nil, "\(target)")
        }
        // A target parsed once gives the same answers.
        for target in ["/", "/posts/hello/", "/docs/", "/posts/hello", "/_sg/fn/x"] {
            let parsed = try? RequestTarget(parsing: target)
            #expect(parsed.flatMap { router.livePage(target: $0, manifest: manifest) } == router.livePage(target: target, manifest: manifest), "\(target)")
        }
        // The same targets on a manifest without live pages.
        #expect(router.livePage(target: "/posts/hello/", manifest: SiteFixture.manifest) == nil)
        #expect(manifest.isLive(path: "posts/hello/index.html") && !manifest.isLive(path: "docs/index.html") && !manifest.isLive(path: "x"))
    }

    @Test func fullHeadersOfAPlainFileInOrder() {
        let response = request("/logo.png")
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "content-type: image/png",
            "content-length: 10000",
            "etag: \"00000000000000a5\"",
            "cache-control: public, max-age=3600",
            "accept-ranges: bytes",
            "x-content-type-options: nosniff",
        ])
    }

    @Test(arguments: [
        ("/style.3f2a9c1b.css", "public, max-age=31536000, immutable"),
        ("/posts/hello/", "no-cache"),
        ("/app.js", "public, max-age=3600"),
        ("/logo.png", "public, max-age=3600"),
    ])
    func cacheControlFollowsTheFlags(_ target: String, _ cacheControl: String) {
        #expect(request(target).header("cache-control") == cacheControl)
    }

    @Test(arguments: [
        ("/posts/hello/", "text/html; charset=utf-8"),
        ("/style.3f2a9c1b.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/empty.txt", "text/plain; charset=utf-8"),
        ("/logo.png", "image/png"),
    ])
    func textTypesGetACharset(_ target: String, _ contentType: String) {
        #expect(request(target).header("content-type") == contentType)
    }

    @Test func varyOnlyWhenVariantsExist() {
        #expect(request("/").header("vary") == "accept-encoding")
        #expect(request("/app.js").header("vary") == "accept-encoding")
        #expect(request("/logo.png").header("vary") == nil)
    }

    @Test(arguments: [
        ("/posts/hello", "/posts/hello/"),
        ("/posts/hello?page=2&x=%20", "/posts/hello/?page=2&x=%20"),
        ("/posts/hello?", "/posts/hello/?"),
        ("/docs", "/docs/"),
        ("/a%20b", "/a%20b/"),
        ("/a%20b?é", "/a%20b/?%C3%A9"),
        ("//docs", "/docs/"),
    ])
    func directoryWithoutSlashRedirectsPermanently(_ target: String, _ location: String) {
        let response = request(target)
        #expect(response.status == 308)
        #expect(response.headers.map { $0.0 } == ["location", "content-length"])
        #expect(response.header("location") == location)
        #expect(response.header("content-length") == "0")
        #expect(response.body == .none)
    }

    @Test func protocolRelativeRedirectIsImpossible() {
        let manifest = SiteFixture.makeManifest([.init(path: "evil.example/index.html", size: 1, contentType: "text/html", etag: "e")])
        #expect(request("//evil.example", manifest: manifest).header("location") == "/evil.example/")
    }

    @Test(arguments: ["/missing", "/missing/", "/posts/", "/logo.png/", "/index.html/x", "/POSTS/hello/", "/posts/hello/index"])
    func missingPathsServeTheSitesNotFoundPage(_ target: String) {
        let response = request(target)
        #expect(response.status == 404)
        #expect(response.body == .asset(path: "404.html", offset: 0, length: 500))
        #expect(response.headers.map { "\($0.0): \($0.1)" } == [
            "content-type: text/html; charset=utf-8",
            "content-length: 500",
            "cache-control: no-cache",
            "vary: accept-encoding",
            "x-content-type-options: nosniff",
        ])
    }

    @Test func notFoundPageIsNegotiatedButNeverConditionalOrRanged() {
        let compressed = request("/missing", headers: [("accept-encoding", "br")])
        #expect(compressed.status == 404)
        #expect(compressed.header("content-encoding") == "br")
        #expect(compressed.body == .asset(path: "404.html.br", offset: 0, length: 200))
        let conditional = request("/missing", headers: [("if-none-match", "*"), ("range", "bytes=0-1")])
        #expect(conditional.status == 404)
        #expect(conditional.header("etag") == nil)
        #expect(conditional.body == .asset(path: "404.html", offset: 0, length: 500))
    }

    @Test func builtInNotFoundPageWhenTheSiteHasNone() throws {
        let response = request("/missing", manifest: SiteFixture.manifestWithout404)
        #expect(response.status == 404)
        let text = try #require(response.text)
        #expect(text.contains("<title>404 Not Found</title>"))
        #expect(response.header("content-length") == String(text.utf8.count))
        #expect(response.header("cache-control") == "no-cache")
        #expect(response.header("content-type") == "text/html; charset=utf-8")
        #expect(request("/", manifest: .empty).status == 404)
    }

    @Test func headGetsTheGetHeadersAndNoBody() {
        for target in ["/", "/app.js", "/missing", "/posts/hello", "/%zz"] {
            for headers in [[], [("accept-encoding", "gzip, br")]] as [[(String, String)]] {
                let get = request(target, headers: headers)
                let head = request(target, method: "HEAD", headers: headers)
                #expect(head.status == get.status, "\(target)")
                #expect(head.headers.map { $0.0 } == get.headers.map { $0.0 }, "\(target)")
                #expect(head.headers.map { $0.1 } == get.headers.map { $0.1 }, "\(target)")
                #expect(head.body == .none, "\(target)")
            }
        }
        let builtIn = request("/missing", method: "HEAD", manifest: SiteFixture.manifestWithout404)
        #expect(builtIn.body == .none)
        #expect(builtIn.header("content-length") == request("/missing", manifest: SiteFixture.manifestWithout404).header("content-length"))
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get", "head", "BREW"])
    func otherMethodsAreNotAllowed(_ method: String) throws {
        let response = request("/", method: method)
        #expect(response.status == 405)
        #expect(response.headers.filter { $0.0 == "allow" }.count == 1)
        #expect(response.header("allow") == "GET, HEAD")
        #expect(try #require(response.text).contains("only GET and HEAD"))
    }

    @Test(arguments: [("POST", "/_sg/fn/addComment"), ("GET", "/_sg/stream/1"), ("GET", "/_sg"), ("PUT", "/_sg/"), ("POST", "/_sg/x?y=1")])
    func reservedPrefixPassesThrough(_ method: String, _ target: String) {
        #expect(StaticRouter().route(method: method, target: target, headers: [], manifest: SiteFixture.manifest) == .passThrough)
    }

    @Test func reservedPrefixIsOnlyTheFirstSegment() {
        #expect(request("/_sgx/a").status == 404)
        #expect(request("/posts/_sg/a").status == 404)
        #expect(request("/_sgx/a", method: "POST").status == 405)
    }

    @Test(arguments: [
        ("/../etc/passwd", UInt16(400), "'.' or '..' segment"),
        ("/%2e%2e/x", 400, "'.' or '..' segment"),
        ("/a%00", 400, "NUL byte"),
        ("/a%5c", 400, "backslash"),
        ("/a%zz", 400, "two hexadecimal digits"),
        ("/{3000 × a}", 414, "longer than 2048 bytes"),
        ("{100 × /a}", 414, "more than 64 segments"),
    ])
    func badTargetsGetAnExplainingPage(_ target: String, _ status: UInt16, _ phrase: String) throws {
        let expanded = [
            "/{3000 × a}": "/" + String(repeating: "a", count: 3000),
            "{100 × /a}": String(repeating: "/a", count: 100),
        ][target] ?? target
        let response = request(expanded)
        #expect(response.status == status)
        let text = try #require(response.text)
        #expect(text.contains(phrase))
        #expect(text.contains(status == 414 ? "414 URI Too Long" : "400 Bad Request"))
        #expect(response.header("content-length") == String(text.utf8.count))
        // Even the reserved prefix must parse first.
        #expect(request("/_sg/%zz", method: "POST").status == 400)
        // The server component parses once and asks for the same page itself.
        do {
            _ = try RequestTarget(parsing: expanded)
            Issue.record("\(target) parsed")
        } catch {
            #expect(StaticRouter().refusing(error, isHead: false) == response)
            #expect(StaticRouter().refusing(error, isHead: true).body == StaticResponse.Body.none)
        }
    }

    @Test func oversizedHeadersAreRefused() throws {
        let ok = String(repeating: "a", count: 8 * 1024)
        #expect(request("/", headers: [("x-big", ok)]).status == 200)
        let tooBig = request("/", headers: [("x-big", ok + "a")])
        #expect(tooBig.status == 431)
        #expect(try #require(tooBig.text).contains("431 Request Header Fields Too Large"))
        let many = Array(repeating: ("x-part", String(repeating: "b", count: 6000)), count: 3)
        #expect(request("/", headers: many).status == 431)
        #expect(request("/_sg/fn", method: "POST", headers: many).status == 431)
        #expect(request("/", method: "HEAD", headers: many).body == .none)
    }

    @Test func aParsedTargetRoutesTheSame() throws {
        let target = try RequestTarget(parsing: "/posts/hello?x=1")
        let route = StaticRouter().route(method: "GET", target: target, headers: [], manifest: SiteFixture.manifest)
        #expect(route.response?.header("location") == "/posts/hello/?x=1")
    }

    @Test func customNotFoundPageAndPrefix() {
        var router = StaticRouter()
        router.notFoundPage = "index.html"
        router.reservedPrefix = "api"
        let missing = router.route(method: "GET", target: "/nope", headers: [], manifest: SiteFixture.manifest).response
        #expect(missing?.status == 404)
        #expect(missing?.body == .asset(path: "index.html", offset: 0, length: 1000))
        #expect(router.route(method: "POST", target: "/api/x", headers: [], manifest: SiteFixture.manifest) == .passThrough)
        #expect(router.route(method: "POST", target: "/_sg/x", headers: [], manifest: SiteFixture.manifest).response?.status == 405)
    }
}

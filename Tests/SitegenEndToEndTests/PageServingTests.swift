import Foundation
import Testing

/// Examples/blog built by `SiteBuilder` and served by the real `server.wasm` under
/// `wasmtime serve`: pages, fingerprinted CSS, bundle images, redirects, 404 and 405.
@Suite("Serving the blog", HostTools.required, .timeLimit(.minutes(10)))
struct PageServingTests {
    @Test("pages are 200 text/html with their title; static pages are the built bytes", arguments: Backend.allCases)
    func pages(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let pages = [
            ("/", "index.html", "<title>Harbor Notes</title>"),
            ("/posts/", "posts/index.html", "<title>Posts · Harbor Notes</title>"),
            ("/posts/page/2/", "posts/page/2/index.html", "<title>Posts"),
            ("/tags/", "tags/index.html", "<title>Tags · Harbor Notes</title>"),
            ("/?ref=feed&x=%20", "index.html", "<title>Harbor Notes</title>"),
            ("/index.html", "index.html", "<title>Harbor Notes</title>"),
            ("/about/", "about/index.html", "<title>About · Harbor Notes</title>"),
            ("/posts/desk-setup/", "posts/desk-setup/index.html", "<title>A quieter desk setup · Harbor Notes</title>"),
        ]
        try withWasmtime(site) { server in
            for (target, file, title) in pages {
                let response = try server.get(target)
                let context = Comment(rawValue: "GET \(target) → \(response.summary)\n" + server.logComment)
                #expect(response.status == 200, context)
                #expect(response.header("content-type") == "text/html; charset=utf-8", context)
                #expect(response.header("x-content-type-options") == "nosniff", context)
                #expect(response.text.contains(title), context)
                #expect(response.text.hasSuffix("</html>\n"), context)
                if site.isStreamed(file) {
                    // Live sections: never cached, no validators, sections filled in (StreamedPageTests).
                    #expect(response.header("cache-control") == "no-store", context)
                } else {
                    #expect(response.header("cache-control") == "no-cache", context)
                    #expect(response.header("content-length") == String(response.body.count), context)
                    #expect(response.body == site.file(file), context)
                }
            }
        }
    }

    @Test("the stylesheet the home page links is fingerprinted and immutable", arguments: Backend.allCases)
    func fingerprintedCSS(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            let home = try server.get("/")
            let href = try #require(Self.stylesheet(in: home.text), "no <link rel=stylesheet> in the home page")
            #expect(href.wholeMatch(of: #/\/style\.[0-9a-f]{8}\.css/#) != nil, "not a fingerprinted name: \(href)")

            let css = try server.get(href)
            #expect(css.status == 200, "GET \(href) → \(css.summary)")
            #expect(css.header("content-type") == "text/css; charset=utf-8")
            #expect(css.header("cache-control") == "public, max-age=31536000, immutable")
            #expect(css.header("etag")?.hasPrefix("\"") == true)
            #expect(css.header("vary") == "accept-encoding")
            #expect(css.body == site.file(String(href.dropFirst())))
            #expect(!css.body.isEmpty)
        }
    }

    @Test("an image from a page bundle is image/png with the source file's bytes", arguments: Backend.allCases)
    func bundleImage(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let source = try #require(FileManager.default.contents(atPath: Repo.blog + "/content/posts/desk-setup/cover.png"))
        try withWasmtime(site) { server in
            let page = try server.get("/posts/desk-setup/")
            #expect(page.text.contains("src=\"/posts/desk-setup/cover.png\""), "the page does not link its bundle image")

            // Asking for br changes nothing: PNG is not precompressed, so no variant and no vary.
            let image = try server.get("/posts/desk-setup/cover.png", [("accept-encoding", "br, gzip")])
            #expect(image.status == 200, "\(image.summary)")
            #expect(image.header("content-type") == "image/png")
            #expect(image.header("content-encoding") == nil)
            #expect(image.header("vary") == nil)
            #expect(image.header("cache-control") == "public, max-age=3600")
            #expect(image.header("content-length") == String(source.count))
            #expect(image.body == Array(source))
        }
    }

    @Test("a folder without its slash redirects 308 to it, keeping the query", arguments: Backend.allCases)
    func trailingSlashRedirect(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let cases = [
            ("/posts", "/posts/"),
            ("/posts?page=2", "/posts/?page=2"),
            ("/posts/desk-setup", "/posts/desk-setup/"),
            ("//posts", "/posts/"),  // empty segments dropped: never a protocol-relative Location
            ("/about", "/about/"),
        ]
        try withWasmtime(site) { server in
            for (target, location) in cases {
                let response = try server.get(target)
                #expect(response.status == 308, "GET \(target) → \(response.summary)")
                #expect(response.header("location") == location, "GET \(target)")
                #expect(response.header("content-length") == "0")
                #expect(response.body.isEmpty)
            }
        }
    }

    @Test("a missing page is 404 with the site's 404.html", arguments: Backend.allCases)
    func notFound(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let page = try #require(site.file("404.html"))
        // server.wasm and components/ sit in dist/ but are not part of the site: the
        // manifest is made before them, so they must not be served.
        let targets = ["/nope", "/nope/", "/posts/nope/", "/posts/desk-setup/missing.png", "/style.css", "/server.wasm",
                       "/components/site.wasm", "/index.html.br", "/404.html.gz"]
        try withWasmtime(site) { server in
            for target in targets {
                let response = try server.get(target)
                let context = Comment(rawValue: "GET \(target) → \(response.summary)")
                #expect(response.status == 404, context)
                #expect(response.header("content-type") == "text/html; charset=utf-8", context)
                #expect(response.header("cache-control") == "no-cache", context)
                #expect(response.header("etag") == nil, context)
                #expect(response.body == page, context)
                #expect(response.text.contains("<title>Page not found · Harbor Notes</title>"), context)
            }
            // The reserved /_sg/ prefix goes to the (absent) server-function layer.
            let endpoint = try server.get("/_sg/anything")
            #expect(endpoint.status == 404, "\(endpoint.summary)")
            #expect(endpoint.header("content-type") == "application/json")
        }
    }

    @Test("methods other than GET and HEAD are 405 with Allow", arguments: Backend.allCases)
    func methodNotAllowed(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        let requests: [(String, String, [UInt8])] = [
            ("POST", "/", Array("name=value".utf8)), ("POST", "/nope", []), ("DELETE", "/posts/", []),
            ("PUT", "/about/", Array("x".utf8)), ("PATCH", "/index.html", []), ("OPTIONS", "/", []),
        ]
        try withWasmtime(site) { server in
            for (method, target, body) in requests {
                let response = try server.request(method, target, [], body: body)
                let context = Comment(rawValue: "\(method) \(target) → \(response.summary)")
                #expect(response.status == 405, context)
                #expect(response.header("allow") == "GET, HEAD", context)
                #expect(response.header("content-type") == "text/html; charset=utf-8", context)
                #expect(response.text.contains("405 Method Not Allowed"), context)
                #expect(response.header("content-length") == String(response.body.count), context)
            }
        }
    }

    /// The `href` of the first stylesheet link.
    static func stylesheet(in html: String) -> String? {
        guard let link = html.firstMatch(of: #/<link[^>]*rel="stylesheet"[^>]*>/#) else { return nil }
        return link.output.firstMatch(of: #/href="([^"]+)"/#).map { String($0.output.1) }
    }
}

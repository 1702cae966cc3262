import Testing

@testable import SitegenServerCore

@Suite("MIMETypes")
struct MIMETypesTests {
    @Test(arguments: [
        ("index.html", "text/html"), ("a.htm", "text/html"), ("style.3f2a9c1b.css", "text/css"),
        ("app.js", "text/javascript"), ("mod.mjs", "text/javascript"), ("data.json", "application/json"),
        ("sitemap.xml", "application/xml"), ("feed.rss", "application/rss+xml"), ("atom.atom", "application/atom+xml"),
        ("logo.svg", "image/svg+xml"), ("a.png", "image/png"), ("a.jpg", "image/jpeg"), ("a.jpeg", "image/jpeg"),
        ("a.gif", "image/gif"), ("a.webp", "image/webp"), ("a.avif", "image/avif"), ("favicon.ico", "image/x-icon"),
        ("robots.txt", "text/plain"), ("notes.md", "text/markdown"), ("paper.pdf", "application/pdf"),
        ("f.woff", "font/woff"), ("f.woff2", "font/woff2"), ("f.ttf", "font/ttf"), ("m.wasm", "application/wasm"),
        ("v.mp4", "video/mp4"), ("v.webm", "video/webm"), ("s.mp3", "audio/mpeg"), ("a.zip", "application/zip"),
        ("app.js.map", "application/json"), ("posts/hello/index.html", "text/html"), ("PHOTO.JPG", "image/jpeg"),
        ("LICENSE", "application/octet-stream"), (".htaccess", "application/octet-stream"), ("a.unknown", "application/octet-stream"),
        ("dir.d/file", "application/octet-stream"), ("trailing.", "application/octet-stream"), ("", "application/octet-stream"),
    ])
    func contentTypeByPath(_ path: String, _ type: String) {
        #expect(MIMETypes.contentType(forPath: path) == type)
    }

    @Test func extensionLookupIgnoresCase() {
        #expect(MIMETypes.contentType(forExtension: "WOFF2") == "font/woff2")
        #expect(MIMETypes.contentType(forExtension: "") == MIMETypes.defaultType)
    }

    @Test(arguments: [
        ("text/html", "text/html; charset=utf-8"),
        ("text/css", "text/css; charset=utf-8"),
        ("text/javascript", "text/javascript; charset=utf-8"),
        ("application/json", "application/json; charset=utf-8"),
        ("application/xml", "application/xml; charset=utf-8"),
        ("application/rss+xml", "application/rss+xml; charset=utf-8"),
        ("application/atom+xml", "application/atom+xml; charset=utf-8"),
        ("application/manifest+json", "application/manifest+json; charset=utf-8"),
        ("image/svg+xml", "image/svg+xml; charset=utf-8"),
        ("text/html; charset=iso-8859-1", "text/html; charset=iso-8859-1"),
        ("image/png", "image/png"),
        ("application/wasm", "application/wasm"),
        ("font/woff2", "font/woff2"),
        ("application/octet-stream", "application/octet-stream"),
    ])
    func headerValueAddsCharsetToText(_ type: String, _ header: String) {
        #expect(MIMETypes.headerValue(for: type) == header)
    }

    @Test func everyTableExtensionIsLowerCaseAndUnique() {
        let extensions = MIMETypes.table.map(\.ext)
        #expect(Set(extensions).count == extensions.count)
        #expect(extensions.allSatisfy { $0 == $0.lowercased() })
    }
}

import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// Builds `Examples/blog` for `http://127.0.0.1:PORT`, serves it with a static file server
/// over loopback, and has headless Chromium render the home page and one post at desktop
/// (1280×900) and mobile (390×844) sizes. The PNGs stay in `Tests/Artifacts/screenshots/`.
///
/// Checks: the DOM Chromium built holds the page's title, h1 and main menu; each PNG has the
/// viewport's size and enough colours not to be blank; and the stylesheet applied — the page
/// background is the theme's `--bg` (not the browser's white) and the header's bottom border
/// is a full-width line of `--border`.
@Suite(.serialized) struct ScreenshotTests {
    static let viewports = [("desktop", 1280, 900), ("mobile", 390, 844)]

    /// `#rrggbb` → [r, g, b].
    static func rgb(_ hex: Substring) -> [Int] {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
    }

    /// The first (light-palette) value of a `--name: #rrggbb` custom property.
    static func cssColor(_ name: String, in css: String) -> [Int]? {
        guard let range = css.range(of: name + ":") else { return nil }
        let rest = css[range.upperBound...].drop { $0 == " " }
        guard rest.first == "#" else { return nil }
        return rgb(rest.prefix(7))
    }

    static func close(_ a: [Int], _ b: [Int], tolerance: Int = 3) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test(.enabled(if: Tools.chromium != nil, "chromium is not installed (apt-get install chromium): screenshot test skipped"),
          .enabled(if: Tools.python3 != nil, "python3 is not installed: screenshot test skipped"),
          .timeLimit(.minutes(10)))
    func blogHomeAndPostRenderStyled() throws {
        let work = TemporaryDirectory("sitegen-shots")
        let server = try StaticServer(directory: work.path + "/dist")
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"

        let source = try WholeSiteTests.copy(Repo.root + "/Examples/blog")
        let built = BuiltSite.build(source: source.source, into: work) {
            $0.baseURL = base
            $0.now = nil  // the real clock: the blog's posts are recent
            $0.themeSearchPaths = [Repo.root + "/themes"]
        }
        try #require(built.result.succeeded, "\(built.printedDiagnostics)")

        // A post, preferably a bundle with an image.
        let posts = built.files.filter { $0.hasPrefix("posts/") && $0.hasSuffix("/index.html") && !$0.hasPrefix("posts/page/")
            && $0.split(separator: "/").count == 3 }
        let post = try #require(posts.first { p in built.files.contains { $0.hasPrefix(String(p.dropLast(10))) && $0.hasSuffix(".png") } }
                                ?? posts.first, "Examples/blog has no posts")

        let cssFile = try #require(built.files.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let css = built.text(cssFile) ?? ""
        let background = try #require(Self.cssColor("--bg", in: css), "no --bg in \(cssFile)")
        let border = try #require(Self.cssColor("--border", in: css), "no --border in \(cssFile)")

        var configDiagnostics: [Diagnostic] = []
        let config = SiteConfig(parsing: (try? String(contentsOfFile: source.source + "/sitegen.toml", encoding: .utf8)) ?? "",
                                file: "sitegen.toml", diagnostics: &configDiagnostics)
        var menu: [String] = []
        if case .array(let items)? = config.value["menu"]?["main"] { menu = items.compactMap { $0["name"]?.stringValue } }
        #expect(!menu.isEmpty)

        let chromium = Chromium(executable: Tools.chromium!, profile: work.path + "/profile")
        let shots = Repo.artifacts + "/screenshots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)

        for (name, path) in [("home", "index.html"), ("post", post)] {
            let url = base + "/" + String(path.dropLast("index.html".count))
            let file = LibXML.parseHTML(Array(built.data(path) ?? Data()), url: path)
            let title = try #require(file.elements("title").first?.text)
            let h1 = try #require(file.elements("h1").first?.text.trimmingCharacters(in: .whitespacesAndNewlines))

            let dom = LibXML.parseHTML(Array(try chromium.dumpDOM(url).utf8), url: url)
            #expect(dom.elements("title").first?.text == title, "\(name): the served page is the built one")
            #expect(dom.elements("h1").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.contains(h1), "\(name): h1 '\(h1)'")
            let nav = dom.elements("nav").first { $0.attributes["aria-label"] == "Main" }
            #expect(nav != nil, "\(name): the main menu is in the DOM")
            for item in menu { #expect(nav?.text.contains(item) == true, "\(name): menu item '\(item)'") }
            #expect(dom.elements("link").contains { $0.attributes["href"] == "/" + cssFile }, "\(name): links \(cssFile)")

            for (viewport, width, height) in Self.viewports {
                let png = shots + "/blog-\(name)-\(viewport).png"
                try chromium.screenshot(url, to: png, width: width, height: height)
                let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(png) is only \(size) bytes")
                let image = try PNGSummary.decode(png)
                #expect(image.width == width && image.height == height, "\(name) \(viewport): \(image.width)×\(image.height)")
                #expect(image.colors >= 64, "\(name) \(viewport): \(image.colors) colours; a blank page has 1")
                // The body background comes from the stylesheet (#fdfdfc in the default theme; unstyled is #ffffff).
                #expect(Self.close(image.rows[0].color, background), "\(name) \(viewport): top row is \(image.rows[0].color), --bg is \(background)")
                // The header's border-bottom: a full-width row of --border, with the header's text above it.
                let line = image.rows.prefix(400).firstIndex { $0.share >= 0.9 && Self.close($0.color, border) }
                #expect(line != nil, "\(name) \(viewport): no full-width --border line \(border) under the header")
                if let line {
                    #expect(image.rows[..<line].contains { $0.share < 0.97 }, "\(name) \(viewport): the header above the line has content")
                    #expect(image.rows[(line + 1)...].contains { $0.share < 0.97 }, "\(name) \(viewport): the page below has content")
                }
            }
        }
    }
}

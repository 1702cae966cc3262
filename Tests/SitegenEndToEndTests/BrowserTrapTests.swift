import Foundation
import SitegenHTML
import Testing

/// Issue 8, a loader that traps, as a reader sees it in headless Chromium. A trap cannot
/// be caught inside the component: it ends the instance, and the streamed response stops
/// after the shell. The page's script (`SuspenseMarkup.deferredLoader`) then fetches each
/// section still waiting from `/_sg/island/…`, each in a request of its own: the trapping
/// one gets a 500 and shows the client-made error boundary, the others fill as usual.
///
/// `/trapping/` of `Tests/Fixtures/ComponentSites/streaming`: `slow` 50 ms ("before"),
/// `trap` (an out-of-bounds read), `slow` 300 ms ("after"), `broken` (throws; its island
/// has an error block). The fixture's loader timeout is 1 s, so the script's watchdog
/// runs 3 s after the shell.
@Suite("A trapping loader in a browser", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct BrowserTrapTests {
    /// True once no boundary waits: no `data-src` left, no fallback showing.
    static let settled = "document.querySelectorAll('sg-b').length == 4 && !document.querySelector('sg-b[data-src]') && !document.querySelector('.fallback')"

    static let watchdog = SuspenseMarkup.watchdogMilliseconds(loaderTimeout: 1000)

    /// The trapping section shows the client's boundary; the others show what they would
    /// have shown had the page streamed to its end.
    static func expectDegradedAlone(_ page: WatchedPage, _ context: Comment) {
        let dom = page.dom
        #expect(page.met, "every boundary settled: \(context)")
        #expect(dom.contains(#"<sg-b id="sg-b2">"# + SuspenseMarkup.clientErrorBoundary + "</sg-b>"),
                "the trapping section shows the client-made error boundary: \(context)")
        #expect(dom.contains(#"data-label="before">loaded before after"#), "the section before it filled: \(context)")
        #expect(dom.contains(#"data-label="after">loaded after after"#), "the section after it filled: \(context)")
        #expect(dom.contains(#"<p class="broken-error">the broken section failed (beside the trap)</p>"#),
                "a loader that throws still shows its own error view (x-sitegen-island: error): \(context)")
        #expect(dom.components(separatedBy: "data-sg-error=\"client\"").count - 1 == 2,
                "only one section got the client boundary (the other count is the script's own copy): \(context)")
        #expect(!dom.contains("<template id=\"sg-t"), "nothing was streamed after the shell: \(context)")
    }

    /// `wasmtime serve` on the site, without ``withWasmtime(_:_:)``'s check that the
    /// component never trapped: here it must.
    static func serving(_ site: BuiltSite, _ body: (ServerProcess) throws -> Void) throws {
        let server = try ServerProcess.startWasmtime(site)
        defer { server.stop() }
        do {
            try body(server)
        } catch {
            throw EndToEndError(description: "\(error)\n" + server.logComment)
        }
        #expect(server.log.contains("wasm trap"), "the loader did trap: \(server.logComment)")
    }

    @Test("the stream ends at the trap; only that section degrades, the others fill, the next request works")
    func trapOnWasmtime() throws {
        let browser = try BrowserIslandTests.chromium()
        let site = try StreamingSite.built()
        try Self.serving(site) { server in
            // (a) On the wire: the shell, with its fallbacks and the script, then the end.
            let raw = try RawHTTPClient.timedExchange(
                Array("GET /trapping/ HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n".utf8), port: server.port).raw
            let text = String(decoding: raw, as: UTF8.self)
            let wire = Comment(rawValue: text + "\n" + server.logComment)
            #expect(text.hasPrefix("HTTP/1.1 200"), wire)
            #expect(text.contains("waiting for the trap") && text.contains("waiting for before"), "the shell arrived: \(wire)")
            #expect(text.contains("addEventListener(\"DOMContentLoaded\""), "with the script that recovers: \(wire)")
            #expect(!text.contains("<template id=\"sg-t") && !text.contains("</html>"), "and nothing after it: \(wire)")

            // (b) In the browser: the document ends, the script fetches what is missing.
            let page = try browser.watch("http://127.0.0.1:\(server.port)/trapping/", until: Self.settled, seconds: 30)
            let context = Comment(rawValue: "after \(page.elapsed) ms, readyState \(page.state):\n\(page.dom)\n\(server.logComment)")
            trace("trapping page settled after \(page.elapsed) ms, readyState \(page.state)")
            Self.expectDegradedAlone(page, context)
            #expect(page.state == "complete", "the document finished: \(context)")
            #expect(page.elapsed < Self.watchdog, "DOMContentLoaded did it, not the watchdog: \(context)")

            // (c) The host still serves: pages, streamed pages, islands.
            let next = try server.get("/one/")
            #expect(next.status == 200 && next.text.contains("loaded a after") && next.text.contains("</html>"), "\(next.summary)")
            #expect(try server.get("/").status == 200)
        }
    }

    @Test("a stream that stalls after the trap (the connection stays open): the watchdog fills the sections")
    func trapBehindStallingProxy() throws {
        let browser = try BrowserIslandTests.chromium()
        let site = try StreamingSite.built()
        try Self.serving(site) { server in
            let proxy = try StallingProxy(componentPort: server.port)
            defer { proxy.stop() }
            let page = try browser.watch("http://127.0.0.1:\(proxy.port)/trapping/", until: Self.settled, seconds: 30)
            let context = Comment(rawValue: "after \(page.elapsed) ms, readyState \(page.state):\n\(page.dom)\n\(server.logComment)")
            trace("trapping page behind the stalling proxy settled after \(page.elapsed) ms, readyState \(page.state)")
            Self.expectDegradedAlone(page, context)
            #expect(page.state == "loading", "the document never finished arriving: \(context)")
            #expect(page.elapsed >= Self.watchdog, "so it was the watchdog, \(Self.watchdog) ms after the shell: \(context)")
            #expect(try server.get("/one/").status == 200)
        }
    }
}

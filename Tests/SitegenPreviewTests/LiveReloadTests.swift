import Foundation
import Testing
@testable import SitegenPreview

/// Edit → rebuild → reload, and build errors in the browser (same server as `PreviewServerTests`).
extension PreviewServerTests {
    /// Polls `body` until it holds or `timeout` passes.
    func eventually(timeout: Double, _ body: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try body() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test("editing Markdown: the next request shows the change, and an SSE reload arrives")
    func markdownEdit() throws {
        let fixture = try fixture
        let events = try EventStreamReader(port: fixture.port)
        defer { events.close() }
        #expect(events.waitFor(event: "hello", timeout: 10))
        let marker = "Edited in preview \(UUID().uuidString.prefix(8))"
        try fixture.edit("content/about.md") { $0 + "\n\n" + marker + "\n" }
        // No waiting: the request itself notices the save and waits for the rebuild.
        let page = try fixture.get("/about/")
        #expect(page.status == 200)
        #expect(page.text.contains(marker))
        #expect(events.waitFor(event: "reload", timeout: 30), "no reload event; got:\n\(events.received)")
        #expect(fixture.log.all.contains { $0.hasPrefix("Rebuilt ") && ($0.contains(" page in ") || $0.contains(" pages in ")) }, "\(fixture.log.text)")
    }

    @Test("a CSS-only change sends a css event (stylesheets swap without a reload)")
    func cssEdit() throws {
        let fixture = try fixture
        let events = try EventStreamReader(port: fixture.port)
        defer { events.close() }
        #expect(events.waitFor(event: "hello", timeout: 10))
        try FileManager.default.createDirectory(atPath: fixture.site + "/static/css", withIntermediateDirectories: true)
        try "body { color: rebeccapurple; }\n".write(toFile: fixture.site + "/static/css/extra.css", atomically: true, encoding: .utf8)
        let css = try fixture.get("/css/extra.css", headers: [])
        #expect(css.text.contains("rebeccapurple"))
        #expect(events.waitFor(event: "css", timeout: 30), "no css event; got:\n\(events.received)")
        #expect(!events.received.contains("event: reload"))
    }

    @Test("a broken template shows the located error overlay; fixing it brings the page back")
    func brokenTemplate() throws {
        let fixture = try fixture
        let template = "templates/partials/page-islands.html"
        let original = try fixture.edit(template) { $0 + "\n{{ page.title | no_such_filter }}\n" }
        let broken = try fixture.get("/about/")
        #expect(broken.status == 500)
        #expect(broken.text.contains("Build failed"))
        #expect(broken.text.contains(template + ":"), "the overlay names the file:line:col:\n\(broken.text.prefix(2000))")
        #expect(broken.text.contains("no_such_filter"))
        #expect(broken.text.contains("/_sg/preview/events"), "the overlay reloads itself")
        #expect(fixture.log.all.contains { $0.contains(template + ":") && $0.contains("error:") }, "the terminal prints the diagnostic")
        let asset = try fixture.get("/latest.json", headers: [])
        #expect(asset.status == 200, "non-HTML requests still reach the last good build")

        try fixture.edit(template) { _ in original }
        let fixed = try fixture.get("/about/")
        #expect(fixed.status == 200)
        #expect(!fixed.text.contains("Build failed"))
    }

    @Test("a request while a rebuild runs waits for it instead of getting stale output")
    func noStaleOutput() throws {
        let fixture = try fixture
        for round in 0..<2 {
            let marker = "Fresh \(round) \(UUID().uuidString.prefix(6))"
            try fixture.edit("content/posts/footnotes.md") { $0 + "\n\n" + marker + "\n" }
            // The preview's log goes with a failure: it says whether a build failed or the guest trapped.
            var page: TestResponse
            do {
                page = try fixture.get("/posts/footnotes/")
            } catch {
                // Known and open: under the thread sanitizer the preview has closed this
                // connection before the end of its response twice in eight clean-clone CI
                // runs (0 bytes once, a cut chunked body once; no trap, no failed build in
                // its log). Recorded as a known issue, then asked once more:
                // the page must still hold the edit, and a second failure fails the test.
                let log = String(fixture.log.text.suffix(3000))
                withKnownIssue("the preview closed the connection early", isIntermittent: true) {
                    throw TestClientError(description: "\(error)\npreview log:\n\(log)")
                }
                do {
                    page = try fixture.get("/posts/footnotes/")
                } catch {
                    throw TestClientError(description: "\(error) (the second time)\npreview log:\n\(fixture.log.text.suffix(3000))")
                }
            }
            #expect(page.text.contains(marker))
        }
    }
}

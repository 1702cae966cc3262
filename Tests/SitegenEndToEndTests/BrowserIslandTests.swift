import Foundation
import Testing

/// What a reader's browser ends up showing, in headless Chromium: on a page streamed by
/// the component, every fallback was replaced by its section (the inline `sg(n)` swaps
/// ran); on the same page served as a static file (a CDN, any static host), the deferred
/// loader fetched each island from `/_sg/island/…` and swapped it in.
@Suite("Islands in a browser", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct BrowserIslandTests {
    static func chromium() throws -> Chromium {
        guard let executable = Tools.chromium else { try Test.cancel("skipped: chromium is not installed") }
        let profile = BlogSite.workRoot + "/chromium-" + UUID().uuidString.prefix(8)
        return Chromium(executable: executable, profile: profile)
    }

    /// Checks the DOM of `/order/` (three sections) and `/failing/` once loaded.
    static func expectFilled(_ dom: (String) throws -> String, how: String) throws {
        let order = try dom("/order/")
        let context = Comment(rawValue: "\(how) /order/:\n" + order)
        #expect(order.matches(of: #/<b class="loaded" data-label="[a-z-]+">/#).count == 3, context)
        for label in ["first-in-page", "second-in-page", "third-in-page"] {
            #expect(order.contains("data-label=\"\(label)\">loaded \(label) after"), context)
        }
        #expect(!order.contains("class=\"fallback\""), context)
        #expect(!order.contains("<template"), context)
        #expect(!order.contains("data-src="), "no boundary is left waiting: \(context)")

        let failing = try dom("/failing/")
        let failed = Comment(rawValue: "\(how) /failing/:\n" + failing)
        #expect(failing.contains("loaded fine after"), failed)
        // The broken island's error block, and one default boundary for the late one (the
        // loader script's copy of the default ends in `<\/div>`, so it is not counted).
        #expect(failing.contains("<p class=\"broken-error\">the broken section failed (on purpose)</p>"), failed)
        #expect(failing.components(separatedBy: StreamingTimingTests.errorBoundary).count - 1 == 1, failed)
        #expect(!failing.contains("class=\"fallback\""), failed)
    }

    @Test("a streamed page ends with every fallback replaced")
    func streamed() throws {
        let browser = try Self.chromium()
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            try Self.expectFilled({ try browser.dumpDOM("http://127.0.0.1:\(server.port)" + $0) }, how: "streamed")
        }
    }

    @Test("a page served as a static file fills its islands through /_sg/island")
    func deferred() throws {
        let browser = try Self.chromium()
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let host = try StaticHost(directory: site.dist, componentPort: server.port)
            defer { host.stop() }
            // The static host really serves the file: the fallback is in what it sends.
            let raw = try RawHTTPClient.request("GET", "/order/", port: UInt16(host.port))
            #expect(raw.text.contains("<i class=\"fallback\">waiting for first-in-page</i>"), "\(raw.summary)")
            #expect(raw.text.contains("data-src=\"/_sg/island/slow?"), "\(raw.summary)")
            try Self.expectFilled({ try browser.dumpDOM("http://127.0.0.1:\(host.port)" + $0, budget: 8000) }, how: "static")
        }
    }
}

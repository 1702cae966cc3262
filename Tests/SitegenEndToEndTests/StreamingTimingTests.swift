import Foundation
import Testing

/// Out-of-order streaming, timed on the raw socket against `wasmtime serve`: the shell
/// leaves at once, loaders run concurrently, each section is its own chunk sent when its
/// loader finishes, and a failing or late loader becomes an error view in a 200 page
/// (its island's `{% block error %}`, or the default boundary).
///
/// Pages of `Tests/Fixtures/ComponentSites/streaming` (loader `slow` waits `ms`):
/// `/one/` 300 ms; `/three/` 3 × 300 ms; `/order/` 600, 100, 350 ms in page order;
/// `/failing/` a throwing loader, a 100 ms one and a 3 s one (the timeout is 1 s).
///
/// Timing bounds are generous on the slow side (a shared CI machine) and strict where it
/// matters: the shell must not wait for a loader, and loaders must not run one after the
/// other. First-byte times are the best of three tries, so one scheduling hiccup of the
/// machine does not decide the result.
@Suite("Streaming timing", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct StreamingTimingTests {
    static let errorBoundary = "<div class=\"sg-error\" role=\"alert\">This section could not be loaded.</div>"

    /// Requests `target` `tries` times (after one warm-up request) and returns the answers.
    static func timed(_ server: ServerProcess, _ target: String, tries: Int = 3) throws -> [TimedResponse] {
        _ = try server.get(target)
        return try (0..<tries).map { _ in try server.timed("GET", target) }
    }

    @Test("the shell arrives in under 20 ms; the page completes when its 300 ms loader does")
    func firstByteDoesNotWaitForTheLoader() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let answers = try Self.timed(server, "/one/")
            let report = Comment(rawValue: answers.map(\.timeline).joined(separator: "\n---\n"))
            for answer in answers {
                #expect(answer.response.status == 200, report)
                let chunks = answer.chunks
                try #require(chunks.count >= 2, report)
                // The first chunk is the shell: the fallback, no resolved section.
                #expect(chunks[0].text.contains("<i class=\"fallback\">waiting for a</i>"), report)
                #expect(!chunks[0].text.contains("<template"), report)
                #expect(answer.response.text.contains("loaded a after"), report)
                // The page is complete only after the loader: ~300 ms, well under two loaders' time.
                #expect(answer.total >= 0.29 && answer.total < 0.6, report)
            }
            let bestShell = answers.map { $0.chunks.first?.seconds ?? .infinity }.min() ?? .infinity
            #expect(bestShell < 0.020, Comment(rawValue: "shell after \(TimedResponse.ms(bestShell)) (best of 3)\n" + report.rawValue))
        }
    }

    @Test("three 300 ms loaders finish together in ~300 ms, not ~900 ms")
    func loadersRunConcurrently() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            for answer in try Self.timed(server, "/three/", tries: 2) {
                let report = Comment(rawValue: answer.timeline)
                #expect(answer.response.status == 200, report)
                for label in ["a", "b", "c"] {
                    #expect(answer.response.text.contains("loaded \(label) after"), report)
                }
                #expect(answer.total >= 0.29 && answer.total < 0.6, report)
                #expect(answer.response.text.hasSuffix("</html>\n"), report)
            }
        }
    }

    @Test("sections are sent in the order their loaders finish, each in its own chunk")
    func outOfOrderChunks() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let answer = try server.timed("GET", "/order/")
            let report = Comment(rawValue: answer.timeline)
            let chunks = answer.chunks
            // Which chunk resolves boundary n (1, 2, 3 in page order: 600, 100, 350 ms).
            func chunkIndex(_ n: Int) -> Int? { chunks.firstIndex { $0.text.contains("<template id=\"sg-t\(n)\">") } }
            let first = try #require(chunkIndex(1), report)
            let second = try #require(chunkIndex(2), report)
            let third = try #require(chunkIndex(3), report)
            #expect(second < third && third < first, report)
            #expect(!chunks[0].text.contains("<template"), "the shell comes first, unresolved: \(report)")
            // Each arrived when its loader finished, not all at the end.
            #expect(chunks[second].seconds >= 0.09 && chunks[second].seconds < 0.3, report)
            #expect(chunks[third].seconds >= 0.34 && chunks[third].seconds < 0.55, report)
            #expect(chunks[first].seconds >= 0.59 && chunks[first].seconds < 0.9, report)
            // The de-chunked body has them in the same completion order.
            let text = answer.response.text
            let positions = ["second-in-page", "third-in-page", "first-in-page"].map {
                text.range(of: "loaded \($0) after")?.lowerBound
            }
            #expect(positions.allSatisfy { $0 != nil } && positions[0]! < positions[1]! && positions[1]! < positions[2]!, report)
        }
    }

    @Test("an island shortcode in Markdown streams like the template tag")
    func markdownIsland() throws {
        let site = try StreamingSite.built()
        let shell = String(decoding: try #require(site.file("markdown/index.html")), as: UTF8.self)
        #expect(shell.contains("<sg-b id=\"sg-b1\" data-src=\"/_sg/island/slow?"), "\(shell)")
        #expect(shell.contains("<em>waiting for md</em></sg-b>"), "the fallback is Markdown: \(shell)")
        try withWasmtime(site) { server in
            let answer = try server.timed("GET", "/markdown/")
            let report = Comment(rawValue: answer.timeline)
            #expect(answer.response.status == 200, report)
            #expect(answer.chunks.first?.text.contains("<em>waiting for md</em>") == true, report)
            #expect(answer.response.text.contains("<template id=\"sg-t1\"><b class=\"loaded\" data-label=\"md\">loaded md after"), report)
            #expect(answer.total >= 0.19, report)
        }
    }

    @Test("a failing loader and a timed-out loader get their error views; the page is a 200")
    func failingLoaders() throws {
        let site = try StreamingSite.built()
        try withWasmtime(site) { server in
            let answer = try server.timed("GET", "/failing/")
            let text = answer.response.text
            let report = Comment(rawValue: answer.timeline + "\n" + server.logComment)
            #expect(answer.response.status == 200, report)
            #expect(text.contains("loaded fine after"), report)
            // The broken island's own error block; the late one has none: the default boundary.
            #expect(text.contains("<p class=\"broken-error\">the broken section failed (on purpose)</p>"), report)
            #expect(text.components(separatedBy: Self.errorBoundary).count - 1 == 1, "one default error boundary: \(report)")
            #expect(!text.contains("loaded late"), report)
            // The late section is cut at the 1 s timeout, not after its 3 s.
            #expect(answer.total >= 0.95 && answer.total < 2.5, report)
            #expect(text.hasSuffix("</html>\n"), report)
            // Details go to the host's log, never to the client.
            #expect(!text.contains("fails on purpose"), report)
            #expect(server.log.contains("the broken loader fails on purpose"), report)
            #expect(server.log.contains("timed out after 1000 ms"), report)
            // The host keeps serving.
            #expect(try server.get("/one/").status == 200)
        }
    }
}

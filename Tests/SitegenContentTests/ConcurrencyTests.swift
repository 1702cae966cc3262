import Dispatch
import Testing
@testable import SitegenContent

/// The build renders pages in parallel; cmark-gfm's global extension state must not leak between them.
struct ConcurrencyTests {
    /// Pages using every extension whose special characters cmark-gfm keeps in its
    /// process-wide table: strikethrough (`~`), tables (`|`), autolinks (`:`, `w`).
    static let pages = (0..<2_000).map { i in
        "# Page \(i)\n\n~~old \(i)~~ and www.example.com/\(i) and https://example.org/\(i)\n\n| a | b |\n|---|---|\n| \(i) | x |\n\n- [x] t\(i)\n\n"
            + String(repeating: "Some ~~struck~~ text, a | pipe, www.example.net and *emphasis*.\n", count: 20)
    }

    @Test func parallelRendersMatchSerialOnes() {
        let renderer = MarkdownRenderer()
        let expected = Self.pages.map { renderer.render($0) }
        #expect(expected[7].html.contains("<del>old 7</del>") && expected[7].html.contains("<table>")
                && expected[7].html.contains("href=\"http://www.example.com/7\""))
        // Threads, not tasks: as many parses at once as there are cores, as the build runs them.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<RenderedMarkdown?>.allocate(capacity: Self.pages.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: Self.pages.count) { i in results[i] = renderer.render(Self.pages[i]) }
        let mismatches = (0..<Self.pages.count).filter { results[$0] != expected[$0] }
        #expect(mismatches.isEmpty, "pages rendered differently on many threads: \(mismatches.prefix(5))")
    }

    /// On Linux with Debian's shared cmark-gfm, the table is pinned (`CCmarkParallel`) and
    /// parses run at once; if this fails, every parse is serialised again (correct, slower).
    @Test func parsesRunInParallel() {
        #expect(CMarkDocument.parsesInParallel)
    }
}

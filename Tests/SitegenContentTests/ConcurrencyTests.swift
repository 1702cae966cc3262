import Testing
@testable import SitegenContent

/// The build renders pages in parallel; cmark-gfm's global extension state must not leak between them.
struct ConcurrencyTests {
    @Test func parallelRendersMatchSerialOnes() async {
        let renderer = MarkdownRenderer()
        let pages = (0..<64).map { i in
            "# Page \(i)\n\n~~old \(i)~~ and www.example.com/\(i)\n\n| a | b |\n|---|---|\n| \(i) | x |\n\n- [x] t\(i)"
        }
        let expected = pages.map { renderer.render($0) }
        let rendered = await withTaskGroup(of: (Int, RenderedMarkdown).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask { (index, renderer.render(page)) }
            }
            var results = [RenderedMarkdown?](repeating: nil, count: pages.count)
            for await (index, page) in group { results[index] = page }
            return results
        }
        #expect(rendered == expected)
    }
}

import Testing
@testable import SitegenContent

/// Link destinations go through the caller's closure with their source positions.
struct LinkRewriteTests {
    let renderer = MarkdownRenderer()

    @Test func closureRewritesAndNilKeeps() {
        let page = renderer.render("[a](../a.md) [b](https://b.org) ![c](c.png)") { destination, _, _ in
            destination.hasSuffix(".md") ? "/a/" : nil
        }
        #expect(page.html == "<p><a href=\"/a/\">a</a> <a href=\"https://b.org\">b</a> <img src=\"c.png\" alt=\"c\" /></p>\n")
    }

    @Test func linksAreListedWithPositionsAsWritten() {
        let markdown = "# Title\n\nSee [a](a.md) and\n![pic](p.png \"T\").\n\n[ref]: r.md\n\n> - [r][ref]"
        let page = renderer.render(markdown) { _, _, _ in "/rewritten/" }
        #expect(page.links == [
            MarkdownLink(destination: "a.md", line: 3, column: 5),
            MarkdownLink(destination: "p.png", line: 4, column: 1, isImage: true),
            MarkdownLink(destination: "r.md", line: 8, column: 5),
        ])
    }

    @Test func closureGetsTheSamePositions() {
        var seen: [String] = []
        _ = renderer.render("x\n\n  [a](one.md)") { destination, line, column in
            seen.append("\(destination)@\(line):\(column)")
            return nil
        }
        #expect(seen == ["one.md@3:3"])
    }

    @Test func lineOffsetMovesLinesIntoTheFile() {
        let renderer = MarkdownRenderer(options: MarkdownOptions(lineOffset: 5))
        #expect(renderer.render("[a](a.md)").links == [MarkdownLink(destination: "a.md", line: 6, column: 1)])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        let page = renderer.render("Grüße → [a](a.md)")
        #expect(page.links == [MarkdownLink(destination: "a.md", line: 1, column: 9)])
    }

    @Test func rewrittenDestinationIsEscaped() {
        let page = renderer.render("[a](a.md)") { _, _, _ in "/a b/?x=1&y=\"2\"" }
        #expect(page.html == "<p><a href=\"/a%20b/?x=1&amp;y=%222%22\">a</a></p>\n")
    }

    @Test func anchorsAndEmptyDestinationsAreReportedToo() {
        let page = renderer.render("[top](#top) [none]()")
        #expect(page.links.map(\.destination) == ["#top", ""])
    }

    @Test func bareAutolinksWithoutPositionUseTheirParagraphs() {
        let page = renderer.render("Intro.\n\n  Visit https://swift.org today")
        #expect(page.links == [MarkdownLink(destination: "https://swift.org", line: 3, column: 3)])
    }
}

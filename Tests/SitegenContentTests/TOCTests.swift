import SitegenHTML
import Testing
@testable import SitegenContent

/// The table of contents: headings nested under the nearest earlier lower level.
struct TOCTests {
    let renderer = MarkdownRenderer()

    @Test func nestsByLevel() {
        let toc = renderer.render("# A\n## B\n### C\n## D\n# E").toc
        #expect(toc == [
            TOCEntry(level: 1, id: "a", title: "A", children: [
                TOCEntry(level: 2, id: "b", title: "B", children: [TOCEntry(level: 3, id: "c", title: "C")]),
                TOCEntry(level: 2, id: "d", title: "D"),
            ]),
            TOCEntry(level: 1, id: "e", title: "E"),
        ])
    }

    @Test func skippedLevelsNestUnderTheNearestHigherHeading() {
        let toc = renderer.render("## A\n#### B\n### C").toc
        #expect(toc == [
            TOCEntry(level: 2, id: "a", title: "A", children: [
                TOCEntry(level: 4, id: "b", title: "B"),
                TOCEntry(level: 3, id: "c", title: "C"),
            ])
        ])
    }

    @Test func pageStartingDeepKeepsLaterShallowHeadingsAtTheTop() {
        let toc = renderer.render("### Deep\n## Shallow").toc
        #expect(toc == [TOCEntry(level: 3, id: "deep", title: "Deep"), TOCEntry(level: 2, id: "shallow", title: "Shallow")])
    }

    @Test func titlesArePlainText() {
        let toc = renderer.render("## Use `swift build` *now*").toc
        #expect(toc == [TOCEntry(level: 2, id: "use-swift-build-now", title: "Use swift build now")])
    }

    @Test func noHeadingsNoEntries() {
        #expect(renderer.render("Just text.").toc.isEmpty)
    }

    @Test func valueFormMatchesZolaNames() {
        let page = renderer.render("# A\n## B")
        let child: Value = ["level": 2, "id": "b", "title": "B", "children": []]
        #expect(page.tocValue == [["level": 1, "id": "a", "title": "A", "children": [child]]])
    }
}

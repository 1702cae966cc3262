import Testing
@testable import SitegenContent

/// Summaries: the content before `<!-- more -->`, else the first paragraph.
struct SummaryTests {
    let renderer = MarkdownRenderer()

    @Test func contentBeforeMoreMarker() {
        let page = renderer.render("# Intro\n\nFirst *para*.\n\n<!--more-->\n\nRest.")
        #expect(page.summaryHTML == "<h1 id=\"intro\">Intro</h1>\n<p>First <em>para</em>.</p>\n")
        #expect(page.hasMoreMarker)
    }

    @Test func markerBecomesContinueReadingAnchor() {
        let html = renderer.render("One.\n\n<!-- more -->\n\nTwo.").html
        #expect(html == "<p>One.</p>\n<span id=\"continue-reading\"></span>\n<p>Two.</p>\n")
    }

    @Test func markerMayHaveSpacesAndCapitals() {
        #expect(renderer.render("A.\n\n<!--  MORE  -->\n\nB.").summaryHTML == "<p>A.</p>\n")
    }

    @Test func markerWorksWithRawHTMLAllowed() {
        let page = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render("A.\n\n<!-- more -->\n\nB.")
        #expect(page.summaryHTML == "<p>A.</p>\n")
        #expect(page.html == "<p>A.</p>\n<span id=\"continue-reading\"></span>\n<p>B.</p>\n")
    }

    @Test func otherCommentsAreNotMarkers() {
        let page = renderer.render("A.\n\n<!-- more to come -->\n\nB.")
        #expect(!page.hasMoreMarker)
        #expect(page.summaryHTML == "<p>A.</p>\n")
    }

    @Test func withoutMarkerTheFirstParagraph() {
        let page = renderer.render("## Heading\n\n- list\n\nFirst [para](/x).\n\nSecond.")
        #expect(page.summaryHTML == "<p>First <a href=\"/x\">para</a>.</p>\n")
        #expect(!page.hasMoreMarker)
    }

    @Test func noParagraphNoSummary() {
        #expect(renderer.render("# Only a heading").summaryHTML == nil)
    }

    @Test func summaryKeepsFootnoteReferences() {
        let page = renderer.render("Claim[^a].\n\n<!-- more -->\n\n[^a]: Note.")
        #expect(page.summaryHTML == """
            <p>Claim<sup class="footnote-ref"><a href="#fn-a" id="fnref-a" data-footnote-ref>1</a></sup>.</p>

            """)
    }

    @Test func summaryUsesRewrittenLinks() {
        let page = renderer.render("See [x](x.md).\n\n<!-- more -->") { destination, _, _ in "/x/" }
        #expect(page.summaryHTML == "<p>See <a href=\"/x/\">x</a>.</p>\n")
    }
}

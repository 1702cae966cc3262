import Testing
@testable import SitegenContent

/// Heading ids: the slug of the text, unique on the page, the same on every build.
struct HeadingIDTests {
    let renderer = MarkdownRenderer()

    @Test func headingGetsSlugID() {
        #expect(renderer.render("## Getting started").html == "<h2 id=\"getting-started\">Getting started</h2>\n")
    }

    @Test func markupInHeadingIsKeptAndLeftOutOfTheID() {
        #expect(renderer.render("# Hello *big* `World`!").html
            == "<h1 id=\"hello-big-world\">Hello <em>big</em> <code>World</code>!</h1>\n")
    }

    @Test func repeatedHeadingsAreNumbered() {
        let html = renderer.render("## Notes\n\n## Notes\n\n### Notes").html
        #expect(html == """
            <h2 id="notes">Notes</h2>
            <h2 id="notes-1">Notes</h2>
            <h3 id="notes-2">Notes</h3>

            """)
    }

    @Test func numberingSkipsIDsAlreadyTaken() {
        let html = renderer.render("# A 1\n\n# A\n\n# A").html
        #expect(html == "<h1 id=\"a-1\">A 1</h1>\n<h1 id=\"a\">A</h1>\n<h1 id=\"a-2\">A</h1>\n")
    }

    @Test func headingWithoutLettersIsCalledSection() {
        #expect(renderer.render("## ???\n\n## !!!").html
            == "<h2 id=\"section\">???</h2>\n<h2 id=\"section-1\">!!!</h2>\n")
    }

    @Test func headingsDoNotTakeFootnoteIDs() {
        let html = renderer.render("# Fn 1\n\nA[^1]\n\n[^1]: B").html
        #expect(html.hasPrefix("<h1 id=\"fn-1-1\">Fn 1</h1>\n"))
    }

    @Test func setextHeadingsAndNestedHeadingsGetIDs() {
        #expect(renderer.render("Title\n=====\n\n> ## Quoted").html == """
            <h1 id="title">Title</h1>
            <blockquote>
            <h2 id="quoted">Quoted</h2>
            </blockquote>

            """)
    }

    @Test func headingIDsSurviveEscapedHTML() {
        #expect(renderer.render("## A <b>b</b>").html == "<h2 id=\"a-b-b-b\">A &lt;b&gt;b&lt;/b&gt;</h2>\n")
    }

    @Test func idsAreStableAcrossRenders() {
        let markdown = "# One\n\n## Two\n\n## Two\n\n# Üben"
        let first = renderer.render(markdown)
        #expect(renderer.render(markdown) == first)
        #expect(first.toc.map(\.id) == ["one", "üben"])
    }

    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("  Swift 6 & WASI  ", "swift-6-wasi"),
        ("snake_case--and---dashes", "snake-case-and-dashes"),
        ("Grüße aus Köln", "grüße-aus-köln"),
        ("日本語 テキスト", "日本語-テキスト"),
        ("C++ / Rust", "c-rust"),
        ("***", ""),
        ("ÉCOLE", "école"),
    ])
    func slugify(text: String, slug: String) {
        #expect(Slug.slugify(text) == slug)
    }
}

import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/markdown`: table of contents, summaries, and relative `.md`
/// links rewritten to the pages' URLs.
@Suite struct MarkdownFeatureTests {
    @Test func tocLinksRewritingAndHeadingIDs() {
        let site = BuiltSite.fixture("markdown")
        site.expectClean()
        expectFiles(site, [
            "guide/intro/index.html": """
                <h1>Intro</h1>
                <nav>
                <a href="#getting-started">2 Getting started</a>
                  <a href="#details">3 Details</a>
                <a href="#more-reading">2 More reading</a>
                </nav>
                <main>
                <p>The first paragraph is the summary.</p>
                <p>Second paragraph, not in the summary.</p>
                <h2 id="getting-started">Getting started</h2>
                <p>See <a href="/guide/setup/">setup</a>, the <a href="/guide/setup/#options">options</a>, the <a href="/">home page</a>,
                <a href="/guide/advanced/tuning/">tuning</a> and <a href="#more-reading">this section</a>. <a href="/guide/setup/">Absolute</a>
                links work too, and so do <a href="https://example.com/x.md">external</a> and <a href="/feed.xml">root</a> ones.</p>
                <h3 id="details">Details</h3>
                <p>Text.</p>
                <h2 id="more-reading">More reading</h2>
                <p>Done.</p>
                </main>

                """,
            "guide/advanced/tuning/index.html": """
                <h1>Tuning</h1>
                <nav>
                <a href="#duplicate">2 Duplicate</a>
                <a href="#duplicate-1">2 Duplicate</a>
                </nav>
                <main>
                <p>Up to <a href="/guide/">the guide</a> or <a href="/guide/setup/#options">setup</a>.</p>
                <h2 id="duplicate">Duplicate</h2>
                <h2 id="duplicate-1">Duplicate</h2>
                </main>

                """,
        ])
    }

    @Test func summariesComeFromMoreMarkerFirstParagraphOrFrontMatter() {
        let site = BuiltSite.fixture("markdown")
        expectFiles(site, [
            "guide/index.html": """
                <h1>Guide</h1>
                <p>Start with <a href="/guide/intro/">the intro</a> or read <a href="/guide/setup/#options">setup options</a>.</p>

                <article><h2>Intro</h2>
                <div class="summary"><p>The first paragraph is the summary.</p>
                </div></article>
                <article><h2>Setup</h2>
                <div class="summary"><p>Before the marker, <em>with emphasis</em>.</p>
                <p>Still before.</p>
                </div></article>
                <article><h2>Tuning</h2>
                <div class="summary">A hand-written summary.</div></article>

                """,
            "guide/setup/index.html": """
                <h1>Setup</h1>
                <nav>
                <a href="#options">2 Options</a>
                </nav>
                <main>
                <p>Before the marker, <em>with emphasis</em>.</p>
                <p>Still before.</p>
                <span id="continue-reading"></span>
                <p>After the marker.</p>
                <h2 id="options">Options</h2>
                <p>Back to <a href="/guide/intro/#getting-started">the intro</a>.</p>
                </main>

                """,
        ])
    }

    /// With `base_url = "https://example.org/docs/"` the site is served under `/docs/`, so a
    /// rewritten `.md` link must carry that prefix (as `url()` does, and as a permalink would);
    /// a bare `/guide/setup/` points outside the site.
    @Test func rewrittenLinksKeepTheBaseURLPath() {
        let site = SiteFixture([
            "sitegen.toml": "title = \"T\"\nbase_url = \"https://example.org/docs/\"\ntaxonomies = []\n[feeds]\natom = false\nrss = false\n",
            "templates/page.html": "{{ page.content }}<a href=\"{{ url(path='setup.md') }}\">url()</a>",
            "templates/section.html": "",
            "content/intro.md": "---\ntitle: Intro\n---\nSee [setup](setup.md).\n",
            "content/setup.md": "---\ntitle: Setup\n---\n",
        ]).build()
        site.expectClean()
        let html = site.text("intro/index.html") ?? ""
        #expect(html.contains("<a href=\"/docs/setup/\">url()</a>"), "url() honours the base path: \(html)")
        #expect(html.contains("<a href=\"/docs/setup/\">setup</a>") || html.contains("<a href=\"https://example.org/docs/setup/\">setup</a>"),
                "the rewritten Markdown link should point into the site: \(html)")
    }

    @Test func pageVariablesFromMarkdown() {
        let site = SiteFixture([
            "templates/page.html": "{{ page.word_count }} words, {{ page.reading_time }} min; toc={{ page.toc | length }}",
            "templates/section.html": "",
            "content/a.md": "---\ntitle: A\n---\n# One\n\n" + String(repeating: "word ", count: 401) + "\n\n```\nnot counted\n```\n",
        ]).build()
        site.expectClean()
        #expect(site.text("a/index.html") == "402 words, 3 min; toc=1")
    }

    @Test func smartPunctuationAndUnsafeHTMLFollowConfig() {
        let page = "---\ntitle: A\n---\n\"Quoted\" -- <b>bold</b>\n"
        let plain = SiteFixture([
            "templates/page.html": "{{ page.content }}", "templates/section.html": "", "content/a.md": page,
        ]).build()
        #expect(plain.text("a/index.html") == "<p>&quot;Quoted&quot; -- &lt;b&gt;bold&lt;/b&gt;</p>\n")
        let fancy = SiteFixture([
            "sitegen.toml": SiteFixture.minimalConfig + "[markdown]\nsmart_punctuation = true\nunsafe_html = true\n",
            "templates/page.html": "{{ page.content }}", "templates/section.html": "", "content/a.md": page,
        ]).build()
        #expect(fancy.text("a/index.html") == "<p>“Quoted” – <b>bold</b></p>\n")
    }
}

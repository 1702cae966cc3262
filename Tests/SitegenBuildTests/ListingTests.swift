import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/listing`: date and weight sorting, pagination, taxonomies with
/// per-term feeds, and previous/next links.
@Suite struct ListingTests {
    @Test func buildsEveryListPageAndFeed() {
        let site = BuiltSite.fixture("listing")
        site.expectClean()
        expectFileList(site, [
            "atom.xml", "index.html", "robots.txt", "sitemap.xml",
            "docs/advanced/index.html", "docs/appendix/index.html", "docs/atom.xml", "docs/basics/index.html",
            "docs/index.html", "docs/intro/index.html",
            "posts/alpha/index.html", "posts/atom.xml", "posts/bravo/index.html", "posts/charlie/index.html",
            "posts/delta/index.html", "posts/echo/index.html", "posts/index.html", "posts/page/2/index.html",
            "posts/page/3/index.html",
            // series has feed = false: term pages but no term feeds.
            "series/basics/index.html", "series/index.html",
            "tags/index.html", "tags/swift-tips/atom.xml", "tags/swift-tips/index.html", "tags/swift/atom.xml",
            "tags/swift/index.html", "tags/web/atom.xml", "tags/web/index.html",
        ])
    }

    @Test func paginatesNewestFirstWithPagerLinks() {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "posts/index.html": """
                <h1>Posts</h1>
                <p>pager 1/3 of 5; prev=- next=https://example.org/posts/page/2/</p>
                <ol>
                <li>Echo 2024-05-05</li>
                <li>Delta 2024-04-05</li>
                </ol>

                """,
            "posts/page/2/index.html": """
                <h1>Posts</h1>
                <p>pager 2/3 of 5; prev=https://example.org/posts/ next=https://example.org/posts/page/3/</p>
                <ol>
                <li>Charlie 2024-03-05</li>
                <li>Bravo 2024-02-05</li>
                </ol>

                """,
            "posts/page/3/index.html": """
                <h1>Posts</h1>
                <p>pager 3/3 of 5; prev=https://example.org/posts/page/2/ next=-</p>
                <ol>
                <li>Alpha 2024-01-05</li>
                </ol>

                """,
        ])
        #expect(!BuiltSite.fixture("listing").exists("posts/page/1/index.html"), "pager 1 is the section itself")
    }

    @Test func sortByWeightPutsUnweightedPagesLast() {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "docs/index.html": """
                <h1>Docs</h1>
                <ol>
                <li>Zeta intro w=1</li>
                <li>Basics w=10</li>
                <li>Advanced w=20</li>
                <li>Appendix w=-</li>
                </ol>

                """,
        ])
    }

    /// Date order is newest first, so the older neighbour is `lower` and the newer `higher` (Zola's meaning).
    @Test func previousAndNextFollowDateOrder() {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "posts/alpha/index.html": "<h1>Alpha</h1>\n<p>lower=- higher=/posts/bravo/</p>\n<p>tags=swift</p>\n",
            "posts/charlie/index.html": "<h1>Charlie</h1>\n<p>lower=/posts/bravo/ higher=/posts/delta/</p>\n<p>tags=web</p>\n",
            "posts/echo/index.html": "<h1>Echo</h1>\n<p>lower=/posts/delta/ higher=-</p>\n<p>tags=swift</p>\n",
        ])
    }

    /// In a section sorted by weight, `lower` is the lighter page (the one before it in
    /// reading order) and `higher` the heavier one, as in Zola and as content/docs/templates.md
    /// says ("the previous and next page in the section's order"). The default theme shows
    /// `lower` as "Previous" and `higher` as "Next".
    @Test func previousAndNextFollowWeightOrder() {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "docs/intro/index.html": "<h1>Zeta intro</h1>\n<p>lower=- higher=/docs/basics/</p>\n<p>tags=</p>\n",
            "docs/basics/index.html": "<h1>Basics</h1>\n<p>lower=/docs/intro/ higher=/docs/advanced/</p>\n<p>tags=</p>\n",
            "docs/appendix/index.html": "<h1>Appendix</h1>\n<p>lower=/docs/advanced/ higher=-</p>\n<p>tags=</p>\n",
        ])
    }

    @Test func taxonomyAndTermPagesListTermsBySlug() {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "tags/index.html": """
                <h1>tags</h1>
                <ul>
                <li><a href="https://example.org/tags/swift/">swift</a> 3</li>
                <li><a href="https://example.org/tags/swift-tips/">Swift Tips</a> 1</li>
                <li><a href="https://example.org/tags/web/">web</a> 2</li>
                </ul>

                """,
            "tags/swift/index.html": "<h1>tags: swift</h1>\n<ul>\n<li>Echo</li>\n<li>Bravo</li>\n<li>Alpha</li>\n</ul>\n",
            "tags/swift-tips/index.html": "<h1>tags: Swift Tips</h1>\n<ul>\n<li>Delta</li>\n</ul>\n",
            "series/index.html": "<h1>series</h1>\n<ul>\n<li><a href=\"https://example.org/series/basics/\">basics</a> 5</li>\n</ul>\n",
        ])
    }

    @Test func perTermFeedHoldsOnlyThatTermsPages() throws {
        let site = BuiltSite.fixture("listing")
        expectFiles(site, [
            "tags/web/atom.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                  <title>Listing – web</title>
                  <link href="https://example.org/tags/web/atom.xml" rel="self" type="application/atom+xml"/>
                  <link href="https://example.org/tags/web/" rel="alternate" type="text/html"/>
                  <updated>2024-03-05T00:00:00Z</updated>
                  <id>https://example.org/tags/web/atom.xml</id>
                  <generator>sitegen</generator>
                  <entry>
                    <title>Charlie</title>
                    <link href="https://example.org/posts/charlie/" rel="alternate" type="text/html"/>
                    <id>https://example.org/posts/charlie/</id>
                    <published>2024-03-05T00:00:00Z</published>
                    <updated>2024-03-05T00:00:00Z</updated>
                    <summary type="html">&lt;p&gt;Charlie body.&lt;/p&gt;
                </summary>
                    <content type="html">&lt;p&gt;Charlie body.&lt;/p&gt;
                </content>
                  </entry>
                  <entry>
                    <title>Bravo</title>
                    <link href="https://example.org/posts/bravo/" rel="alternate" type="text/html"/>
                    <id>https://example.org/posts/bravo/</id>
                    <published>2024-02-05T00:00:00Z</published>
                    <updated>2024-02-05T00:00:00Z</updated>
                    <summary type="html">&lt;p&gt;Bravo body.&lt;/p&gt;
                </summary>
                    <content type="html">&lt;p&gt;Bravo body.&lt;/p&gt;
                </content>
                  </entry>
                </feed>

                """,
        ])
        #expect(!site.exists("tags/web/rss.xml"), "[feeds] rss = false")
        #expect(!site.exists("series/basics/atom.xml"), "series has feed = false")
    }

    @Test func siteWidePaginateAppliesToTermsAndSectionsWithoutTheirOwn() {
        var files: [String: String] = [
            "sitegen.toml": "title = \"P\"\nbase_url = \"https://example.org\"\npaginate = 2\n[feeds]\natom = false\nrss = false\n",
            "templates/page.html": "{{ page.title }}",
            "templates/section.html": "{% for p in paginator.pages %}{{ p.title }};{% endfor %}",
            "templates/taxonomy.html": "",
            "templates/term.html": "{{ paginator.current_index }}:{% for p in paginator.pages %}{{ p.title }};{% endfor %}",
        ]
        for n in 1...3 { files["content/p\(n).md"] = "---\ntitle: P\(n)\ndate: 2024-01-0\(n)\ntags: [t]\n---\n" }
        let site = SiteFixture(files).build()
        site.expectClean()
        expectFiles(site, [
            "index.html": "P3;P2;", "page/2/index.html": "P1;",
            "tags/t/index.html": "1:P3;P2;", "tags/t/page/2/index.html": "2:P1;",
        ])
    }

    @Test func taxonomyWithoutTemplatesIsSkippedWithAWarning() {
        let site = SiteFixture([
            "sitegen.toml": "title = \"T\"\nbase_url = \"https://example.org\"\n[feeds]\natom = false\nrss = false\n",
            "templates/page.html": "{{ page.title }}",
            "templates/section.html": "",
            "content/a.md": "---\ntitle: A\ntags: [x]\n---\n",
        ]).build()
        #expect(site.result.succeeded)
        #expect(site.printedDiagnostics == """
            warning: taxonomy 'tags' has no templates; its pages are skipped
              fix: add taxonomy.html and term.html to templates/

            """)
        #expect(!site.exists("tags/index.html"))
    }
}

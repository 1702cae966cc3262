import Foundation
import Testing
@testable import SitegenBuild

/// `Tests/Fixtures/Sites/feeds`: Atom and RSS feeds, sitemap.xml, robots.txt and 404.html,
/// compared whole.
@Suite struct FeedsAndExtrasTests {
    static let atomEntries = """
          <entry>
            <title>First &amp; best</title>
            <link href="https://example.org/notes/first/" rel="alternate" type="text/html"/>
            <id>https://example.org/notes/first/</id>
            <published>2024-02-10T09:30:00+02:00</published>
            <updated>2024-02-10T09:30:00+02:00</updated>
            <summary type="html">&lt;p&gt;A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; start &amp;amp; more.&lt;/p&gt;
        </summary>
            <content type="html">&lt;p&gt;A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; start &amp;amp; more.&lt;/p&gt;
        </content>
          </entry>
          <entry>
            <title>Second</title>
            <link href="https://example.org/notes/second/" rel="alternate" type="text/html"/>
            <id>https://example.org/notes/second/</id>
            <published>2024-02-01T00:00:00Z</published>
            <updated>2024-02-05T00:00:00Z</updated>
            <summary type="html">&lt;p&gt;Intro.&lt;/p&gt;
        </summary>
            <content type="html">&lt;p&gt;Intro.&lt;/p&gt;
        &lt;span id=&quot;continue-reading&quot;&gt;&lt;/span&gt;
        &lt;p&gt;Rest.&lt;/p&gt;
        </content>
          </entry>
        </feed>

        """

    @Test func outputFiles() {
        let site = BuiltSite.fixture("feeds")
        site.expectClean()
        expectFileList(site, [
            "404.html", "about/index.html", "atom.xml", "index.html", "notes/atom.xml", "notes/first/index.html",
            "notes/index.html", "notes/rss.xml", "notes/second/index.html", "notes/third/index.html",
            "robots.txt", "rss.xml", "sitemap.xml",
        ])
    }

    /// Newest first, `[feeds] limit = 2`, undated pages left out, titles and HTML escaped once by libxml2.
    @Test func atomFeeds() {
        let site = BuiltSite.fixture("feeds")
        expectFiles(site, [
            "atom.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
                  <title>Feeds &amp; &lt;Things&gt;</title>
                  <link href="https://example.org/atom.xml" rel="self" type="application/atom+xml"/>
                  <link href="https://example.org/" rel="alternate" type="text/html"/>
                  <updated>2024-02-10T09:30:00+02:00</updated>
                  <id>https://example.org/atom.xml</id>
                  <generator>sitegen</generator>

                """ + Self.atomEntries,
            "notes/atom.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
                  <title>Feeds &amp; &lt;Things&gt; – Notes</title>
                  <link href="https://example.org/notes/atom.xml" rel="self" type="application/atom+xml"/>
                  <link href="https://example.org/notes/" rel="alternate" type="text/html"/>
                  <updated>2024-02-10T09:30:00+02:00</updated>
                  <id>https://example.org/notes/atom.xml</id>
                  <generator>sitegen</generator>

                """ + Self.atomEntries,
        ])
    }

    @Test func rssFeed() {
        let site = BuiltSite.fixture("feeds")
        expectFiles(site, [
            "rss.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                  <channel>
                    <title>Feeds &amp; &lt;Things&gt;</title>
                    <link>https://example.org/</link>
                    <description>Notes about feeds</description>
                    <language>en-GB</language>
                    <generator>sitegen</generator>
                    <atom:link href="https://example.org/rss.xml" rel="self" type="application/rss+xml"/>
                    <lastBuildDate>Sat, 10 Feb 2024 09:30:00 +0200</lastBuildDate>
                    <item>
                      <title>First &amp; best</title>
                      <link>https://example.org/notes/first/</link>
                      <guid>https://example.org/notes/first/</guid>
                      <pubDate>Sat, 10 Feb 2024 09:30:00 +0200</pubDate>
                      <description>&lt;p&gt;A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; start &amp;amp; more.&lt;/p&gt;
                </description>
                    </item>
                    <item>
                      <title>Second</title>
                      <link>https://example.org/notes/second/</link>
                      <guid>https://example.org/notes/second/</guid>
                      <pubDate>Thu, 01 Feb 2024 00:00:00 +0000</pubDate>
                      <description>&lt;p&gt;Intro.&lt;/p&gt;
                </description>
                    </item>
                  </channel>
                </rss>

                """,
        ])
    }

    @Test func sitemapRobotsAnd404() {
        let site = BuiltSite.fixture("feeds")
        expectFiles(site, [
            "sitemap.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url>
                    <loc>https://example.org/</loc>
                  </url>
                  <url>
                    <loc>https://example.org/about/</loc>
                  </url>
                  <url>
                    <loc>https://example.org/notes/</loc>
                  </url>
                  <url>
                    <loc>https://example.org/notes/first/</loc>
                    <lastmod>2024-02-10</lastmod>
                  </url>
                  <url>
                    <loc>https://example.org/notes/second/</loc>
                    <lastmod>2024-02-05</lastmod>
                  </url>
                  <url>
                    <loc>https://example.org/notes/third/</loc>
                    <lastmod>2024-01-15</lastmod>
                  </url>
                </urlset>

                """,
            "robots.txt": "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n",
            "404.html": "<!doctype html>\n<title>Not found</title>\n<h1>404</h1>\n<p>/404.html</p>\n",
        ])
    }

    @Test func feedsAndSitemapAreWellFormedXML() {
        let site = BuiltSite.fixture("feeds")
        let audit = SiteAudit(output: site.output, baseURL: "https://example.org/")
        #expect(audit.xmlProblems() == [])
        for (file, root) in [("atom.xml", "feed"), ("rss.xml", "rss"), ("sitemap.xml", "urlset")] {
            #expect(LibXML.xmlRootName(Array(site.data(file) ?? Data())) == root)
        }
    }

    /// RFC 4287 §4.2.15: a feed's `updated` is the latest time the feed or any entry in it
    /// changed. An older post updated later than the newest post's date must move it.
    @Test func atomFeedUpdatedIsTheLatestEntryUpdate() {
        let site = SiteFixture([
            "sitegen.toml": "title = \"T\"\nbase_url = \"https://example.org\"\ntaxonomies = []\n[feeds]\nrss = false\n",
            "templates/page.html": "", "templates/section.html": "",
            "content/new.md": "---\ntitle: New\ndate: 2024-02-01\n---\n",
            "content/old.md": "---\ntitle: Old\ndate: 2024-01-01\nupdated: 2024-05-01\n---\n",
        ]).build()
        site.expectClean()
        let atom = site.text("atom.xml") ?? ""
        let header = atom.components(separatedBy: "<entry>").first ?? ""
        #expect(header.contains("<updated>2024-05-01T00:00:00Z</updated>"), "feed header:\n\(header)")
    }

    @Test func feedsCanBeTurnedOffAndLimited() {
        var files: [String: String] = [
            "sitegen.toml": "title = \"T\"\nbase_url = \"https://example.org\"\ntaxonomies = []\n[feeds]\natom = false\nlimit = 1\n",
            "templates/page.html": "", "templates/section.html": "",
        ]
        for n in 1...3 { files["content/p\(n).md"] = "---\ntitle: P\(n)\ndate: 2024-01-0\(n)\n---\n" }
        let site = SiteFixture(files).build()
        site.expectClean()
        #expect(!site.exists("atom.xml"))
        let rss = site.text("rss.xml") ?? ""
        #expect(rss.components(separatedBy: "<item>").count == 2, "limit = 1: one item\n\(rss)")
        #expect(rss.contains("<title>P3</title>"))
    }

    @Test func no404WithoutATemplate() {
        let site = SiteFixture(["templates/page.html": "", "templates/section.html": ""]).build()
        site.expectClean()
        #expect(!site.exists("404.html"))
        expectFileList(site, ["index.html", "robots.txt", "sitemap.xml"])
    }
}

import Foundation
import SitegenServerCore
import Testing
@testable import SitegenBuild

/// `sitegen preview` rebuilds from the previous build: after each kind of edit, the
/// incremental build renders only what the edit reaches, and its output folder is byte
/// for byte what a whole build of the edited site writes.
@Suite struct IncrementalBuildTests {
    /// The listing fixture (sections, pagination, two taxonomies, Atom feeds), with a
    /// page template that calls `get_section`, `get_page` and `url`, as a navigation would.
    static func site() -> SiteFixture {
        let site = SiteFixture(copying: Repo.site("listing"))
        site.write(["templates/page.html": """
            <h1>{{ page.title }}</h1>
            <p>lower={{ page.lower.path | default(value="-") }} higher={{ page.higher.path | default(value="-") }}</p>
            <nav>{% for d in get_section(path="docs").pages %}<a href="{{ d.permalink }}">{{ d.title }}</a>{% endfor %}</nav>
            <p>first post: {{ get_page(path="posts/alpha.md").title }} at {{ url(path="posts/alpha.md") }}</p>
            {{ page.content }}
            """])
        return site
    }

    /// A build of `site` into `output` that starts from `incremental` after `changes`.
    static func build(_ site: SiteFixture, _ incremental: IncrementalBuild, into output: TemporaryDirectory,
                      changes: [String]? = nil) -> BuiltSite {
        BuiltSite.build(source: site.source, into: output) {
            $0.preview = true
            $0.incremental = incremental
            $0.changes = changes
        }
    }

    /// The site, built once (a whole build) with a fresh incremental state into a fresh folder.
    static func builtOnce(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (SiteFixture, IncrementalBuild, TemporaryDirectory) {
        let site = Self.site()
        let incremental = IncrementalBuild()
        let output = TemporaryDirectory("sitegen-incremental")
        Self.build(site, incremental, into: output).expectClean(sourceLocation: sourceLocation)
        return (site, incremental, output)
    }

    /// Expects `built` to hold exactly what a whole build of the site now writes, and the
    /// incremental state to know the same manifest entries as a whole build's.
    static func expectSameAsWholeBuild(_ built: BuiltSite, _ site: SiteFixture, _ incremental: IncrementalBuild,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fresh = IncrementalBuild()
        let whole = BuiltSite.build(source: site.source) {
            $0.preview = true
            $0.incremental = fresh
        }
        // Warnings (broken links) are compared below; errors would have kept the output.
        #expect(whole.result.succeeded, "\(whole.printedDiagnostics)", sourceLocation: sourceLocation)
        #expect(built.files == whole.files, sourceLocation: sourceLocation)
        for path in whole.files where built.data(path) != whole.data(path) {
            Issue.record("\(path) differs:\n\(built.text(path) ?? "(missing)")\n---- a whole build writes:\n\(whole.text(path) ?? "")",
                         sourceLocation: sourceLocation)
        }
        func manifestEntries(_ state: IncrementalBuild) -> [String: AssetManifest.Entry] {
            Dictionary(uniqueKeysWithValues: (AssetManifest(bytes: state.snapshot?.manifest ?? [])?.entries ?? []).map { ($0.path, $0) })
        }
        let entries = manifestEntries(incremental)
        let wholeEntries = manifestEntries(fresh)
        #expect(built.result.diagnostics.map(\.formatted) == whole.result.diagnostics.map(\.formatted), sourceLocation: sourceLocation)
        #expect(entries.keys.sorted() == wholeEntries.keys.sorted(), sourceLocation: sourceLocation)
        for (path, entry) in wholeEntries where entries[path] != entry {
            Issue.record("manifest entry of \(path): \(String(describing: entries[path])) != \(entry)", sourceLocation: sourceLocation)
        }
        // The blob the preview serves from (patched in place after most edits) reads as the whole build's.
        let blob = AssetManifest(bytes: incremental.snapshot?.manifest ?? [])
        let wholeBlob = AssetManifest(bytes: fresh.snapshot?.manifest ?? [])
        #expect(blob?.isValid() == true, sourceLocation: sourceLocation)
        #expect(blob?.entries == wholeBlob?.entries && blob?.count == wholeEntries.count, sourceLocation: sourceLocation)
    }

    static func modified(_ path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    @Test func aBodyEditRendersOnlyThatPageAndWritesOnlyWhatChanged() throws {
        let site = Self.site()
        let incremental = IncrementalBuild()
        let output = TemporaryDirectory("sitegen-incremental")
        let first = Self.build(site, incremental, into: output)
        first.expectClean()
        let total = incremental.lastRenderedCount
        #expect(total >= 20)
        let untouched = output.path + "/dist/docs/basics/index.html"
        let before = Self.modified(untouched)
        Thread.sleep(forTimeInterval: 0.02)

        site.write(["content/posts/charlie.md": try String(contentsOfFile: site.source + "/content/posts/charlie.md", encoding: .utf8)
            + "\nAn edited sentence.\n"])
        let second = Self.build(site, incremental, into: output, changes: ["content/posts/charlie.md"])
        second.expectClean()
        // The page and the lists whose input holds it (its section's pagers, its terms,
        // the taxonomy pages); not the docs.
        #expect(incremental.lastRenderedCount > 1 && incremental.lastRenderedCount <= total / 2,
                "rendered \(incremental.lastRenderedCount) of \(total)")
        #expect(second.text("posts/charlie/index.html")?.contains("An edited sentence.") == true)
        #expect(Self.modified(untouched) == before, "a page whose input did not change is not written again")
        #expect(second.result.steps.contains { $0.0 == "Find changed pages" }, "the incremental path ran")
        #expect(incremental.lastReplacedPages == ["posts/charlie.md"], "the page kept its place: the last site, patched")
        Self.expectSameAsWholeBuild(second, site, incremental)
    }

    /// Edits that keep a page's place patch the last site: its body and the front matter
    /// that places nothing (description, summary, updated, extra, aliases, template).
    @Test func inPlaceEditsOfFrontMatterAndBodyPatchTheLastSite() throws {
        let (site, incremental, output) = Self.builtOnce()
        site.write(["content/posts/charlie.md": """
            ---
            title: Charlie
            date: 2024-03-05
            updated: 2024-04-01
            description: Now described.
            aliases: [/old/charlie/]
            tags: [web]
            series: [basics]
            extra:
              mood: sunny
            ---
            Charlie body, longer now.

            <!-- more -->

            After the fold.
            """])
        let built = Self.build(site, incremental, into: output, changes: ["content/posts/charlie.md"])
        built.expectClean()
        #expect(incremental.lastReplacedPages == ["posts/charlie.md"])
        #expect(built.exists("old/charlie/index.html"), "a new alias gets its redirect")
        Self.expectSameAsWholeBuild(built, site, incremental)

        // Two pages at once, one of them a doc sorted by weight.
        site.write(["content/posts/delta.md": try String(contentsOfFile: site.source + "/content/posts/delta.md", encoding: .utf8) + "\nMore delta.\n",
                    "content/docs/basics.md": try String(contentsOfFile: site.source + "/content/docs/basics.md", encoding: .utf8) + "\nMore basics.\n"])
        let two = Self.build(site, incremental, into: output, changes: ["content/docs/basics.md", "content/posts/delta.md"])
        two.expectClean()
        #expect(incremental.lastReplacedPages == ["docs/basics.md", "posts/delta.md"])
        Self.expectSameAsWholeBuild(two, site, incremental)
    }

    /// An edit that keeps the page's place but drops its alias and picks another
    /// template: the redirect goes, the page renders through the new template.
    @Test func aPatchedPageLosesItsAliasAndChangesTemplate() throws {
        let site = Self.site()
        site.write(["templates/wide.html": "<main class=\"wide\">{{ page.title }}: {{ page.content }}</main>"])
        let incremental = IncrementalBuild()
        let output = TemporaryDirectory("sitegen-incremental")
        let charlie = try String(contentsOfFile: site.source + "/content/posts/charlie.md", encoding: .utf8)
        let withAlias = charlie.replacingOccurrences(of: "title: Charlie\n", with: "title: Charlie\naliases: [/old/charlie/]\n")
        #expect(withAlias != charlie)
        site.write(["content/posts/charlie.md": withAlias])
        Self.build(site, incremental, into: output).expectClean()
        #expect(FileManager.default.fileExists(atPath: output.path + "/dist/old/charlie/index.html"))

        site.write(["content/posts/charlie.md": charlie.replacingOccurrences(of: "title: Charlie\n", with: "title: Charlie\ntemplate: wide\n")])
        let built = Self.build(site, incremental, into: output, changes: ["content/posts/charlie.md"])
        built.expectClean()
        #expect(incremental.lastReplacedPages == ["posts/charlie.md"], "the page kept its place: the last site, patched")
        #expect(!built.exists("old/charlie/index.html"), "the dropped alias's redirect is gone")
        #expect(built.text("posts/charlie/index.html")?.contains("<main class=\"wide\">") == true)
        Self.expectSameAsWholeBuild(built, site, incremental)
    }

    /// A patched page's links and headings: a broken link it gains is reported, and so is
    /// a link of another page to a heading it lost; both go away with the fix.
    @Test func linksAndAnchorsAcrossAPatchedPage() throws {
        let (site, incremental, output) = Self.builtOnce()
        let alpha = try String(contentsOfFile: site.source + "/content/posts/alpha.md", encoding: .utf8)
        let bravo = try String(contentsOfFile: site.source + "/content/posts/bravo.md", encoding: .utf8)
        site.write(["content/posts/alpha.md": alpha + "\n## Setup\n\nSee [bravo](bravo.md).\n",
                    "content/posts/bravo.md": bravo + "\nBack to [setup](alpha.md#setup).\n"])
        let linked = Self.build(site, incremental, into: output, changes: ["content/posts/alpha.md", "content/posts/bravo.md"])
        linked.expectClean()
        Self.expectSameAsWholeBuild(linked, site, incremental)

        site.write(["content/posts/alpha.md": alpha + "\n## Install\n\nSee [nothing](missing.md).\n"])
        let broken = Self.build(site, incremental, into: output, changes: ["content/posts/alpha.md"])
        #expect(incremental.lastReplacedPages == ["posts/alpha.md"])
        let messages = broken.result.linkProblems.map(\.formatted).joined(separator: "\n")
        #expect(messages.contains("content/posts/alpha.md"), "\(messages)")
        #expect(messages.contains("content/posts/bravo.md") && messages.contains("#setup"), "the other page's anchor is checked again: \(messages)")
        Self.expectSameAsWholeBuild(broken, site, incremental)

        site.write(["content/posts/alpha.md": alpha + "\n## Setup\n\nSee [bravo](bravo.md).\n"])
        let fixed = Self.build(site, incremental, into: output, changes: ["content/posts/alpha.md"])
        #expect(fixed.result.linkProblems.isEmpty, "\(fixed.result.linkProblems.map(\.formatted))")
        Self.expectSameAsWholeBuild(fixed, site, incremental)
    }

    /// A page with a shortcode is patched like any other; its shortcode sees the new page.
    @Test func aShortcodePageIsPatched() throws {
        let (site, incremental, output) = Self.builtOnce()
        site.write(["templates/shortcodes/note.html": "<aside>{{ body }} ({{ page.title }}, {{ page.description }})</aside>"])
        let echo = try String(contentsOfFile: site.source + "/content/posts/echo.md", encoding: .utf8)
        site.write(["content/posts/echo.md": echo + "\n{{< note >}}first{{< /note >}}\n"])
        let first = Self.build(site, incremental, into: output, changes: ["templates/shortcodes/note.html", "content/posts/echo.md"])
        first.expectClean()
        site.write(["content/posts/echo.md": echo.replacingOccurrences(of: "title: Echo", with: "title: Echo\ndescription: Described")
            + "\n{{< note >}}second{{< /note >}}\n"])
        let second = Self.build(site, incremental, into: output, changes: ["content/posts/echo.md"])
        second.expectClean()
        #expect(incremental.lastReplacedPages == ["posts/echo.md"])
        #expect(second.text("posts/echo/index.html")?.contains("<aside>second (Echo, Described)</aside>") == true,
                "\(second.text("posts/echo/index.html") ?? "")")
        Self.expectSameAsWholeBuild(second, site, incremental)
    }

    @Test func titleTagAndDateEditsReachListsNeighboursTermsAndFeeds() throws {
        let (site, incremental, output) = Self.builtOnce()
        let total = incremental.lastRenderedCount

        site.write(["content/posts/alpha.md": "---\ntitle: Alpha Renamed\ndate: 2024-03-09\ntags: [brand-new]\n---\nAlpha body.\n"])
        let built = Self.build(site, incremental, into: output, changes: ["content/posts/alpha.md"])
        built.expectClean()
        #expect(incremental.lastRenderedCount < total)
        #expect(built.exists("tags/brand-new/index.html"))
        #expect(built.text("posts/bravo/index.html")?.contains("first post: Alpha Renamed") == true, "get_page's result changed")
        #expect(incremental.lastReplacedPages == nil, "a new title and date move the page: the site is loaded again")
        Self.expectSameAsWholeBuild(built, site, incremental)
    }

    @Test func addedAndRemovedPages() throws {
        let (site, incremental, output) = Self.builtOnce()

        site.write(["content/docs/zulu.md": "---\ntitle: Zulu\nweight: 1\ntags: [swift]\n---\nNew doc.\n"])
        let added = Self.build(site, incremental, into: output, changes: ["content/docs/zulu.md"])
        added.expectClean()
        #expect(added.exists("docs/zulu/index.html"))
        Self.expectSameAsWholeBuild(added, site, incremental)

        site.remove("content/posts/echo.md")
        let removed = Self.build(site, incremental, into: output, changes: ["content/posts/echo.md"])
        removed.expectClean()
        #expect(!removed.exists("posts/echo/index.html"), "a removed page's output goes away")
        Self.expectSameAsWholeBuild(removed, site, incremental)
    }

    @Test func aSectionEditAndABrokenFrontMatterThenItsFix() throws {
        let (site, incremental, output) = Self.builtOnce()

        site.write(["content/posts/_index.md": "---\ntitle: Posts, renamed\nextra:\n  paginate_by: 3\n---\nAll the posts.\n"])
        let section = Self.build(site, incremental, into: output, changes: ["content/posts/_index.md"])
        section.expectClean()
        #expect(section.text("posts/index.html")?.contains("Posts, renamed") == true)
        Self.expectSameAsWholeBuild(section, site, incremental)

        site.write(["content/posts/bravo.md": "---\ntitle: [unclosed\n---\nBravo.\n"])
        let broken = Self.build(site, incremental, into: output, changes: ["content/posts/bravo.md"])
        #expect(!broken.result.succeeded)
        #expect(broken.errors.first?.location?.file == "content/posts/bravo.md", "\(broken.printedDiagnostics)")
        site.write(["content/posts/bravo.md": "---\ntitle: Bravo again\ndate: 2024-01-06\n---\nBravo.\n"])
        let fixed = Self.build(site, incremental, into: output, changes: ["content/posts/bravo.md"])
        fixed.expectClean()
        Self.expectSameAsWholeBuild(fixed, site, incremental)
    }

    @Test func aTemplateEditRendersAgainAndAFailedBuildWritesNothing() throws {
        let (site, incremental, output) = Self.builtOnce()
        let good = BuiltSite.files(in: output.path + "/dist").map { ($0, FileManager.default.contents(atPath: output.path + "/dist/" + $0)) }

        site.write(["templates/term.html": "<h1>{{ term.name }</h1>"])
        let broken = Self.build(site, incremental, into: output, changes: ["templates/term.html"])
        #expect(!broken.result.succeeded)
        #expect(broken.errors.first?.location?.file.hasSuffix("templates/term.html") == true, "\(broken.printedDiagnostics)")
        for (path, data) in good {
            #expect(FileManager.default.contents(atPath: output.path + "/dist/" + path) == data, "\(path) is as before the failed build")
        }

        // A Markdown edit while the template is broken, then the fix: both reach the output.
        site.write(["content/docs/basics.md": "---\ntitle: Basics, revised\nweight: 2\n---\nRevised.\n"])
        #expect(!Self.build(site, incremental, into: output, changes: ["content/docs/basics.md"]).result.succeeded)
        site.write(["templates/term.html": "<h1>Term {{ term.name }}</h1>{% for p in term.pages %}<p>{{ p.title }}</p>{% endfor %}"])
        let fixed = Self.build(site, incremental, into: output, changes: ["templates/term.html"])
        fixed.expectClean()
        #expect(fixed.text("docs/basics/index.html")?.contains("Revised.") == true)
        Self.expectSameAsWholeBuild(fixed, site, incremental)
    }

    @Test func otherChangesGetAWholeBuild() throws {
        let (site, incremental, output) = Self.builtOnce()
        let total = incremental.lastRenderedCount
        let config = try String(contentsOfFile: site.source + "/sitegen.toml", encoding: .utf8)
        site.write(["sitegen.toml": config.replacingOccurrences(of: "title = \"Listing\"", with: "title = \"Listing 2\"")])
        let built = Self.build(site, incremental, into: output, changes: ["sitegen.toml"])
        built.expectClean()
        #expect(incremental.lastRenderedCount == total)
        #expect(!built.result.steps.contains { $0.0 == "Find changed pages" })
        Self.expectSameAsWholeBuild(built, site, incremental)
    }
}

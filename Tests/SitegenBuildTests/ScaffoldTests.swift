import ArgumentParser
import Foundation
import Testing
@testable import SitegenBuild
@testable import SitegenCLI

/// `sitegen new site NAME` and `sitegen new page PATH` (issue 9).
@Suite struct ScaffoldTests {
    /// The new site builds at once, outside the repository, finding the default theme that
    /// comes with sitegen (here: the checkout the test binary was built in).
    @Test func newSiteBuildsAtOnce() throws {
        let directory = TemporaryDirectory("sitegen-new")
        let folder = directory.path + "/my-notes"
        try SiteScaffold(title: "My Notes", date: "2024-05-01").write(to: folder)
        let site = BuiltSite.build(source: folder) { $0.staticOnly = true }
        site.expectClean()
        let post = try #require(site.text("posts/hello-world/index.html"))
        #expect(post.contains("<title>Hello, world · My Notes</title>"))
        #expect(post.contains("<aside class=\"note\" role=\"note\">"), "the note shortcode")
        #expect(post.contains("<form class=\"like-form\" method=\"post\" action=\"/_sg/fn/like\">"))
        // Two boundaries: the island in the Markdown, then the one in the partial.
        let sections = try #require(site.result.suspendedPages["/posts/hello-world/"])
        #expect(sections.map(\.loader) == ["likes", "likes"])
        #expect(site.exists("about/index.html") && site.exists("posts/index.html") && site.exists("atom.xml"))
        #expect(site.text("index.html")?.contains("href=\"/posts/hello-world/\"") == true, "the home page links the first post")
        #expect(SiteAudit(output: site.output, baseURL: "https://example.com").brokenLinks() == [])
    }

    @Test func newSiteRefusesAFolderInUse() throws {
        let directory = TemporaryDirectory("sitegen-new")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: directory.path + "/notes.txt"))
        #expect(throws: SiteScaffold.Problem.folderNotEmpty(directory.path)) {
            try SiteScaffold(title: "X").write(to: directory.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"])
    }

    @Test(arguments: [
        ("posts/my-first_post.md", "posts/my-first_post.md", "My first post"),
        ("content/notes/idea", "notes/idea.md", "Idea"),
        ("posts/trip-to-oslo/", "posts/trip-to-oslo/index.md", "Trip to oslo"),
    ])
    func pageTitleComesFromTheFileName(_ argument: String, _ path: String, _ title: String) {
        let page = PageScaffold(path: argument, date: "2024-06-01T10:00:00Z")
        #expect(page.path == path)
        #expect(page.title == title)
    }

    @Test func newPageIsADraftAndNeverOverwrites() throws {
        let directory = TemporaryDirectory("sitegen-new")
        let folder = directory.path + "/site"
        try SiteScaffold(title: "S", date: "2024-05-01").write(to: folder)
        let page = PageScaffold(path: "posts/second-post.md", date: "2024-05-20T08:00:00Z")
        #expect(try page.write(inSite: folder) == "content/posts/second-post.md")
        let text = try String(contentsOfFile: folder + "/content/posts/second-post.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Second post\"\ndate: 2024-05-20T08:00:00Z\ndraft: true\n---\n"))

        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/content/posts/second-post.md"))
        #expect(throws: PageScaffold.Problem.exists("content/posts/second-post.md")) { try page.write(inSite: folder) }
        #expect(try String(contentsOfFile: folder + "/content/posts/second-post.md", encoding: .utf8) == "mine")
        #expect(throws: PageScaffold.Problem.outsideContent("../x.md")) { try PageScaffold(path: "../x.md").write(inSite: folder) }
        #expect(throws: PageScaffold.Problem.noSite(directory.path)) { try page.write(inSite: directory.path) }
    }

    @Test func draftsFromNewPageBuildOnlyWithDrafts() throws {
        let directory = TemporaryDirectory("sitegen-new")
        let folder = directory.path + "/site"
        try SiteScaffold(title: "S", date: "2024-05-01").write(to: folder)
        var command = try SitegenCommand.parseAsRoot(["new", "page", "posts/draft-idea.md", "--source", folder])
        try command.run()
        #expect(throws: ExitCode(1)) { try command.run() }
        let without = BuiltSite.build(source: folder) { $0.staticOnly = true }
        #expect(!without.exists("posts/draft-idea/index.html"))
        let with = BuiltSite.build(source: folder) { $0.staticOnly = true; $0.includeDrafts = true; $0.now = "2030-01-01T00:00:00Z" }
        #expect(with.text("posts/draft-idea/index.html")?.contains("Draft idea") == true)
    }
}

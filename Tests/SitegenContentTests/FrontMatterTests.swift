import SitegenHTML
import Testing
@testable import SitegenContent

/// Splitting content files and reading valid YAML and TOML front matter.
struct FrontMatterTests {
    @Test func yamlFrontMatter() {
        let file = ContentFile(parsing: """
            ---
            title: Hello
            description: "A first post"
            date: 2024-05-01
            updated: 2024-05-02 10:30
            draft: true
            slug: hello-world
            aliases: [/old/hello/]
            tags: [swift, wasm]
            categories: notes
            weight: 3
            layout: post.html
            summary: Short.
            extra:
              hero: hello.jpg
              stars: 5
            ---
            # Body
            """, file: "content/hello.md")
        #expect(file.diagnostics == [])
        #expect(file.format == .yaml)
        #expect(file.body == "# Body")
        #expect(file.bodyLineOffset == 17)
        #expect(file.frontMatter == FrontMatter(
            title: "Hello", description: "A first post", date: "2024-05-01", updated: "2024-05-02T10:30:00",
            draft: true, slug: "hello-world", aliases: ["/old/hello/"],
            taxonomies: ["tags": ["swift", "wasm"], "categories": ["notes"]], weight: 3, layout: "post.html",
            summary: "Short.", extra: Object([("hero", "hello.jpg"), ("stars", 5)])))
    }

    @Test func tomlFrontMatter() {
        let file = ContentFile(parsing: """
            +++
            title = "Hello"
            date = 2024-05-01T10:00:00Z
            publish_date = 2024-05-01
            expiry_date = "2025-01-01T00:00:00+02:00"
            draft = false
            template = "post.html"

            [taxonomies]
            tags = ["swift"]

            [extra]
            zeta = 1
            alpha = { nested = true }
            +++
            Body
            """, file: "content/hello.md")
        #expect(file.diagnostics == [])
        #expect(file.format == .toml)
        #expect(file.body == "Body")
        #expect(file.bodyLineOffset == 15)
        #expect(file.frontMatter == FrontMatter(
            title: "Hello", date: "2024-05-01T10:00:00Z", publishDate: "2024-05-01",
            expiryDate: "2025-01-01T00:00:00+02:00", taxonomies: ["tags": ["swift"]], template: "post.html",
            extra: Object([("zeta", 1), ("alpha", ["nested": true])])))
    }

    @Test func tomlTablesKeepTheOrderTheyWereWrittenIn() {
        let file = ContentFile(parsing: "+++\n[extra]\nzeta = 1\nalpha = 2\nmid = 3\n+++\n", file: "a.md")
        #expect(file.frontMatter.extra.keys == ["zeta", "alpha", "mid"])
    }

    @Test func noFrontMatter() {
        let file = ContentFile(parsing: "# Just Markdown\n---\n", file: "a.md")
        #expect(file.format == nil)
        #expect(file.frontMatter == FrontMatter())
        #expect(file.body == "# Just Markdown\n---\n")
        #expect(file.bodyLineOffset == 0)
        #expect(file.diagnostics == [])
    }

    @Test func emptyFrontMatter() {
        let file = ContentFile(parsing: "---\n---\nBody", file: "a.md")
        #expect(file.format == .yaml)
        #expect(file.frontMatter == FrontMatter())
        #expect(file.body == "Body")
    }

    @Test func windowsLineEndingsAndByteOrderMark() {
        let file = ContentFile(parsing: "\u{FEFF}+++\r\ntitle = \"Hi\"\r\n+++\r\nBody\r\n", file: "a.md")
        #expect(file.diagnostics == [])
        #expect(file.frontMatter.title == "Hi")
        #expect(file.body == "Body\n")
        #expect(file.bodyLineOffset == 3)
    }

    @Test func configuredTaxonomiesAreKnown() {
        let file = ContentFile(
            parsing: "---\nseries: [intro]\ntaxonomies:\n  authors: ann\n---\n", file: "a.md",
            taxonomies: ["series", "authors"])
        #expect(file.diagnostics == [])
        #expect(file.frontMatter.taxonomies == ["series": ["intro"], "authors": ["ann"]])
    }

    @Test func yamlKeepsNorwayAndEmptyValues() {
        let file = ContentFile(parsing: "---\ntitle: No\ndescription:\nslug: on\n---\n", file: "a.md")
        #expect(file.diagnostics == [])
        #expect(file.frontMatter == FrontMatter(title: "No", slug: "on"))
    }

    @Test func bodyLineOffsetLinesUpMarkdownPositions() {
        let file = ContentFile(parsing: "---\ntitle: x\n---\n\n[a](a.md)\n", file: "a.md")
        let page = MarkdownRenderer(options: MarkdownOptions(lineOffset: file.bodyLineOffset)).render(file.body)
        #expect(page.links == [MarkdownLink(destination: "a.md", line: 5, column: 1)])
    }

    @Test func dataFileRemembersWhereKeysAre() {
        let config = DataFile(parsing: "title = \"Site\"\n\n[extra]\n  author = \"Ann\"\n", format: .toml, file: "sitegen.toml")
        #expect(config.diagnostics == [])
        #expect(config.value == ["title": "Site", "extra": ["author": "Ann"]])
        #expect(config.place(ofKey: ["extra", "author"]) == DataFile.Place(
            location: SitegenHTML.SourceLocation(file: "sitegen.toml", line: 4, column: 3), sourceLine: "  author = \"Ann\"", length: 6))
        #expect(config.place(ofValue: ["extra", "author"])?.location.column == 12)
        #expect(config.place(ofKey: ["missing"]) == nil)
    }

    @Test func arraysOfTablesAreAddressedByIndex() {
        let text = "[[taxonomies]]\nname = \"tags\"\n\n[[taxonomies]]\nname = \"series\"\nfeed = false\n[taxonomies.extra]\nz = 1\n"
        let config = DataFile(parsing: text, format: .toml, file: "sitegen.toml")
        #expect(config.value == ["taxonomies": [["name": "tags"], ["name": "series", "feed": false, "extra": ["z": 1]]]])
        #expect(config.place(ofKey: ["taxonomies", "1", "feed"])?.location.line == 6)
        #expect(config.place(ofKey: ["taxonomies", "1", "extra", "z"])?.location.line == 8)
        #expect(config.place(ofValue: ["taxonomies", "0", "name"])?.location.line == 2)
        #expect(config.value["taxonomies"]?[1]?.objectValue?.keys == ["name", "feed", "extra"])
    }

    @Test func yamlDataFile() {
        let data = DataFile(parsing: "links:\n  - name: Swift\n    url: https://swift.org\n", format: .yaml, file: "data/links.yaml")
        #expect(data.value == ["links": [["name": "Swift", "url": "https://swift.org"]]])
        #expect(data.place(ofKey: ["links", "0", "url"])?.location
            == SitegenHTML.SourceLocation(file: "data/links.yaml", line: 3, column: 5))
    }

    @Test func yamlDataFileMayBeAList() {
        let data = DataFile(parsing: "- ann\n- bob\n", format: .yaml, file: "data/authors.yaml")
        #expect(data.diagnostics == [])
        #expect(data.value == ["ann", "bob"])
        #expect(data.place(ofValue: ["1"])?.location.line == 2)
    }

    @Test func dataFileSyntaxError() {
        let data = DataFile(parsing: "title = \n", format: .toml, file: "sitegen.toml")
        #expect(data.value == [:])
        #expect(data.diagnostics.map(\.location?.line) == [1])
    }

    @Test(arguments: [
        ("2024-05-01", "2024-05-01"),
        ("2024-02-29", "2024-02-29"),
        ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
        ("2024-05-01 10:00", "2024-05-01T10:00:00"),
        ("2024-05-01t10:00:00.250z", "2024-05-01T10:00:00.25Z"),
        ("2024-05-01T10:00:00-05:30", "2024-05-01T10:00:00-05:30"),
    ])
    func validDates(text: String, normalized: String) {
        #expect(ISODate(text)?.description == normalized)
    }

    @Test(arguments: ["tomorrow", "2023-02-29", "2024-13-01", "2024-5-1", "2024-05-01T25:00", "2024-05-01T10:00+2", "2024-05-01X"])
    func invalidDates(text: String) {
        #expect(ISODate(text) == nil)
    }

    @Test func secondsSince1970() {
        #expect(ISODate("1970-01-01")?.secondsSince1970 == 0)
        #expect(ISODate("2000-03-01T00:00:00+01:00")?.secondsSince1970 == 951_865_200)
    }
}

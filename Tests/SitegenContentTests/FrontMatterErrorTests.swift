import SitegenHTML
import Testing
@testable import SitegenContent

/// Front-matter mistakes become located diagnostics, compared as whole values.
struct FrontMatterErrorTests {
    let file = "content/posts/hello.md"
    let known = FrontMatter.knownKeys + FrontMatter.defaultTaxonomies

    func diagnostics(_ text: String, taxonomies: [String] = []) -> [Diagnostic] {
        ContentFile(parsing: text, file: file, taxonomies: taxonomies).diagnostics
    }

    func at(_ line: Int, _ column: Int) -> SitegenHTML.SourceLocation {
        SitegenHTML.SourceLocation(file: file, line: line, column: column)
    }

    @Test func unknownYAMLKey() {
        #expect(diagnostics("---\ntitle: A\ntitel: Hello\n---\n") == [
            .unknownFrontMatterKey(
                "titel", suggestion: "title", known: known, at: at(3, 1), sourceLine: "titel: Hello", length: 5)
        ])
    }

    @Test func unknownTOMLKeyInsideTheFile() {
        #expect(diagnostics("+++\ntitle = \"A\"\n  dat = 2024-05-01\n+++\n") == [
            .unknownFrontMatterKey(
                "dat", suggestion: "date", known: known, at: at(3, 3), sourceLine: "  dat = 2024-05-01", length: 3)
        ])
    }

    @Test func unknownKeyWithoutNearMiss() {
        let found = diagnostics("---\ncolour: red\n---\n")
        #expect(found == [
            .unknownFrontMatterKey("colour", suggestion: nil, known: known, at: at(2, 1), sourceLine: "colour: red", length: 6)
        ])
        #expect(found.first?.fix == "remove it, or move it under 'extra' to pass it to templates")
    }

    @Test func camelCaseHugoKeySuggestsZolaName() {
        #expect(diagnostics("---\npublishDate: 2024-05-01\n---\n").first?.fix == "did you mean 'publish_date'?")
    }

    @Test func wrongTypesInYAML() {
        let found = diagnostics("---\ndraft: \"yes\"\ndate: tomorrow\ntags: 3\nweight: heavy\n---\n")
        #expect(found == [
            .invalidFrontMatterValue(
                key: "draft", expected: .boolean, got: "yes", at: at(2, 8), sourceLine: "draft: \"yes\"", length: 5),
            .invalidFrontMatterValue(
                key: "date", expected: .date, got: "tomorrow", at: at(3, 7), sourceLine: "date: tomorrow", length: 8),
            .invalidFrontMatterValue(key: "tags", expected: .stringList, got: 3, at: at(4, 7), sourceLine: "tags: 3", length: 1),
            .invalidFrontMatterValue(
                key: "weight", expected: .integer, got: "heavy", at: at(5, 9), sourceLine: "weight: heavy", length: 5),
        ])
        #expect(found[1].expected == "a date like 2024-05-01 or 2024-05-01T10:00:00Z")
        #expect(found[0].message == "'draft' must be true or false, not 'yes'")
    }

    @Test func wrongTypesInTOML() {
        #expect(diagnostics("+++\ntitle = 1984\nextra = \"x\"\n[taxonomies]\ntags = [\"a\", 2]\n+++\n") == [
            .invalidFrontMatterValue(key: "title", expected: .string, got: 1984, at: at(2, 9), sourceLine: "title = 1984", length: 4),
            .invalidFrontMatterValue(key: "extra", expected: .table, got: "x", at: at(3, 9), sourceLine: "extra = \"x\"", length: 3),
            // TOML list items have no positions of their own: the item is named, the list pointed at.
            .invalidFrontMatterValue(
                key: "tags", expected: .stringList, got: 2, at: at(5, 8), sourceLine: "tags = [\"a\", 2]", length: 1),
        ])
    }

    @Test func badListItemInYAMLIsPointedAt() {
        #expect(diagnostics("---\naliases:\n  - /a/\n  - 7\n---\n") == [
            .invalidFrontMatterValue(key: "aliases", expected: .stringList, got: 7, at: at(4, 5), sourceLine: "  - 7", length: 1)
        ])
    }

    @Test func unknownTaxonomy() {
        #expect(diagnostics("---\ntaxonomies:\n  tagz: [a]\n---\n", taxonomies: ["series"]) == [
            .unknownTaxonomy(
                "tagz", suggestion: "tags", known: ["tags", "categories", "series"], at: at(3, 3),
                sourceLine: "  tagz: [a]", length: 4)
        ])
    }

    @Test func everyProblemIsReportedInFileOrder() {
        let found = diagnostics("+++\nzzz = 1\ndraft = 1\naaa = 2\n+++\n")
        #expect(found.map(\.location?.line) == [2, 3, 4])
    }

    @Test func unterminatedFrontMatter() {
        #expect(diagnostics("---\ntitle: Hello\n\nBody\n") == [.unterminatedFrontMatter(.yaml, file: file, sourceLine: "---")])
        #expect(diagnostics("+++\ntitle = 1\n") == [.unterminatedFrontMatter(.toml, file: file, sourceLine: "+++")])
    }

    @Test func yamlSyntaxError() {
        #expect(diagnostics("---\ntitle: Hello\ndate: a: b\n---\n") == [
            .invalidYAML("mapping values are not allowed in this context", at: at(3, 8), sourceLine: "date: a: b")
        ])
    }

    @Test func yamlErrorAtEndOfFrontMatter() {
        #expect(diagnostics("---\ntags: [a, b\n---\n") == [
            .invalidYAML(
                "did not find expected ',' or ']'", at: at(2, 12), sourceLine: "tags: [a, b",
                notes: ["while parsing a flow sequence at line 2"])
        ])
    }

    @Test func duplicateYAMLKeyPointsAtTheRepeat() {
        #expect(diagnostics("---\ntitle: A\ndraft: true\ntitle: B\n---\n") == [
            .duplicateKey("title", at: at(4, 1), sourceLine: "title: B")
        ])
    }

    @Test func tomlSyntaxError() {
        let found = diagnostics("+++\ntitle = \"A\"\ndraft = yes\n+++\n")
        #expect(found.count == 1)
        #expect(found.first?.location == at(3, 9))
        #expect(found.first?.sourceLine == "draft = yes")
        #expect(found.first?.message.hasPrefix("invalid TOML: ") == true)
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(diagnostics("---\n- a\n---\n") == [.frontMatterNotAMapping(got: ["a"], at: at(2, 1), sourceLine: "- a")])
    }

    @Test func printedForm() {
        let printed = diagnostics("---\ntitle: Hello\ntitel: Hello, world\n---\n").map(\.formatted).joined()
        #expect(printed == """
            content/posts/hello.md:3:1: error: unknown front-matter key 'titel'
             3 | titel: Hello, world
               | ^~~~~
              expected: one of 'title', 'description', 'date', 'updated', 'draft', 'publish_date', 'expiry_date', \
            'slug', 'aliases', 'weight', 'layout', 'template', 'summary', 'taxonomies', 'extra', 'tags', 'categories'
              fix: did you mean 'title'?

            """)
    }

    @Test func printedWrongType() {
        let printed = diagnostics("+++\ndate = \"tomorrow\"\n+++\n").map(\.formatted).joined()
        #expect(printed == """
            content/posts/hello.md:2:8: error: 'date' must be a date, not 'tomorrow'
             2 | date = "tomorrow"
               |        ^~~~~~~~~~
              expected: a date like 2024-05-01 or 2024-05-01T10:00:00Z
              fix: write the date as YYYY-MM-DD, optionally followed by a time such as T10:00:00Z

            """)
    }
}

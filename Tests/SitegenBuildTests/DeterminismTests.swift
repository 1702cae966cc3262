import Foundation
import Testing
@testable import SitegenBuild

/// Two builds of the same site with the same `now` give byte-identical output trees,
/// wherever the output goes and however the parallel render is scheduled.
@Suite struct DeterminismTests {
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Repo.fixtures + "/Sites")) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    static func expectIdentical(_ a: BuiltSite, _ b: BuiltSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ta = a.tree, tb = b.tree
        #expect(!ta.isEmpty, sourceLocation: sourceLocation)
        #expect(ta.keys.sorted() == tb.keys.sorted(), sourceLocation: sourceLocation)
        for path in ta.keys.sorted() where ta[path] != tb[path] {
            recordIssue("'\(path)' differs between two builds:\n"
                         + lineDiff(String(decoding: ta[path]!, as: UTF8.self), String(decoding: tb[path] ?? Data(), as: UTF8.self)),
                         sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: fixtures)
    func fixtureBuildsAreByteIdentical(_ name: String) {
        let first = BuiltSite.fixture(name)
        let second = BuiltSite.fixture(name)
        #expect(first.result.succeeded, "\(first.printedDiagnostics)")
        Self.expectIdentical(first, second)
    }

    /// Enough pages, terms and pagers that the parallel steps interleave differently each time.
    @Test func largeGeneratedSiteIsByteIdentical() {
        var files: [String: String] = [
            "sitegen.toml": "title = \"Big\"\nbase_url = \"https://example.org\"\npaginate = 7\ntaxonomies = [\"tags\", \"categories\"]\n",
            "templates/page.html": "<h1>{{ page.title }}</h1>{{ page.content }}<p>{{ page.lower.title }}|{{ page.higher.title }}</p><p>{{ now }}</p>",
            "templates/section.html": "{% for p in paginator.pages %}<a href=\"{{ p.permalink }}\">{{ p.title }}</a>{% endfor %}{% for s in section.subsections %}{{ s.title }}{% endfor %}",
            "templates/taxonomy.html": "{% for t in taxonomy.terms %}{{ t.name }}={{ t.pages | length }};{% endfor %}",
            "templates/term.html": "{{ term.name }}:{% for p in paginator.pages %}{{ p.title }};{% endfor %}",
            "data/a.json": "{\"z\": 1, \"a\": [3, 2, 1], \"m\": {\"y\": true, \"b\": null}}",
            "templates/404.html": "{{ data.a | json }}",
        ]
        for s in 0..<6 {
            files["content/s\(s)/_index.md"] = "---\ntitle: Section \(s)\n---\n"
            for p in 0..<40 {
                let day = 1 + (p * 7 + s) % 28
                files["content/s\(s)/p\(p).md"] = """
                    ---
                    title: Page \(s)-\(p)
                    date: 2024-0\(1 + p % 9)-\(day < 10 ? "0" : "")\(day)
                    tags: [t\(p % 5), shared, "Tag \(s)"]
                    categories: [c\(p % 3)]
                    ---
                    ## Heading \(p)

                    Body with a [link](p\((p + 1) % 40).md#heading-\((p + 1) % 40)) and **bold** text.
                    """
            }
        }
        let site = SiteFixture(files)
        let first = site.build { $0.now = "2025-01-01T00:00:00Z" }
        let second = site.build { $0.now = "2025-01-01T00:00:00Z" }
        first.expectClean()
        #expect(first.result.pageCount == 240)
        Self.expectIdentical(first, second)
    }

    @Test func outputDoesNotDependOnTheOutputPathOrTheClock() {
        let a = BuiltSite.fixture("default-theme")
        let b = BuiltSite.build(source: Repo.site("default-theme"), into: TemporaryDirectory("elsewhere-with-longer-name")) {
            $0.now = fixtureNow
        }
        Self.expectIdentical(a, b)
        #expect(a.text("index.html")?.contains("© 2024 Fixture Author") == true, "the footer year comes from options.now")
    }

    /// The build's timing is reported (the CLI prints "Built N pages … in X ms").
    @Test func resultReportsElapsedTime() {
        let site = BuiltSite.fixture("listing")
        #expect(site.result.seconds > 0, "Result.seconds is \(site.result.seconds)")
        #expect(site.result.steps.map(\.0).contains("Render pages"))
    }
}

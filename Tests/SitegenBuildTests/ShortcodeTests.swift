import Foundation
import SitegenHTML
import Testing
@testable import SitegenBuild

/// Shortcodes in Markdown (issue 9): `{{< name key="value" >}}` and the paired
/// `{{< name >}}Markdown{{< /name >}}`, rendered by `templates/shortcodes/<name>.html`.
@Suite struct ShortcodeTests {
    /// A site using the default theme's shortcodes, with a page template that shows only the content.
    static func themed(_ files: [String: String]) -> SiteFixture {
        var files = files
        files["sitegen.toml"] = "theme = \"default\"\n" + SiteFixture.minimalConfig
        files["templates/page.html"] = files["templates/page.html"] ?? "{{ page.content }}"
        files["templates/section.html"] = ""
        return SiteFixture(files)
    }

    static func build(_ site: SiteFixture) -> BuiltSite {
        site.build { $0.themeSearchPaths = [Repo.root + "/themes"] }
    }

    @Test func builtInShortcodesMatchTheirSnapshot() throws {
        let site = Self.build(Self.themed([
            "content/posts/trip/index.md": """
                ---
                title: Trip
                ---
                {{< figure src="harbour.jpg" alt="The harbour at dawn" caption="Dawn, day one" width=800 >}}

                {{< figure src="https://example.com/map.png" alt="Map" link="https://example.com/map" >}}

                Watch {{< video url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="The talk" duration="12:34" >}} later.

                {{< video url="https://vimeo.com/1" title="Another" provider="Vimeo" >}}

                {{< note >}}
                Pack *light*; see [the list](@/list.md).
                {{< /note >}}

                {{< warning title="Tides" >}}
                Check the tide table.

                - before
                - after
                {{< /warning >}}
                """,
            "content/list.md": "---\ntitle: List\n---\n",
        ]))
        site.expectClean()
        let html = try #require(site.text("posts/trip/index.html"))
        assertBaseline(html, at: Repo.root + "/Tests/SitegenBuildTests/Snapshots/builtInShortcodes.html")
        #expect(!html.contains("<script"), "the video card loads nothing from a third party")
        #expect(!html.contains("<p><figure"), "a shortcode alone in a paragraph is not wrapped in <p>")
    }

    @Test func siteShortcodeSeesArgumentsBodyAndPage() {
        let site = SiteFixture([
            "templates/page.html": "{{ page.content }}",
            "templates/section.html": "",
            "templates/shortcodes/card.html": """
                {#- shortcode(title, body, level?) -#}
                <div class="card" data-level="{{ args.level }}" data-n="{{ args.n }}"><h3>{{ args.title }}</h3>{{ body }} on {{ page.title }}</div>
                """,
            "templates/shortcodes/kbd.html": "<kbd>{{ args.key }}</kbd>",
            "content/a.md": """
                ---
                title: Page A
                ---
                Press {{< kbd key="Ctrl" >}}+{{< kbd key='C' />}} now.

                {{< card title="Hi & bye" >}}Some **bold** with {{< kbd key="K" >}}{{< /card >}}
                """,
        ])
        let built = site.build()
        built.expectClean()
        #expect(built.text("a/index.html") == """
            <p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> now.</p>
            <div class="card" data-level="" data-n=""><h3>Hi &amp; bye</h3>Some <strong>bold</strong> with <kbd>K</kbd> on Page A</div>

            """)
    }

    @Test func siteTemplatesOverrideTheThemesShortcodes() {
        let site = Self.build(Self.themed([
            "templates/shortcodes/note.html": "{#- shortcode(body) -#}<mark>{{ body }}</mark>",
            "content/a.md": "---\ntitle: A\n---\n{{< note >}}mine{{< /note >}}\n",
        ]))
        site.expectClean()
        #expect(site.text("a/index.html") == "<mark>mine</mark>\n")
    }

    @Test func codeAndEscapesAreLeftAlone() {
        let site = Self.build(Self.themed([
            "content/a.md": """
                ---
                title: A
                ---
                Inline `{{< note >}}` code.

                ```markdown
                {{< note >}}fenced{{< /note >}}
                ```

                ~~~
                {{</* figure src="a.png" */>}}
                ~~~

                Hugo's escape {{</* note */>}} and a backslash \\{{< note >}}.
                """,
        ]))
        site.expectClean()
        let html = site.text("a/index.html") ?? ""
        #expect(html.contains("<code>{{&lt; note &gt;}}</code>"), "\(html)")
        #expect(html.contains("{{&lt; note &gt;}}fenced{{&lt; /note &gt;}}"), "\(html)")
        #expect(html.contains("<code>{{&lt; figure src=\"a.png\" &gt;}}\n</code>"), "\(html)")
        #expect(html.contains("Hugo’s escape {{&lt; note &gt;}} and a backslash {{&lt; note &gt;}}.")
                || html.contains("Hugo's escape {{&lt; note &gt;}} and a backslash {{&lt; note &gt;}}."), "\(html)")
        #expect(!html.contains("<aside"), "\(html)")
    }

    /// Links after a multi-line shortcode, and inside bodies, are reported at the author's line and column.
    @Test func linksKeepTheirPlacesAroundShortcodes() throws {
        let site = Self.build(Self.themed([
            "content/a.md": """
                ---
                title: A
                ---
                {{< note >}}
                A body with [a broken link](nope.md).
                {{< /note >}}

                {{< figure src="x.png" alt="x" >}} and [another](gone.md).
                """,
        ]))
        let warnings = site.warnings.map { ($0.message, $0.location?.line ?? 0, $0.location?.column ?? 0) }
        #expect(warnings.count == 2, "\(site.printedDiagnostics)")
        #expect(warnings.first! == ("broken link to 'nope.md'", 5, 13))
        #expect(warnings.last! == ("broken link to 'gone.md'", 8, 40))
        #expect(site.warnings.first?.sourceLine == "A body with [a broken link](nope.md).")
    }
}

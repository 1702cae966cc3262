import SitegenHTML
import Testing
@testable import SitegenContent

/// The pre-pass that finds shortcodes before cmark-gfm parses the Markdown.
@Suite struct ShortcodeScannerTests {
    /// The pieces as short strings: `text`, `<name args>` and `<name>[body pieces]`.
    static func shape(_ markdown: String, takesBody: (String) -> Bool? = { _ in nil }) -> [String] {
        let document = ShortcodeScanner.scan(markdown, file: "content/a.md", takesBody: takesBody)
        func show(_ pieces: [ShortcodePiece]) -> [String] {
            pieces.map { piece in
                switch piece {
                case .source(let range): return document.text(range)
                case .literal(let text, _): return "=" + text
                case .shortcode(let s):
                    let args = s.arguments.map { " " + $0.name + ":" + JSON.serialize($0.value) }.joined()
                    let body = s.body.map { "[" + show($0.pieces).joined(separator: "|") + "]" } ?? ""
                    return "<" + s.name + args + ">" + body
                }
            }
        }
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.formatted))")
        return show(document.pieces)
    }

    @Test func plainMarkdownIsOnePiece() {
        #expect(Self.shape("# Hi\n\nText {with} braces.") == ["# Hi\n\nText {with} braces."])
    }

    @Test func argumentsKeepTheirTypes() {
        #expect(Self.shape(#"a {{< x s="q \"x\"" t='y' n=3 d=2.5 b=true w=bare />}} b"#)
                == ["a ", #"<x s:"q \"x\"" t:"y" n:3 d:2.5 b:true w:"bare">"#, " b"])
    }

    @Test func pairedShortcodesNest() {
        #expect(Self.shape("{{< note >}}a {{< kbd k=1 >}} {{< box >}}b{{< /box >}}{{< /note >}}!")
                == ["<note>[a |<kbd k:1>| |<box>[b]]", "!"])
    }

    @Test func declaredBodiesDecideWithoutLookingAhead() {
        // `figure` takes no body: the later closing tag is a stray, reported.
        let document = ShortcodeScanner.scan("{{< figure >}}x{{< /figure >}}", file: "a.md") { $0 == "figure" ? false : nil }
        #expect(document.diagnostics.map(\.message) == ["shortcode 'figure' takes no body, so '{{< /figure >}}' closes nothing"])
    }

    @Test func codeIsNotExpanded() {
        let markdown = """
            `{{< a >}}` and ``{{< b >}}``
            ```
            {{< c >}}
            ```
            - ~~~~
              {{< d >}}
              ~~~~
            {{< e >}}
            """
        let names = Self.shape(markdown).filter { $0.hasPrefix("<") }
        #expect(names == ["<e>"])
    }

    @Test func escapesAreWrittenOut() {
        #expect(Self.shape("{{</* note k=\"v\" */>}} and \\{{< note >}}")
                == ["=" + "{{< note k=\"v\" >}}", " and \\{{< note >}}"])
    }

    @Test func errorsPointAtTheTag() throws {
        let document = ShortcodeScanner.scan("line\n  {{< note k= >}}", file: "content/a.md", lineOffset: 3)
        let d = try #require(document.diagnostics.first)
        #expect(d.message == "argument 'k' of shortcode 'note' has no value")
        #expect(d.location == SourceLocation(file: "content/a.md", line: 5, column: 12))
        #expect(d.sourceLine == "  {{< note k= >}}")
    }

    @Test func sourceMapLeadsBackToTheAuthorsText() {
        let document = ShortcodeScanner.scan("{{< note >}}\nbody\n{{< /note >}} [x](y.md)", file: "a.md")
        let (markdown, map) = document.assemble(document.pieces) { _ in "P" }
        #expect(markdown == "P [x](y.md)")
        #expect(map.original(line: 1, column: 3) == (3, 15))
    }
}

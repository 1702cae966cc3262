import SitegenHTML
import Testing

/// Issue 8: a `{{ }}` that starts the value of a URL attribute (`href`, `src`, `action`…)
/// cannot inject a `javascript:` (or `vbscript:`, `data:text/html`) URL; later in the
/// value, or in other attributes, values are only escaped.
struct URLAttributeTests {
    static let attack: Value = ["u": "javascript:alert(1)", "v": "JaVa\tScRiPt:alert(1)", "d": "data:text/html,<script>alert(1)</script>",
                                "ok": "https://example.com/?a=1&b=2", "rel": "/posts/hello/", "h": .html("javascript:alert(1)")]

    @Test(arguments: [
        ("<a href=\"{{ u }}\">x</a>", "<a href=\"about:invalid\">x</a>"),
        ("<a class=\"c\" href='{{ v }}'>x</a>", "<a class=\"c\" href='about:invalid'>x</a>"),
        ("<img src={{ d }}>", "<img src=about:invalid>"),
        ("<form action = \"{{ u }}\">", "<form action = \"about:invalid\">"),
        ("<A HREF=\"{{ u }}\">", "<A HREF=\"about:invalid\">"),
        ("<svg><a xlink:href=\"{{ u }}\">", "<svg><a xlink:href=\"about:invalid\">"),
        ("<button formaction=\"{{ u }}\">", "<button formaction=\"about:invalid\">"),
        ("<a href=\"{{ h }}\">", "<a href=\"about:invalid\">"),
        ("<a href=\"{{ u | safe }}\">", "<a href=\"about:invalid\">"),
        ("<a href=\"{{ ok }}\">", "<a href=\"https://example.com/?a=1&amp;b=2\">"),
        ("<a href=\"{{ rel }}\">", "<a href=\"/posts/hello/\">"),
        ("<a href=\"/tags/{{ u }}\">", "<a href=\"/tags/javascript:alert(1)\">"),
        ("<a title=\"{{ u }}\">", "<a title=\"javascript:alert(1)\">"),
        ("<a data-href=\"{{ u }}\">", "<a data-href=\"javascript:alert(1)\">"),
        ("<p>href=\"{{ u }}</p>", "<p>href=\"javascript:alert(1)</p>"),
        ("{{ u }}", "javascript:alert(1)"),
        ("<a {% if true %}href=\"{{ u }}\"{% endif %}>", "<a href=\"about:invalid\">"),
    ])
    func issue8URLAttributesRefuseScriptURLs(_ template: String, _ expected: String) throws {
        #expect(try render(template, Self.attack) == expected)
    }

    @Test func theCheckReadsTheAttributeName() {
        #expect(HTMLEscaping.opensURLAttribute("<a href=\""))
        #expect(HTMLEscaping.opensURLAttribute("<a\nhref\n=\n'"))
        #expect(!HTMLEscaping.opensURLAttribute("<a href=\"/x"))
        #expect(!HTMLEscaping.opensURLAttribute("<a nohref=\""))
        #expect(HTMLEscaping.opensURLAttribute("href=\""))  // after a tag: `<a {% if x %}href="{{ u }}"`
        #expect(!HTMLEscaping.opensURLAttribute(""))
    }
}

import SitegenHTML
import Testing

@Suite("HTML escaping")
struct EscapingTests {
    static let escapes: [(String, String)] = [
        ("", ""),
        ("plain text", "plain text"),
        ("Fish & Chips", "Fish &amp; Chips"),
        ("<p>", "&lt;p&gt;"),
        ("\"quoted\"", "&quot;quoted&quot;"),
        ("it's", "it&#39;s"),
        ("&amp;", "&amp;amp;"),
        ("<<&&>>", "&lt;&lt;&amp;&amp;&gt;&gt;"),
        ("a<b>c&d\"e'f", "a&lt;b&gt;c&amp;d&quot;e&#39;f"),
        ("café ☕ 🇫🇷 <b>", "café ☕ 🇫🇷 &lt;b&gt;"),
        ("tab\tnewline\nnul\u{0}", "tab\tnewline\nnul\u{0}"),
        ("`=/", "`=/"),
    ]

    @Test("escapes the five special characters and nothing else", arguments: escapes)
    func escape(_ input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test func appendsToExistingBytes() {
        var bytes = Array("<p>".utf8)
        HTMLEscaping.escape("1 < 2", into: &bytes)
        HTMLEscaping.escape("", into: &bytes)
        HTMLEscaping.escape("ok", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>1 &lt; 2ok")
    }

    @Test func matchesCharacterByCharacterReference() {
        var random = SplitMix64(seed: 99)
        let pieces = ["a", "é", "😀", "&", "<", ">", "\"", "'", " ", "xyz", "\n"]
        for _ in 0..<1_000 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var expected = ""
            for character in text {
                switch character {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.append(character)
                }
            }
            #expect(HTMLEscaping.escape(text) == expected)
        }
    }

    @Test func writerUsesTheEscaper() {
        var writer = HTMLWriter()
        writer.write("<a title=\"")
        writer.writeEscaped("\"><script>")
        writer.write("\">")
        #expect(writer.string == "<a title=\"&quot;&gt;&lt;script&gt;\">")
    }

    // MARK: URLs

    static let safeURLs: [String] = [
        "", "/", "/about/", "about.html", "../up", "./here", "?q=1&r=2", "#top",
        "https://example.com/a?b#c", "HTTP://EXAMPLE.COM", "//cdn.example.com/x.js",
        "mailto:someone@example.com", "tel:+1-555-0100", "ftp://example.com", "sms:123",
        "data:image/png;base64,iVBORw0KGgo=", "DATA:IMAGE/JPEG;base64,/9j/",
        "data:image/gif;base64,R0lG", "data:image/webp;base64,UklG",
        "javascript", "javascript.html", "/javascript:alert(1)", "./javascript:alert(1)",
        "posts/javascript:alert(1)", "?javascript:alert(1)", "#javascript:alert(1)",
        "java script:alert(1)", "&amp;javascript:alert(1)", "café/naïve",
    ]

    @Test("allows ordinary and relative URLs", arguments: safeURLs)
    func safeURL(_ url: String) {
        #expect(HTMLEscaping.isSafeURL(url))
        #expect(HTMLEscaping.sanitizeURL(url) == url)
    }

    static let unsafeURLs: [String] = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "\u{1}\u{2}\u{20}javascript:alert(1)", "\n\t javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
        "j\ta\nv\ra\tscript:alert(1)", "java\u{0}script:alert(1)", "javascript\t:alert(1)",
        "vbscript:msgbox(1)", "VBSCRIPT:msgbox(1)", "livescript:x", "mocha:x",
        "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/svg+xml;base64,PHN2Zz4=", "data:,alert(1)", "data:image/png,raw",
        "data: image/png;base64,x", "data:image/pngx;base64,x",
        "jav&#x09;ascript:alert(1)", "jav&#9;ascript:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)", "&#X6a;avascript:alert(1)", "&#0000106avascript:alert(1)",
        "javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)",
    ]

    @Test("rejects script-running schemes however they are disguised", arguments: unsafeURLs)
    func unsafeURL(_ url: String) {
        #expect(!HTMLEscaping.isSafeURL(url))
        #expect(HTMLEscaping.sanitizeURL(url) == "about:invalid")
    }

    @Test func longURLsAreFine() {
        let long = "https://example.com/" + String(repeating: "a", count: 10_000)
        #expect(HTMLEscaping.isSafeURL(long))
        #expect(!HTMLEscaping.isSafeURL(String(repeating: " ", count: 10_000) + "javascript:alert(1)"))
        #expect(!HTMLEscaping.isSafeURL(String(repeating: "&#9;", count: 100) + "javascript:alert(1)"))
    }
}

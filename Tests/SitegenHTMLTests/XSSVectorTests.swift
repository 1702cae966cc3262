import Foundation
import SitegenHTML
import Testing

/// Well-known XSS vectors (`Fixtures/xss-vectors.txt`) through the escaper, the URL
/// check and the script-safe JSON writer.
@Suite("XSS vectors")
struct XSSVectorTests {
    struct Vectors {
        var markup: [String] = []
        var urls: [String] = []
    }

    /// Read next to this file rather than declared as a resource, so the test target
    /// needs no bundle.
    static let vectors: Vectors = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xss-vectors.txt").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var vectors = Vectors()
        var inURLs = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if line == "[markup]" || line == "[url]" {
                inURLs = line == "[url]"
                continue
            }
            if inURLs { vectors.urls.append(String(line)) } else { vectors.markup.append(String(line)) }
        }
        return vectors
    }()

    @Test func fixtureHasEnoughVectors() {
        #expect(Self.vectors.markup.count >= 40)
        #expect(Self.vectors.urls.count >= 20)
    }

    @Test("escaped vectors cannot open a tag or leave a quoted attribute", arguments: vectors.markup + vectors.urls)
    func escapedVectorIsInert(_ vector: String) {
        let escaped = HTMLEscaping.escape(vector)
        for forbidden: Character in ["<", ">", "\"", "'"] {
            #expect(!escaped.contains(forbidden), "\(forbidden) survived in \(escaped)")
        }
        #expect(everyAmpersandStartsAnEscape(escaped), "\(escaped)")
        #expect(unescape(escaped) == vector)
    }

    @Test("escaped vectors stay inside an attribute value", arguments: vectors.markup)
    func attributeStaysClosed(_ vector: String) {
        for quote in ["\"", "'"] {
            var writer = HTMLWriter()
            writer.write("<div title=" + quote)
            writer.writeEscaped(vector)
            writer.write(quote + ">")
            let html = writer.string
            // The value ends at the first quote after the opening one: it must be the closing one.
            let body = html.dropFirst("<div title=".count + 1)
            #expect(body.firstIndex(of: Character(quote)) == body.index(body.endIndex, offsetBy: -2), "\(html)")
        }
    }

    @Test("dangerous URLs are rejected and replaced", arguments: vectors.urls)
    func dangerousURLIsRejected(_ vector: String) {
        #expect(!HTMLEscaping.isSafeURL(vector), "\(vector)")
        #expect(HTMLEscaping.sanitizeURL(vector) == HTMLEscaping.unsafeURLReplacement)
    }

    @Test("vectors embedded as JSON cannot close a script element", arguments: vectors.markup + vectors.urls)
    func jsonIsScriptSafe(_ vector: String) throws {
        let json = JSON.serialize(["payload": .string(vector)])
        for forbidden: Character in ["<", ">", "&"] {
            #expect(!json.contains(forbidden), "\(json)")
        }
        #expect(try JSON.parse(json)["payload"] == .string(vector))
    }

    private func everyAmpersandStartsAnEscape(_ text: String) -> Bool {
        let escapes = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
        var rest = Substring(text)
        while let index = rest.firstIndex(of: "&") {
            let tail = rest[index...]
            guard escapes.contains(where: { tail.hasPrefix($0) }) else { return false }
            rest = tail.dropFirst()
        }
        return true
    }

    /// Undoes exactly the five replacements, `&amp;` last so `&amp;lt;` stays `&lt;`.
    private func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

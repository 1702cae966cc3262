import Testing

@testable import SitegenServerCore

@Suite("ASCII: byte helpers of the request path")
struct ASCIITests {
    @Test(arguments: [
        ("\"", "0123456789abcdef", "-gz", "\""),
        ("tags", "/index.html", "", ""),
        ("", "", "", ""),
        ("a", "", "b", ""),
        ("über/", "ß", "/index.html", ""),
        (String(repeating: "x", count: 300), "/", "y", "z"),
    ])
    func joinConcatenates(_ a: String, _ b: String, _ c: String, _ d: String) {
        let joined = ASCII.join(a, b, c, d)
        #expect(joined == a + b + c + d)
        #expect(joined.utf8.count == a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count)
    }

    @Test func literalComparisons() {
        var type = "Text/HTML"
        type.withUTF8 { bytes in
            #expect(ASCII.equalsIgnoringCase(bytes[...], "text/html"))
            #expect(!ASCII.equalsIgnoringCase(bytes[...], "text/htm"))
            #expect(!ASCII.equalsIgnoringCase(bytes[1...], "ext/htmx"))
            #expect(!ASCII.equals(bytes, "text/html"))
        }
        var page = "text/html"
        page.withUTF8 { #expect(ASCII.equals($0, "text/html")) }
        #expect(ASCII.equals("GET", "GET") && !ASCII.equals("GET", "HEAD") && !ASCII.equals("get", "GET") && ASCII.equals("", ""))
    }

    @Test func caseInsensitiveComparisons() {
        #expect(ASCII.equalsIgnoringCase("Accept-Encoding", "accept-encoding"))
        #expect(ASCII.equalsIgnoringCase("", ""))
        #expect(!ASCII.equalsIgnoringCase("accept", "accept-encoding"))
        #expect(!ASCII.equalsIgnoringCase("ÄB", "äb"))  // ASCII only: other letters must match exactly
        #expect(ASCII.equalsIgnoringCase("ÄB", "Äb"))
        let value = Array(" GZip;q=1".utf8)
        #expect(ASCII.equalsIgnoringCase(value[1..<5], "gzip"))
        #expect(!ASCII.equalsIgnoringCase(value[1..<5], "gzi"))
        #expect(!ASCII.equalsIgnoringCase(value[0..<5], "gzip"))
        #expect(ASCII.equalsIgnoringCase(value[0..<0], ""))
    }
}

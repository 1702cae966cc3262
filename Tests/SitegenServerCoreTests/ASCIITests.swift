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

    /// `ASCII.nextPiece` cuts as the standard library's `split` does with empty
    /// subsequences kept, and `nextListElement` gives those pieces trimmed, empty ones
    /// skipped: for every input over a small alphabet up to six bytes long (separators
    /// first, last, doubled, alone; spaces around them), in a slice that does not start at
    /// index 0.
    @Test func piecesAgreeWithTheStandardLibrarysSplit() {
        let comma = UInt8(ascii: ","), space = UInt8(ascii: " ")
        let alphabet: [UInt8] = [UInt8(ascii: "a"), comma, space]
        var inputs: [[UInt8]] = [[]], longest: [[UInt8]] = [[]]
        for _ in 0..<6 {
            longest = longest.flatMap { prefix in alphabet.map { prefix + [$0] } }
            inputs += longest
        }
        var checked = 0
        for input in inputs {
            let slice = ([UInt8(ascii: "x")] + input)[1...]
            let expected = slice.split(separator: comma, omittingEmptySubsequences: false).map(Array.init)
            var pieces: [ArraySlice<UInt8>] = []
            var index = slice.startIndex
            while let piece = ASCII.nextPiece(of: slice, separatedBy: comma, from: &index) { pieces.append(piece) }
            #expect(pieces.map(Array.init) == expected, "\(input)")
            #expect(pieces.allSatisfy { $0.startIndex >= slice.startIndex && $0.endIndex <= slice.endIndex })

            var elements: [[UInt8]] = []
            index = slice.startIndex
            while let element = ASCII.nextListElement(of: slice, from: &index) { elements.append(Array(element)) }
            let trimmed = expected.map { Array($0.drop(while: { $0 == space }).reversed().drop(while: { $0 == space }).reversed()) }
            #expect(elements == trimmed.filter { !$0.isEmpty }, "\(input)")
            checked += 1
        }
        #expect(checked > 1_000)
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

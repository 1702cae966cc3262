import SitegenHTML
import SitegenServerCore
import Testing

@Suite struct IslandSourceTests {
    static func boundaries(_ shell: String) -> [(id: Int, loader: String, encodedArguments: String)] {
        let bytes = Array(shell.utf8)
        var found: [(id: Int, loader: String, encodedArguments: String)] = []
        var offset = 0
        while let boundary = IslandSource.nextBoundary(in: bytes, from: &offset) { found.append(boundary) }
        #expect(offset == bytes.count)
        return found
    }

    /// The markup the build writes for each boundary, read back: numbers, loaders and
    /// arguments in document order.
    @Test func readsTheBoundariesSuspenseMarkupWrites() {
        let likes = Base64URL.encode(Array(#"{"slug":"hello-world"}"#.utf8))
        let comments = Base64URL.encode(Array(#"{"slug":"hello-world","limit":20}"#.utf8))
        let shell = "<!doctype html><main><h1>Hello</h1>"
            + SuspenseMarkup.open(1, source: IslandSource.path(loader: "likes", encodedArguments: likes, signature: "ab12"))
            + "<span>…</span>" + SuspenseMarkup.close + "<p>text about <code>&lt;sg-b id=\"sg-b9\"&gt;</code></p>"
            + SuspenseMarkup.open(2, source: IslandSource.path(loader: "comments", encodedArguments: comments, signature: "cd34"))
            + "<p>Loading comments</p>" + SuspenseMarkup.close + "</main>"
        let found = Self.boundaries(shell)
        #expect(found.map(\.id) == [1, 2])
        #expect(found.map(\.loader) == ["likes", "comments"])
        #expect(found.map(\.encodedArguments) == [likes, comments])
        #expect(Base64URL.decode(found[1].encodedArguments) == Array(#"{"slug":"hello-world","limit":20}"#.utf8))
    }

    @Test func skipsBoundariesWithoutAnIslandURL() {
        let shell = SuspenseMarkup.open(1) + "a" + SuspenseMarkup.close
            + "<sg-b id=\"sg-bx\" data-src=\"/_sg/island/likes?a=e30&amp;s=1\">" + SuspenseMarkup.close  // no number
            + "<sg-b id=\"sg-b3\" data-src=\"/other/likes?a=e30&amp;s=1\">" + SuspenseMarkup.close       // not an island
            + "<sg-b id=\"sg-b4\" data-src=\"/_sg/island/?a=e30&amp;s=1\">" + SuspenseMarkup.close       // no loader
            + "<sg-b id=\"sg-b5\" data-src=\"/_sg/island/likes?a=e30\">" + SuspenseMarkup.close          // no signature
            + SuspenseMarkup.open(6, source: "/_sg/island/likes?a=e30&s=1") + SuspenseMarkup.close
        let found = Self.boundaries(shell)
        #expect(found.map(\.id) == [6])
        #expect(found.first?.encodedArguments == "e30")
    }

    /// The scan passes over four bytes at a time: a boundary is found at every alignment,
    /// after any number of other tags.
    @Test func findsBoundariesAtEveryOffset() {
        let boundary = SuspenseMarkup.open(7, source: IslandSource.path(loader: "likes", encodedArguments: "e30", signature: "ab"))
        for padding in 0..<9 {
            for tags in ["", "<p>", "<s><sg-x>", "<sg-b>"] {
                let shell = tags + String(repeating: "x", count: padding) + "<" + boundary + "<" + SuspenseMarkup.close
                let found = Self.boundaries(shell)
                #expect(found.map(\.id) == [7], "\(padding) bytes after \(tags)")
            }
        }
    }

    @Test func pathIsWhatTheIslandEndpointReads() {
        #expect(IslandSource.path(loader: "likes", encodedArguments: "e30", signature: "ab") == "/_sg/island/likes?a=e30&s=ab")
    }

    @Test func truncatedShellsNeverTrap() {
        let shell = Array((SuspenseMarkup.open(12, source: IslandSource.path(loader: "likes", encodedArguments: "e30", signature: "ab")) + "x").utf8)
        for end in 0...shell.count {
            var offset = 0
            let prefix = Array(shell[..<end])
            let boundary = IslandSource.nextBoundary(in: prefix, from: &offset)
            #expect((boundary != nil) == (end >= shell.count - "ab\">x".utf8.count), "cut at \(end)")  // complete once `&amp;s=` is in
        }
    }
}

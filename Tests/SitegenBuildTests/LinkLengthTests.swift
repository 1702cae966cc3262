import Testing
@testable import SitegenBuild

/// How much of a source line a broken link's diagnostic underlines: from the link's
/// column (in Unicode scalars) to the end of its `](destination)`.
struct LinkLengthTests {
    @Test(arguments: [
        ("See [x](a.md) now", 5, "a.md", 9),
        ("Héllo wörld [x](a.md) z", 13, "a.md", 9),
        ("日本語 [リンク](b/c.md#d)", 5, "b/c.md#d", 15),
        ("[a](x.md) and [b](x.md)", 15, "x.md", 9),
        ("no link here", 1, "a.md", 1),
    ])
    func underlinesTheLink(line: String, column: Int, destination: String, length: Int) {
        #expect(LinkResolver.linkLength(in: line, from: column, destination: destination) == length)
    }

    @Test func noLineIsOneColumn() {
        #expect(LinkResolver.linkLength(in: nil, from: 3, destination: "a.md") == 1)
    }
}

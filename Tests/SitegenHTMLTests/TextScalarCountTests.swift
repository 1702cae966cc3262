import Testing

@testable import SitegenHTML

/// `Text.scalarCount` counts what `unicodeScalars.count` counts: the `length` filter and
/// `Request.text(_:limit:)` use it in the server component.
@Suite("Text.scalarCount: Unicode scalars counted in UTF-8")
struct TextScalarCountTests {
    @Test(arguments: ["", "a", "hello", "café", "naïve résumé", "日本語", "e\u{301}", "👩‍👩‍👧", "🇫🇷🇩🇪", "a\u{0}b", "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
    func countsUnicodeScalars(_ text: String) {
        #expect(Text.scalarCount(text) == text.unicodeScalars.count)
        #expect(Value.string(text).count == text.unicodeScalars.count)
    }
}

import SitegenHTML
import Testing

/// `Text.integer` stands in for `Int(_:)` in the wasm component: it must read exactly
/// what `Int(_:)` reads.
@Suite("Text.integer")
struct TextIntegerTests {
    @Test(arguments: [
        "0", "42", "-7", "+7", "007", "-0", "", "+", "-", "1a", " 1", "1 ", "--1", "+-1", "12.5", "1e3", "0x10",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999", "١٢", "１２",
    ])
    func readsWhatIntReads(_ text: String) {
        #expect(Text.integer(text) == Int(text))
    }
}

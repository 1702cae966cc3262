import SitegenHTML
import SitegenServerCore
import Testing

@Suite struct NameSuggestionTests {
    @Test func suggestsTheClosestNameWithinTwoEdits() {
        #expect(NameSuggestion.nearest(to: "ecko", in: ["echo", "like"]) == "echo")
        #expect(NameSuggestion.nearest(to: "LIKE", in: ["comment", "like"]) == "like")  // case only
        #expect(NameSuggestion.nearest(to: "comentt", in: ["comment", "comments"]) == "comment")
        #expect(NameSuggestion.nearest(to: "zzzzzz", in: ["comment", "like"]) == nil)
        #expect(NameSuggestion.nearest(to: "ab", in: ["cd"]) == nil)  // as many edits as letters: nothing in common
        #expect(NameSuggestion.nearest(to: "x", in: []) == nil)
    }

    @Test func equallyCloseNamesGoToTheFirstInByteOrder() {
        #expect(NameSuggestion.nearest(to: "likx", in: ["likz", "like", "liky"]) == "like")
        #expect(NameSuggestion.nearest(to: "likx", in: ["liky", "likz", "like"]) == "like")
    }

    /// The function endpoint accepts ASCII letters, digits and `_`: for such names the
    /// answer is `Suggestion.nearest`'s, which the build uses for its own diagnostics.
    @Test func agreesWithSuggestionForFunctionNames() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdeABCDE_01".utf8)
        func name() -> String {
            let length = Int.random(in: 1...7, using: &generator)
            return String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
        }
        for _ in 0..<2_000 {
            let candidates = (0..<Int.random(in: 0...6, using: &generator)).map { _ in name() }
            let wanted = name()
            #expect(NameSuggestion.nearest(to: wanted, in: candidates) == Suggestion.nearest(to: wanted, in: candidates),
                    "\(wanted) in \(candidates)")
        }
    }
}

import Testing
import SitegenHighlight

/// One representative snippet per language, and the exact HTML it becomes.
struct LanguageSnapshotTests {
    @Test(arguments: LanguageCase.all)
    func highlights(_ example: LanguageCase) throws {
        let language = try #require(Language(name: example.name))
        // The literals drop their final newline; code blocks from Markdown keep it.
        let html = Highlighter.html(example.code + "\n", language: language)
        #expect(html == example.html + "\n")
        if html != example.html + "\n" { printLineDiff(expected: example.html + "\n", actual: html) }
    }

    @Test func everyLanguageHasACase() {
        let covered = Set(LanguageCase.all.compactMap { Language(name: $0.name) })
        #expect(covered == Set(Language.allCases))
    }

    @Test func tokensCoverTheirText() {
        let tokens = Highlighter.tokens(in: "let x = 1 // one", language: .swift)
        #expect(tokens == [
            Token(.keyword, 0..<3), Token(.operator, 6..<7), Token(.number, 8..<9), Token(.comment, 10..<16),
        ])
    }

    /// Prints the first differing line, which a one-line `#expect` failure buries.
    private func printLineDiff(expected: String, actual: String) {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<none>"
            if want != got {
                print("line \(index + 1):\n  expected: \(want)\n  actual:   \(got)")
                return
            }
        }
    }
}

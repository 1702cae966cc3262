import Testing
import SitegenHighlight

/// Reading a fence's info string: Hugo's `{…}` options and Zola's comma list.
struct FenceInfoTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var info: String
        var expected: FenceInfo
        var testDescription: String { info }
    }

    static func info(_ language: String, linenos: Bool = false, start: Int = 1, lines: [ClosedRange<Int>] = []) -> FenceInfo {
        FenceInfo(language: language, options: CodeBlockOptions(lineNumbers: linenos, firstLineNumber: start, highlightedLines: lines))
    }

    static let cases: [Case] = [
        Case(info: "", expected: info("")),
        Case(info: "swift", expected: info("swift")),
        Case(info: "  Swift  ", expected: info("Swift")),
        Case(info: "swift {linenos=true, hl_lines=[2,3]}", expected: info("swift", linenos: true, lines: [2...2, 3...3])),
        Case(info: #"go {hl_lines=[2, "4-6"], linenostart=10}"#, expected: info("go", start: 10, lines: [2...2, 4...6])),
        Case(info: #"js {hl_lines="2 4-6" linenos=inline}"#, expected: info("js", linenos: true, lines: [2...2, 4...6])),
        Case(info: "swift{linenos=table}", expected: info("swift", linenos: true)),
        Case(info: "{linenos=true}", expected: info("", linenos: true)),
        Case(info: "python {linenos=false}", expected: info("python")),
        Case(info: "rust,linenos,hl_lines=1 3-5 9", expected: info("rust", linenos: true, lines: [1...1, 3...5, 9...9])),
        Case(info: "rust,linenostart=5,hl_lines=2", expected: info("rust", start: 5, lines: [2...2])),
        Case(info: "c {hl_lines=[6-4]}", expected: info("c", lines: [4...6])),
        Case(info: #"sh {.class #id title="A, b=c" linenos=true}"#, expected: info("sh", linenos: true)),
        Case(info: "toml {unknown=1, LINENOS=TRUE}", expected: info("toml", linenos: true)),
        Case(info: "x {hl_lines=[99999999999999999999]}", expected: info("x", lines: [999_999_999...999_999_999])),
        Case(info: "x {hl_lines=[1, 2", expected: info("x", lines: [1...1, 2...2])),
        Case(info: "x {hl_lines=\"1", expected: info("x", lines: [1...1])),
        Case(info: "x {hl_lines=, linenos=}", expected: info("x", linenos: true)),
    ]

    @Test(arguments: cases)
    func parses(_ example: Case) {
        #expect(FenceInfo(parsing: example.info) == example.expected)
    }

    @Test func highlightedLinesAreCountedFromTheBlocksFirstLine() {
        let options = FenceInfo(parsing: "swift {linenostart=10, hl_lines=[2]}").options
        #expect(options.isHighlighted(line: 2))
        #expect(!options.isHighlighted(line: 11))
    }
}

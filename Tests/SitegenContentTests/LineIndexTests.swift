import Testing
@testable import SitegenContent

struct LineIndexTests {
    @Test func linesAndColumns() {
        let lines = LineIndex("a\nbé [x](y.md)\r\n\nlast")
        #expect(lines.count == 4)
        #expect(lines[1] == "a")
        #expect(lines[2] == "bé [x](y.md)\r", "a CR stays: lines end at LF, as cmark counts them")
        #expect(lines[3] == "")
        #expect(lines[4] == "last")
        #expect(lines[0] == nil && lines[5] == nil)
        #expect(lines.scalarColumn(line: 2, byteColumn: 5) == 4, "é is two bytes and one scalar")
        #expect(lines.scalarColumn(line: 9, byteColumn: 5) == 5, "outside the text, bytes are columns")
    }

    @Test func aTrailingLineFeedEndsWithAnEmptyLine() {
        let lines = LineIndex("one\n")
        #expect(lines.count == 2 && lines[2] == "")
        #expect(LineIndex("").count == 1)
    }
}

/// How a code block is laid out: line numbers and emphasised lines, as set in the fence
/// (`{linenos=true, hl_lines=[2, "4-6"], linenostart=10}`).
package struct CodeBlockOptions: Equatable, Sendable {
    /// Whether each line starts with its number (`linenos`).
    package var lineNumbers: Bool
    /// The number of the first line (`linenostart`), 1 unless set.
    package var firstLineNumber: Int
    /// The lines to emphasise (`hl_lines`), counted from 1 at the block's first line
    /// whatever ``firstLineNumber`` is, as in Hugo.
    package var highlightedLines: [ClosedRange<Int>]

    /// Creates options; the defaults are a plain block.
    ///
    /// - Parameters:
    ///   - lineNumbers: Whether lines are numbered.
    ///   - firstLineNumber: The number the first line shows.
    ///   - highlightedLines: Lines to emphasise, counted from 1.
    package init(lineNumbers: Bool = false, firstLineNumber: Int = 1, highlightedLines: [ClosedRange<Int>] = []) {
        self.lineNumbers = lineNumbers
        self.firstLineNumber = firstLineNumber
        self.highlightedLines = highlightedLines
    }

    /// Whether each line is wrapped in its own `<span class="line">`, which numbering
    /// and emphasis both need.
    package var wrapsLines: Bool { lineNumbers || !highlightedLines.isEmpty }

    /// Whether the `line`th line of the block (from 1) is emphasised.
    package func isHighlighted(line: Int) -> Bool {
        highlightedLines.contains { $0.contains(line) }
    }
}

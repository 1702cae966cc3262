/// Where each line of a text starts (at LF, as cmark counts lines), found in one pass
/// over the bytes; a line is then sliced out without splitting the whole text.
///
/// ```swift
/// let lines = LineIndex("a\nbé [x](y.md)\n")
/// lines.count                              // 3
/// lines[2]                                 // "bé [x](y.md)"
/// lines.scalarColumn(line: 2, byteColumn: 5)  // 4: "é" is two bytes, one scalar
/// ```
public struct LineIndex: Sendable {
    private let text: String
    /// The byte offset of each line's first byte.
    private var starts: [Int] = [0]

    public init(_ text: String) {
        self.text = text
        var copy = text
        var starts = [0]
        copy.withUTF8 { bytes in
            for i in 0..<bytes.count where bytes[i] == 0x0A { starts.append(i + 1) }
        }
        self.starts = starts
    }

    /// The number of lines (one more than the number of line feeds).
    public var count: Int { starts.count }

    /// Line `n` (1-based) without its line feed; nil outside the text.
    public subscript(_ n: Int) -> Substring? {
        guard n >= 1, n <= starts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[n - 1])
        let end = n < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[n] - 1) : utf8.endIndex
        return Substring(utf8[start..<end])
    }

    /// cmark counts columns in bytes; diagnostics count Unicode scalars.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, let bytes = self[line]?.utf8 else { return max(byteColumn, 1) }
        var column = 1
        for (offset, byte) in bytes.enumerated() {
            if offset >= byteColumn - 1 { break }
            // Continuation bytes (10xxxxxx) do not start a new scalar.
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        return column
    }
}

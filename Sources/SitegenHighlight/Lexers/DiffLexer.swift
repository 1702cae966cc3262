/// The lexer for diffs and patches, a line at a time: `+` lines are inserted, `-` lines
/// deleted, and file headers (`diff`, `index`, `---`/`+++` pairs) and `@@` hunk headers
/// are meta. The newline stays outside each token, so a line's colour ends with its text.
struct DiffLexer {
    func run(_ s: inout Scanner) {
        while s.position < s.end {
            let start = s.position
            let lineEnd = s.lineEnd(from: start)
            let kind: TokenKind?
            switch s.bytes[start] {
            case UInt8(ascii: "+"):
                kind = s.matches("+++ ") && previousLineIsOldFileHeader(s, start) ? .meta : .inserted
            case UInt8(ascii: "-"):
                kind = s.matches("--- ") && s.matches("+++ ", at: lineEnd + 1) ? .meta : .deleted
            case UInt8(ascii: "@"):
                kind = s.matches("@@") ? .meta : nil
            case UInt8(ascii: "!"):
                kind = .meta
            case UInt8(ascii: "\\"):
                kind = .comment
            case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "r"),
                 UInt8(ascii: "c"), UInt8(ascii: "o"), UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "*"), UInt8(ascii: "="):
                kind = isHeader(s, start) ? .meta : nil
            default:
                kind = nil
            }
            var end = lineEnd
            if end > start, s.bytes[end - 1] == 0x0D { end -= 1 }
            if let kind { s.emit(kind, start..<end) }
            s.position = min(lineEnd + 1, s.end)
        }
    }

    private func previousLineIsOldFileHeader(_ s: Scanner, _ start: Int) -> Bool {
        guard start > 0 else { return false }
        var index = start - 1
        while index > 0, s.bytes[index - 1] != 0x0A { index -= 1 }
        return s.matches("--- ", at: index)
    }

    private func isHeader(_ s: Scanner, _ start: Int) -> Bool {
        s.matches("diff ", at: start) || s.matches("index ", at: start) || s.matches("new file mode", at: start)
            || s.matches("deleted file mode", at: start) || s.matches("similarity index", at: start)
            || s.matches("rename ", at: start) || s.matches("copy ", at: start) || s.matches("old mode", at: start)
            || s.matches("new mode", at: start) || s.matches("Index: ", at: start) || s.matches("***", at: start)
            || s.matches("====", at: start) || s.matches("Only in ", at: start)
    }
}

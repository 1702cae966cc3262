import SitegenHTML

/// Where a key and its value were written, relative to the parsed text (1-based).
struct KeyPosition: Equatable, Sendable {
    var keyLine: Int
    var keyColumn: Int
    /// The key as written, quotes included, for the caret underline.
    var keyLength: Int
    var valueLine: Int
    var valueColumn: Int
}

/// Parsed front matter or data: the value, and where each key path was written.
///
/// Neither Yams' `Node` nor TOMLKit's tables survive conversion to `Value`, so the
/// positions are kept beside it, keyed by path (`["extra", "image"]`; list items by
/// their index, `["tags", "1"]`).
struct LocatedTree: Sendable {
    /// A table for front matter and TOML; a YAML data file may also be a list or a scalar.
    var value: Value
    var positions: [[String]: KeyPosition] = [:]

    /// The top-level table; empty when the value is not one.
    var root: Object { value.objectValue ?? Object() }

    /// The position of `path`, or of its nearest recorded ancestor.
    func position(of path: [String]) -> KeyPosition? {
        var path = path
        while !path.isEmpty {
            if let position = positions[path] { return position }
            path.removeLast()
        }
        return nil
    }
}

/// Maps positions in front matter (or a data file) to file locations and excerpts.
struct SourceText: Sendable {
    let file: String
    private let lines: [Substring]
    /// File line number minus parsed-text line number.
    let lineOffset: Int

    init(file: String, text: String, lineOffset: Int) {
        self.file = file
        self.lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        self.lineOffset = lineOffset
    }

    /// The file location of a 1-based line and column of the parsed text.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: max(column, 1))
    }

    /// The text of a parsed-text line, for the diagnostic excerpt.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        return String(lines[line - 1])
    }

    /// How many columns the value starting at `column` spans: a quoted string to its
    /// closing quote, a bracket as 1, anything else up to a space, comma or comment.
    func tokenLength(line: Int, column: Int) -> Int {
        guard let text = lineText(line) else { return 1 }
        let scalars = Array(text.unicodeScalars)
        let start = column - 1
        guard start >= 0, start < scalars.count else { return 1 }
        let first = scalars[start]
        if first == "\"" || first == "'" {
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "\\", first == "\"" {
                    index += 2
                    continue
                }
                if scalars[index] == first { return index - start + 1 }
                index += 1
            }
            return scalars.count - start
        }
        if first == "[" || first == "{" { return 1 }
        var end = start
        while end < scalars.count, !" \t,#]}".unicodeScalars.contains(scalars[end]) { end += 1 }
        return max(end - start, 1)
    }
}

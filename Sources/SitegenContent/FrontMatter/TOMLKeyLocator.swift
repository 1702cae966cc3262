/// Finds where keys are written in TOML text.
///
/// TOMLKit (toml++) knows source regions but does not expose them, and hands tables
/// back sorted by key, so this scanner reads the text once more, line by line, for
/// key positions and source order. It understands `[table]` and `[[array]]` headers,
/// dotted and quoted keys, and skips strings, comments and values that span lines
/// (multi-line strings and arrays). Keys inside inline tables are not recorded; their
/// lookups fall back to the enclosing key.
struct TOMLKeyLocator {
    private var positions: [[String]: KeyPosition] = [:]
    private var table: [String] = []
    /// The closing delimiter of a multi-line string that is still open.
    private var openString: [Unicode.Scalar]?
    /// Open `[` and `{` of a value that continues on the next line.
    private var depth = 0
    /// How many `[[name]]` elements each array of tables has so far, by unindexed path.
    private var arrayCounts: [[String]: Int] = [:]

    /// Every key path written in `text`, with the position of its first occurrence.
    static func positions(in text: String) -> [[String]: KeyPosition] {
        var locator = TOMLKeyLocator()
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            locator.scan(Array(line.unicodeScalars), line: index + 1)
        }
        return locator.positions
    }

    private mutating func scan(_ s: [Unicode.Scalar], line: Int) {
        var i = 0
        if let delimiter = openString {
            guard let end = find(delimiter, in: s, from: 0) else { return }
            openString = nil
            scanValue(s, from: end)
            return
        }
        if depth > 0 {
            scanValue(s, from: 0)
            return
        }
        skipSpaces(s, &i)
        guard i < s.count, s[i] != "#" else { return }
        if s[i] == "[" {
            let isArray = i + 1 < s.count && s[i + 1] == "["
            i += isArray ? 2 : 1
            let (names, start) = readKeys(s, &i)
            table = resolve(names, appendingTo: isArray)
            record(table, line: line, start: start, end: i, valueColumn: start + 1)
            return
        }
        let (names, start) = readKeys(s, &i)
        let end = i
        skipSpaces(s, &i)
        guard !names.isEmpty, i < s.count, s[i] == "=" else { return }
        i += 1
        skipSpaces(s, &i)
        record(table + names, line: line, start: start, end: end, valueColumn: i + 1)
        scanValue(s, from: i)
    }

    /// The path of a table header, with the element index after each array of tables
    /// (`[[links]]` → `links.0`, then `links.1`; `[links.meta]` → `links.1.meta`), the
    /// way list items are addressed elsewhere.
    private mutating func resolve(_ names: [String], appendingTo isArray: Bool) -> [String] {
        var raw: [String] = []
        var resolved: [String] = []
        for (index, name) in names.enumerated() {
            raw.append(name)
            resolved.append(name)
            if isArray, index == names.count - 1 { arrayCounts[raw, default: 0] += 1 }
            if let count = arrayCounts[raw] { resolved.append(String(count - 1)) }
        }
        return resolved
    }

    /// Records `path` and any parent not yet seen (`a.b = 1` also records `a`).
    private mutating func record(_ path: [String], line: Int, start: Int, end: Int, valueColumn: Int) {
        var prefix: [String] = []
        for name in path {
            prefix.append(name)
            if positions[prefix] == nil {
                positions[prefix] = KeyPosition(
                    keyLine: line, keyColumn: start + 1, keyLength: max(end - start, 1),
                    valueLine: line, valueColumn: valueColumn)
            }
        }
    }

    /// Reads `a`, `a.b`, `"quoted key".c`; returns the names and the first key's index.
    private func readKeys(_ s: [Unicode.Scalar], _ i: inout Int) -> ([String], Int) {
        var names: [String] = []
        skipSpaces(s, &i)
        let start = i
        while i < s.count {
            var name = String.UnicodeScalarView()
            if s[i] == "\"" || s[i] == "'" {
                let quote = s[i]
                i += 1
                while i < s.count, s[i] != quote {
                    if quote == "\"", s[i] == "\\", i + 1 < s.count { i += 1 }
                    name.append(s[i])
                    i += 1
                }
                i += 1
            } else {
                while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "_" || s[i] == "-" {
                    name.append(s[i])
                    i += 1
                }
            }
            names.append(String(name))
            let afterName = i
            skipSpaces(s, &i)
            guard i < s.count, s[i] == "." else {
                i = afterName
                break
            }
            i += 1
            skipSpaces(s, &i)
        }
        return (names, start)
    }

    /// Skips a value: strings (noting an unclosed multi-line one), brackets, a comment.
    private mutating func scanValue(_ s: [Unicode.Scalar], from start: Int) {
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "#" { return }
            if c == "\"" || c == "'" {
                let triple = [c, c, c]
                if i + 2 < s.count, s[i + 1] == c, s[i + 2] == c {
                    guard let end = find(triple, in: s, from: i + 3) else {
                        openString = triple
                        return
                    }
                    i = end
                } else {
                    i += 1
                    while i < s.count, s[i] != c {
                        if c == "\"", s[i] == "\\" { i += 1 }
                        i += 1
                    }
                    i += 1
                }
                continue
            }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" { depth = max(depth - 1, 0) }
            i += 1
        }
    }

    /// The index just after `delimiter` in `s`, skipping backslash escapes in basic strings.
    private func find(_ delimiter: [Unicode.Scalar], in s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i + delimiter.count <= s.count {
            if delimiter[0] == "\"", s[i] == "\\" {
                i += 2
                continue
            }
            if Array(s[i..<(i + delimiter.count)]) == delimiter { return i + delimiter.count }
            i += 1
        }
        return nil
    }

    private func skipSpaces(_ s: [Unicode.Scalar], _ i: inout Int) {
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
    }
}

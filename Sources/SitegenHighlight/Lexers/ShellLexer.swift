/// The lexer for POSIX shells, bash and zsh.
///
/// It tracks whether a command name may come next (at the start of a line, after `|`,
/// `&&`, `;`, `then`, `do`, …): that word is coloured as a function, or as a keyword or
/// built-in when it is one; later words are arguments, with `-options` as attributes.
/// `$VAR`, `${…}` and `$1` are variables, also inside `"…"`; `$(…)` is lexed as a
/// nested command line; heredoc bodies are strings.
struct ShellLexer {
    static let words = WordTable([
        (.keyword, "if then else elif fi for while until do done case esac in function select time coproc"),
        (.builtin, """
            echo printf cd pwd export source alias unalias unset read test exit return set shift local declare \
            typeset readonly eval exec trap wait true false let getopts command builtin type hash ulimit umask \
            jobs fg bg kill history pushd popd dirs shopt complete sudo
            """),
    ])
    /// Keywords after which a command name may come.
    static let commandKeywords = WordTable([(.keyword, "if then else elif do while until time !")])

    var commandPosition = true
    var nesting = 0
    /// Heredocs opened on the current line, whose bodies start on the next one.
    var heredocs: [(delimiter: Range<Int>, stripsTabs: Bool)] = []

    mutating func run(_ s: inout Scanner) {
        _ = lex(&s, closer: 0)
    }

    /// Lexes until the end, or until an unmatched `closer` (not consumed).
    ///
    /// - Returns: Whether it stopped at `closer`.
    mutating func lex(_ s: inout Scanner, closer: UInt8) -> Bool {
        var depth = 0
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                s.position += 1
            case 0x0A:
                s.position += 1
                commandPosition = true
                if !heredocs.isEmpty { lexHeredocBodies(&s) }
            case UInt8(ascii: "#"):
                s.skipToLineEnd()
                s.emit(.comment, from: start)
            case UInt8(ascii: "'"):
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "'") { s.position += 1 }
                if s.position < s.end { s.position += 1 }
                s.emit(.string, from: start)
                commandPosition = false
            case UInt8(ascii: "\""):
                lexDoubleQuoted(&s)
                commandPosition = false
            case UInt8(ascii: "`"):
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "`") { s.position += 1 }
                if s.position < s.end { s.position += 1 }
                s.emit(.string, from: start)
                commandPosition = false
            case UInt8(ascii: "$"):
                lexDollar(&s)
                commandPosition = false
            case UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"):
                while s.position < s.end, s.bytes[s.position] == UInt8(ascii: "|") || s.bytes[s.position] == UInt8(ascii: "&")
                    || s.bytes[s.position] == UInt8(ascii: ";") || s.bytes[s.position] == UInt8(ascii: ">") {
                    s.position += 1
                }
                s.emit(.operator, from: start)
                commandPosition = true
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                lexRedirection(&s)
            case UInt8(ascii: "("), UInt8(ascii: "{"):
                depth += 1
                s.position += 1
                s.emit(.punctuation, from: start)
                commandPosition = true
            case UInt8(ascii: ")"), UInt8(ascii: "}"):
                if depth == 0, byte == closer { return true }
                depth = max(0, depth - 1)
                s.position += 1
                s.emit(.punctuation, from: start)
                commandPosition = false
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                while s.position < s.end, s.bytes[s.position] == byte { s.position += 1 }
                s.emit(.punctuation, from: start)
                commandPosition = false
            case UInt8(ascii: "\\"):
                s.position = min(s.position + 2, s.end)
            case UInt8(ascii: "!") where commandPosition:
                s.position += 1
                s.emit(.operator, from: start)
            default:
                lexWord(&s)
            }
        }
        return false
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0A, UInt8(ascii: "|"), UInt8(ascii: "&"),
             UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
            false
        default:
            true
        }
    }

    private mutating func lexWord(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        while s.position < s.end, isWordByte(s.bytes[s.position]) { s.position += 1 }
        let range = start..<s.position
        if commandPosition {
            if let equals = assignmentEquals(s, range) {
                s.emit(.variable, start..<equals)
                s.emit(.operator, equals..<equals + 1)
                return
            }
            let kind = Self.words.kind(of: s.bytes, range) ?? .function
            s.emit(kind, from: start)
            commandPosition = kind == .keyword && Self.commandKeywords.contains(s.bytes, range)
            return
        }
        let first = s.bytes[start]
        if let equals = assignmentEquals(s, range) {
            // `export NAME=value`, `make CC=clang`.
            s.emit(.variable, start..<equals)
            s.emit(.operator, equals..<equals + 1)
        } else if first == UInt8(ascii: "-"), range.count > 1 {
            var end = start + 1
            while end < range.upperBound, s.bytes[end] != UInt8(ascii: "=") { end += 1 }
            s.emit(.attribute, start..<end)
        } else if first.isDigit, s.bytes[range].allSatisfy(\.isDigit) {
            s.emit(.number, from: start)
        } else if range.count == 2, s.matches("in", at: start) || s.matches("do", at: start) {
            s.emit(.keyword, from: start)
        }
    }

    /// Where the `=` of `NAME=value` is, if the word is an assignment.
    private func assignmentEquals(_ s: Scanner, _ range: Range<Int>) -> Int? {
        guard s.bytes[range.lowerBound].isIdentifierStart else { return nil }
        var index = range.lowerBound + 1
        while index < range.upperBound, s.bytes[index].isIdentifierPart { index += 1 }
        if index < range.upperBound, s.bytes[index] == UInt8(ascii: "+"), s.byte(at: index + 1) == UInt8(ascii: "=") { index += 1 }
        return index < range.upperBound && s.bytes[index] == UInt8(ascii: "=") ? index : nil
    }

    private mutating func lexRedirection(_ s: inout Scanner) {
        let start = s.position
        if s.matches("<<"), !s.matches("<<<") {
            s.position += 2
            let stripsTabs = s.peek() == UInt8(ascii: "-")
            if stripsTabs { s.position += 1 }
            s.emit(.operator, from: start)
            s.skipBlanks()
            let quote = s.peek()
            let quoted = quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")
            let delimiterStart = s.position
            if quoted { s.position += 1 }
            let nameStart = s.position
            while s.position < s.end, s.bytes[s.position].isIdentifierPart || s.bytes[s.position] == UInt8(ascii: "-") {
                s.position += 1
            }
            let name = nameStart..<s.position
            if quoted, s.peek() == quote { s.position += 1 }
            s.emit(.string, from: delimiterStart)
            if !name.isEmpty, heredocs.count < 8 { heredocs.append((name, stripsTabs)) }
            commandPosition = false
            return
        }
        while s.position < s.end, s.bytes[s.position] == UInt8(ascii: "<") || s.bytes[s.position] == UInt8(ascii: ">")
            || s.bytes[s.position] == UInt8(ascii: "&") {
            s.position += 1
        }
        s.emit(.operator, from: start)
    }

    /// The bodies of the heredocs opened on the line just ended, each up to its delimiter line.
    private mutating func lexHeredocBodies(_ s: inout Scanner) {
        for heredoc in heredocs {
            let bodyStart = s.position
            while s.position < s.end {
                let lineEnd = s.lineEnd(from: s.position)
                var text = s.position
                if heredoc.stripsTabs { while text < lineEnd, s.bytes[text] == 0x09 { text += 1 } }
                var end = lineEnd
                if end > text, s.bytes[end - 1] == 0x0D { end -= 1 }
                let isDelimiter = end - text == heredoc.delimiter.count
                    && s.bytes[text..<end].elementsEqual(s.bytes[heredoc.delimiter])
                s.position = lineEnd
                if isDelimiter { break }
                if s.position < s.end { s.position += 1 }
            }
            s.emit(.string, from: bodyStart)
            if s.position < s.end { s.position += 1 }
        }
        heredocs.removeAll()
    }

    private mutating func lexDoubleQuoted(_ s: inout Scanner) {
        var start = s.position
        s.position += 1
        while s.position < s.end {
            switch s.bytes[s.position] {
            case UInt8(ascii: "\""):
                s.position += 1
                s.emit(.string, from: start)
                return
            case UInt8(ascii: "\\"):
                s.position = min(s.position + 2, s.end)
            case UInt8(ascii: "$") where isVariableStart(s.peek(1)):
                s.emit(.string, from: start)
                lexDollar(&s)
                start = s.position
            default:
                s.position += 1
            }
        }
        s.emit(.string, from: start)
    }

    private func isVariableStart(_ byte: UInt8) -> Bool {
        byte.isIdentifierStart || byte.isDigit || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "*")
    }

    private mutating func lexDollar(_ s: inout Scanner) {
        let start = s.position
        let next = s.peek(1)
        if next == UInt8(ascii: "("), nesting < 16 {
            s.position += 2
            s.emit(.punctuation, from: start)
            var inner = ShellLexer(commandPosition: true, nesting: nesting + 1)
            if inner.lex(&s, closer: UInt8(ascii: ")")) {
                let closeStart = s.position
                s.position += 1
                s.emit(.punctuation, from: closeStart)
            }
            return
        }
        if next == UInt8(ascii: "{") {
            s.position += 2
            while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "}"), s.bytes[s.position] != 0x0A { s.position += 1 }
            if s.peek() == UInt8(ascii: "}") { s.position += 1 }
            s.emit(.variable, from: start)
        } else if next == UInt8(ascii: "'") {
            s.position += 2
            while s.position < s.end, s.bytes[s.position] != UInt8(ascii: "'") {
                s.position += s.bytes[s.position] == UInt8(ascii: "\\") ? 2 : 1
            }
            s.position = min(s.position + 1, s.end)
            s.emit(.string, from: start)
        } else if next.isIdentifierStart {
            s.position += 1
            s.skipIdentifier()
            s.emit(.variable, from: start)
        } else if isVariableStart(next) {
            s.position += 2
            s.emit(.variable, from: start)
        } else {
            s.position += 1
        }
    }
}

/// The lexer for terminal sessions (`console`): a line starting with a `$ ` or `% `
/// prompt is a shell command (as are the lines it continues with a trailing `\`), a line
/// starting with `# ` is a comment, and everything else is output, left plain.
struct ConsoleLexer {
    mutating func run(_ s: inout Scanner) {
        var continues = false
        while s.position < s.end {
            let lineEnd = s.lineEnd(from: s.position)
            var command: Int?
            if continues {
                command = s.position
            } else {
                let first = s.peek()
                let second = s.peek(1)
                if first == UInt8(ascii: "$") || first == UInt8(ascii: "%"), second == UInt8(ascii: " ") || s.position + 1 == lineEnd {
                    s.position += 1
                    s.emit(.meta, from: s.position - 1)
                    command = min(s.position + 1, lineEnd)
                } else if first == UInt8(ascii: "#"), second == UInt8(ascii: " ") {
                    let start = s.position
                    s.position = lineEnd
                    s.emit(.comment, from: start)
                }
            }
            if let command {
                let end = s.end
                s.position = command
                s.end = lineEnd
                // A continuation line goes on with the command's arguments.
                var shell = ShellLexer(commandPosition: !continues)
                shell.run(&s)
                s.end = end
                var last = lineEnd - 1
                if last >= command, s.bytes[last] == 0x0D { last -= 1 }
                continues = last >= command && s.bytes[last] == UInt8(ascii: "\\")
            } else {
                continues = false
            }
            s.position = min(lineEnd + 1, s.end)
        }
    }
}

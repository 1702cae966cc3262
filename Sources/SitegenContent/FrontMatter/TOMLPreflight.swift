/// A lexical pass over TOML before toml++ sees it, refusing the few malformed shapes on
/// which toml++ 3.4 trips its own internal assertions (an abort in builds with
/// assertions on, undefined behaviour through `TOML_ASSUME` in the others) instead of
/// reporting an error. Found by fuzzing (Tests/Fuzz/README.md):
///
/// - a key that starts with something else than a bare-key character or a quote, after
///   `[`, `[[`, `{`, `,` in an inline table, or `.` in a dotted key (`[!x]`, `[\n`);
/// - a missing value where toml++ already committed to one (`x = [ }`, `{a = ,}`);
/// - a date followed by `T` but no digit (`1979-05-27Tx`), or a date-like value, a
///   space and a single digit (`2024-05-0- 1`).
///
/// Everything else, valid or not, is left to toml++: the pass only needs to be right
/// about these shapes, and it never refuses valid TOML (strings and comments are skipped
/// exactly, since brackets and dates inside them are text).
struct TOMLPreflight {
    /// What was refused, and where (1-based line and column in the text).
    struct Problem: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    private enum Container { case array, inlineTable }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var stack: [Container] = []

    /// The first shape toml++ cannot survive, or nil.
    /// - Parameter text: The TOML document.
    static func problem(in text: String) -> Problem? {
        var pass = TOMLPreflight(bytes: Array(text.utf8))
        return pass.run()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func problem(_ message: String) -> Problem {
        Problem(message: message, line: line, column: index - lineStart + 1)
    }

    private mutating func run() -> Problem? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // toml++ skips a byte-order mark
        while index < bytes.count {
            skipBlank(newlines: true)
            guard let byte = current else { return nil }
            if byte == UInt8(ascii: "[") {
                index += 1
                if current == UInt8(ascii: "[") { index += 1 }
                if let found = key(terminator: UInt8(ascii: "]")) { return found }
            } else if Self.isKeyStart(byte) {
                if let found = key(terminator: UInt8(ascii: "=")) { return found }
                if current == UInt8(ascii: "=") {
                    index += 1
                    if let found = value() { return found }
                }
            }
            skipToEndOfLine()
        }
        return nil
    }

    /// A (dotted) key; stops at `terminator` or anything unexpected (left to toml++).
    private mutating func key(terminator: UInt8) -> Problem? {
        while true {
            skipBlank(newlines: false)
            guard let byte = current else { return nil }
            guard Self.isKeyStart(byte) else {
                return problem("expected a key, found " + Self.describe(byte))
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                skipString()
            } else {
                while let b = current, Self.isBareKeyCharacter(b) { index += 1 }
            }
            skipBlank(newlines: false)
            if current == UInt8(ascii: ".") {
                index += 1
                continue
            }
            if current == terminator { return nil }
            return nil
        }
    }

    /// A value after `=`, with any arrays and inline tables nested in it. A loop over an
    /// explicit stack, not recursion: a data file may hold a long or deeply nested array.
    private mutating func value() -> Problem? {
        var needsValue = true
        while true {
            if needsValue {
                skipBlank(newlines: stack.last == .array)
                guard let byte = current else { return nil }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString()
                case UInt8(ascii: "["):
                    index += 1
                    stack.append(.array)
                    skipBlank(newlines: true)
                    guard current == UInt8(ascii: "]") else { continue }
                    index += 1
                    stack.removeLast()
                case UInt8(ascii: "{"):
                    index += 1
                    stack.append(.inlineTable)
                    skipBlank(newlines: false)
                    if current == UInt8(ascii: "}") {
                        index += 1
                        stack.removeLast()
                    } else {
                        if let found = key(terminator: UInt8(ascii: "=")) { return found }
                        guard current == UInt8(ascii: "=") else { return nil }
                        index += 1
                        continue
                    }
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"), 0x0A, 0x0D:
                    return problem("expected a value, found " + Self.describe(byte))
                default:
                    if let found = bareValue() { return found }
                }
                needsValue = false
            }
            // After a value: `,` and the next element, a closing bracket, or the end.
            guard let container = stack.last else { return nil }
            skipBlank(newlines: container == .array)
            guard let byte = current else { return nil }
            switch (container, byte) {
            case (.array, UInt8(ascii: ",")):
                index += 1
                skipBlank(newlines: true)
                needsValue = current != UInt8(ascii: "]")  // `]` after a trailing comma
            case (.inlineTable, UInt8(ascii: ",")):
                index += 1
                if let found = key(terminator: UInt8(ascii: "=")) { return found }
                guard current == UInt8(ascii: "=") else { return nil }
                index += 1
                needsValue = true
            case (.array, UInt8(ascii: "]")), (.inlineTable, UInt8(ascii: "}")):
                index += 1
                stack.removeLast()
            default:
                return nil  // malformed in a way toml++ reports itself
            }
        }
    }

    /// A number, boolean or date; checks the one date shape toml++ asserts on.
    private mutating func bareValue() -> Problem? {
        let start = index
        while let b = current, !Self.endsBareValue(b) { index += 1 }
        let token = bytes[start..<index]
        if token.count >= 11, token.prefix(10).enumerated().allSatisfy({ offset, b in
            offset == 4 || offset == 7 ? b == UInt8(ascii: "-") : (0x30...0x39).contains(b)
        }), token[start + 10] == UInt8(ascii: "T") || token[start + 10] == UInt8(ascii: "t") {
            let next = token.count > 11 ? token[start + 11] : nil
            if !(next.map { (0x30...0x39).contains($0) } ?? false) {
                index = start + 11
                return problem("expected a time after '" + String(decoding: token.prefix(11), as: UTF8.self) + "'")
            }
        }
        // `YYYY-MM-DD` (dashes at 4 and 7), a space and one digit: toml++ reads on as a
        // date-time and asserts when no second digit follows (`2024-05-0- 1`).
        if token.count == 10, token[start + 4] == UInt8(ascii: "-"), token[start + 7] == UInt8(ascii: "-"),
           index + 1 < bytes.count, bytes[index] == 0x20, (0x30...0x39).contains(bytes[index + 1]),
           !(index + 2 < bytes.count && (0x30...0x39).contains(bytes[index + 2])) {
            index += 1
            return problem("expected a time like 07:32:00 after '" + String(decoding: token, as: UTF8.self) + " '")
        }
        return nil
    }

    private mutating func skipString() {
        guard let quote = current else { return }
        let isMultiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        index += isMultiline ? 3 : 1
        while let b = current {
            if b == 0x5C && quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if b == 0x0A {
                if !isMultiline { return }
                newline()
                continue
            }
            index += 1
            if b == quote {
                guard isMultiline else { return }
                if index + 1 < bytes.count && bytes[index] == quote && bytes[index + 1] == quote {
                    index += 2
                    // Up to two more quotes may belong to the content (`""""" `).
                    while current == quote { index += 1 }
                    return
                }
            }
        }
    }

    private mutating func skipBlank(newlines: Bool) {
        while let b = current {
            if b == 0x20 || b == 0x09 {
                index += 1
            } else if newlines && b == 0x0D {
                index += 1
            } else if newlines && b == 0x0A {
                newline()
            } else if newlines && b == UInt8(ascii: "#") {
                while let c = current, c != 0x0A { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let b = current {
            if b == 0x0A {
                newline()
                return
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                skipString()
            } else {
                index += 1
            }
        }
    }

    private mutating func newline() {
        index += 1
        line += 1
        lineStart = index
    }

    private static func isBareKeyCharacter(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F
    }

    private static func isKeyStart(_ b: UInt8) -> Bool {
        isBareKeyCharacter(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private static func endsBareValue(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ",") || b == UInt8(ascii: "]")
            || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")
    }

    private static func describe(_ b: UInt8) -> String {
        switch b {
        case 0x0A, 0x0D: return "the end of the line"
        case 0x20..<0x7F: return "'" + String(UnicodeScalar(b)) + "'"
        default: return "byte 0x" + String(b, radix: 16, uppercase: true)
        }
    }
}

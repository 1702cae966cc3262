/// The lexer for Swift, Rust, Go, C, C++, JavaScript, TypeScript and Python, driven by a
/// ``CLikeSyntax``.
///
/// It is a single pass with a little memory: whether the previous token ended an
/// expression (so `/` is division, not a regular expression), whether it was a lone `.`
/// (so the next name is a member), and whether a word like `func` or `class` asked for
/// the next name to be coloured as a function or type. Names are coloured by lookup
/// first, then by shape: `name(` is a function, `ALL_CAPS` a constant, `CamelCase` a type.
struct CLikeLexer {
    let syntax: CLikeSyntax
    /// An expression may start here: a `/` begins a regular expression, a `<` a JSX element.
    var expressionStart = true
    /// The previous token was a single `.`, so a name here is a member.
    var afterDot = false
    /// How the next name is coloured, set by `func`, `class` and the like.
    var pendingName: TokenKind?
    /// How deeply interpolations and JSX expressions are nested right now.
    var nesting = 0

    /// Interpolations nest by recursion, so broken input such as `"\("\("\(…` must not be
    /// able to exhaust the stack; past this depth an opener is ordinary string text.
    static let maxNesting = 24

    init(_ syntax: CLikeSyntax) {
        self.syntax = syntax
    }

    mutating func run(_ s: inout Scanner) {
        if s.matches("#!"), !s.matches("#!["), syntax.family != .c, syntax.family != .cpp {
            s.skipToLineEnd()
            s.emit(.comment, from: 0)
        }
        _ = lexCode(&s, closer: 0)
    }

    /// Lexes until the end, or until `closer` appears outside the brackets opened here.
    ///
    /// - Returns: Whether it stopped at `closer`, which is left unconsumed.
    mutating func lexCode(_ s: inout Scanner, closer: UInt8) -> Bool {
        var depth = 0
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte.isWhitespace {
                s.position += 1
                continue
            }
            let dot = afterDot
            let pending = pendingName
            afterDot = false
            pendingName = nil
            if byte.isIdentifierStart || (byte == UInt8(ascii: "$") && syntax.dollarIdentifiers) {
                lexWord(&s, afterDot: dot, pending: pending)
                continue
            }
            if byte.isDigit || (byte == UInt8(ascii: ".") && s.peek(1).isDigit && !s.byte(at: s.position - 1).isIdentifierPart) {
                lexNumber(&s)
                continue
            }
            let start = s.position
            switch byte {
            case UInt8(ascii: "\""):
                lexDoubleQuote(&s, from: start)
            case UInt8(ascii: "'"):
                lexSingleQuote(&s, from: start)
            case UInt8(ascii: "`"):
                lexBacktick(&s)
            case UInt8(ascii: "/"):
                lexSlash(&s)
            case UInt8(ascii: "#"):
                lexHash(&s)
            case UInt8(ascii: "@"):
                lexAt(&s)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                punctuation(&s, 1)
                expressionStart = true
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0, byte == closer { return true }
                depth = max(0, depth - 1)
                punctuation(&s, 1)
                expressionStart = false
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                punctuation(&s, 1)
                expressionStart = true
            case UInt8(ascii: ":"):
                if s.peek(1) == UInt8(ascii: "=") {
                    s.position += 2
                    s.emit(.operator, from: start)
                } else {
                    punctuation(&s, s.peek(1) == UInt8(ascii: ":") ? 2 : 1)
                }
                expressionStart = true
            case UInt8(ascii: "."):
                while s.position < s.end, s.bytes[s.position] == UInt8(ascii: ".") { s.position += 1 }
                if s.position - start == 1 {
                    s.emit(.punctuation, from: start)
                    afterDot = true
                } else {
                    if s.peek() == UInt8(ascii: "<") || s.peek() == UInt8(ascii: "=") { s.position += 1 }
                    s.emit(.operator, from: start)
                    expressionStart = true
                }
            case UInt8(ascii: "<") where syntax.jsx && expressionStart
                && (s.peek(1).isIdentifierStart || s.peek(1) == UInt8(ascii: ">")):
                if !lexJSX(&s) { lexOperator(&s) }
            default:
                if byte.isOperatorPart {
                    lexOperator(&s)
                } else {
                    s.position += 1
                }
            }
        }
        return false
    }

    @inline(__always)
    mutating func punctuation(_ s: inout Scanner, _ length: Int) {
        let start = s.position
        s.position += length
        s.emit(.punctuation, from: start)
    }

    mutating func lexOperator(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        while s.position < s.end, s.bytes[s.position].isOperatorPart {
            if s.bytes[s.position] == UInt8(ascii: "/"), syntax.slashComments,
               s.peek(1) == UInt8(ascii: "/") || s.peek(1) == UInt8(ascii: "*") { break }
            s.position += 1
        }
        s.emit(.operator, from: start)
        expressionStart = true
    }

    mutating func lexWord(_ s: inout Scanner, afterDot: Bool, pending: TokenKind?) {
        let start = s.position
        s.position += 1
        if syntax.dollarIdentifiers {
            while s.position < s.end, s.bytes[s.position].isIdentifierPart || s.bytes[s.position] == UInt8(ascii: "$") {
                s.position += 1
            }
        } else {
            s.skipIdentifier()
        }
        if s.bytes[start] == UInt8(ascii: "$"), syntax.family == .swift {
            s.emit(.variable, from: start)
            expressionStart = false
            return
        }
        if lexStringPrefix(&s, wordStart: start) { return }
        let range = start..<s.position
        let next = s.peek()
        expressionStart = false
        var kind: TokenKind?
        if afterDot {
            kind = next == UInt8(ascii: "(") ? .function : nameKind(s, range) ?? .attribute
        } else if let word = syntax.words.kind(of: s.bytes, range) {
            kind = word
            if word == .keyword {
                expressionStart = true
                pendingName = syntax.introducers.kind(of: s.bytes, range)
            }
        } else if let pending {
            kind = pending
        } else if next == UInt8(ascii: "(") {
            kind = .function
        } else if syntax.family == .rust, next == UInt8(ascii: "!"),
                  s.peek(1) == UInt8(ascii: "(") || s.peek(1) == UInt8(ascii: "[") || s.peek(1) == UInt8(ascii: "{") {
            s.position += 1
            kind = .function
        } else {
            kind = nameKind(s, range)
        }
        if let kind { s.emit(kind, from: start) }
    }

    /// `ALL_CAPS` as a constant, `CamelCase` as a type, where the language's conventions say so.
    func nameKind(_ s: Scanner, _ range: Range<Int>) -> TokenKind? {
        let first = s.bytes[range.lowerBound]
        guard first.isUppercase else { return nil }
        if syntax.allCapsConstants, range.count >= 2 {
            var letters = 0
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = s.bytes[index]
                if byte.isUppercase {
                    letters += 1
                } else if !byte.isDigit, byte != UInt8(ascii: "_") {
                    break
                }
                index += 1
            }
            if index == range.upperBound, letters >= 2 { return .constant }
        }
        return syntax.capitalizedTypes ? .type : nil
    }

    mutating func lexNumber(_ s: inout Scanner) {
        let start = s.position
        let second = s.peek(1) | 0x20
        if s.bytes[start] == UInt8(ascii: "0"), second == UInt8(ascii: "x") || second == UInt8(ascii: "b") || second == UInt8(ascii: "o") {
            s.position += 2
        } else {
            skipDigits(&s)
            if s.peek() == UInt8(ascii: "."), s.peek(1).isDigit {
                s.position += 1
                skipDigits(&s)
            }
            if s.peek() | 0x20 == UInt8(ascii: "e") {
                let sign = s.peek(1) == UInt8(ascii: "+") || s.peek(1) == UInt8(ascii: "-") ? 1 : 0
                if s.peek(1 + sign).isDigit {
                    s.position += 1 + sign
                    skipDigits(&s)
                }
            }
        }
        // Hex digits, and suffixes: `u32`, `f`, `ULL`, `n`, `j`.
        s.skipIdentifier()
        s.emit(.number, from: start)
        expressionStart = false
    }

    private func skipDigits(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            if byte.isDigit || byte == UInt8(ascii: "_") {
                s.position += 1
            } else if byte == UInt8(ascii: "'"), syntax.quoteDigitSeparators, s.peek(1).isDigit {
                s.position += 1
            } else {
                return
            }
        }
    }

    mutating func lexSlash(_ s: inout Scanner) {
        let start = s.position
        let next = s.peek(1)
        if syntax.slashComments, next == UInt8(ascii: "/") {
            s.skipToLineEnd()
            s.emit(.comment, from: start)
        } else if syntax.slashComments, next == UInt8(ascii: "*") {
            s.position += 2
            var level = 1
            while s.position < s.end {
                let byte = s.bytes[s.position]
                if byte == UInt8(ascii: "*"), s.peek(1) == UInt8(ascii: "/") {
                    s.position += 2
                    level -= 1
                    if level == 0 { break }
                } else if syntax.nestedComments, byte == UInt8(ascii: "/"), s.peek(1) == UInt8(ascii: "*") {
                    s.position += 2
                    level += 1
                } else {
                    s.position += 1
                }
            }
            s.emit(.comment, from: start)
        } else if !(syntax.regexLiterals && expressionStart && lexRegex(&s)) {
            lexOperator(&s)
        }
    }
}

/// A cursor over the UTF-8 bytes of one code block, and the tokens found so far.
///
/// Lexers move `position` forward and call ``emit(_:from:)`` for each coloured run;
/// whatever they skip stays plain. Every loop in a lexer must move `position` forward
/// or stop, which is what keeps broken input (an unterminated string or comment) from
/// hanging: reaching `end` always finishes the current token.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Where lexing stops; a lexer for one line of a larger block (a console prompt) lowers it.
    var end: Int
    private(set) var tokens: [Token] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
        tokens.reserveCapacity(bytes.count / 4)
    }

    /// The byte at `index`, or 0 past ``end``.
    @inline(__always) func byte(at index: Int) -> UInt8 { index < end && index >= 0 ? bytes[index] : 0 }
    /// The byte at `position + offset`, or 0 past ``end``.
    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 { byte(at: position + offset) }

    /// Records `start..<position` as `kind`, merging it into the previous token when that
    /// has the same kind and only spaces or tabs lie between (fewer spans, same colours).
    @inline(__always)
    mutating func emit(_ kind: TokenKind, from start: Int) {
        emit(kind, start..<position)
    }

    mutating func emit(_ kind: TokenKind, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = tokens.last, last.kind.rawValue == kind.rawValue {
            var gap = last.range.upperBound
            while gap < range.lowerBound, bytes[gap] == 0x20 || bytes[gap] == 0x09 { gap += 1 }
            if gap == range.lowerBound {
                tokens[tokens.count - 1].range = last.range.lowerBound..<range.upperBound
                return
            }
        }
        tokens.append(Token(kind, range))
    }

    /// Changes the kind of the last token (a string that turned out to be a key).
    mutating func restyleLast(as kind: TokenKind) {
        guard !tokens.isEmpty else { return }
        tokens[tokens.count - 1].kind = kind
    }

    /// Moves past identifier characters.
    @inline(__always)
    mutating func skipIdentifier() {
        while position < end, bytes[position].isIdentifierPart { position += 1 }
    }

    /// Moves past spaces, tabs and carriage returns.
    @inline(__always)
    mutating func skipBlanks() {
        while position < end, bytes[position].isBlank { position += 1 }
    }

    /// Moves to the next newline (not past it), or to the end.
    mutating func skipToLineEnd() {
        while position < end, bytes[position] != 0x0A { position += 1 }
    }

    /// The offset of the first newline at or after `index`, or ``end``.
    func lineEnd(from index: Int) -> Int {
        var index = index
        while index < end, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// Whether the bytes at `index` are `literal`.
    func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= end else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Whether the bytes at `position` are `literal`.
    @inline(__always)
    func matches(_ literal: StaticString) -> Bool { matches(literal, at: position) }

    /// Whether the bytes at `index` are `literal`, ignoring ASCII case (`</SCRIPT`).
    func matchesIgnoringCase(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= end else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset].lowercased != pointer[offset] { return false }
        return true
    }

    /// Whether only blanks lie between the start of the line and `index`.
    func isLineStart(_ index: Int) -> Bool {
        var index = index - 1
        while index >= 0, bytes[index].isBlank { index -= 1 }
        return index < 0 || bytes[index] == 0x0A
    }

    /// The first byte at or after `index` that is not a blank, or 0.
    func nextNonBlank(from index: Int) -> UInt8 {
        var index = index
        while index < end, bytes[index].isBlank { index += 1 }
        return index < end ? bytes[index] : 0
    }
}

/// A run of source bytes of one ``TokenKind``.
///
/// Bytes between tokens are plain text. Ranges are UTF-8 offsets into the code and
/// always fall on character boundaries, because every delimiter a lexer looks for is ASCII.
package struct Token: Equatable, Sendable {
    /// What the bytes are.
    package var kind: TokenKind
    /// Where they are, in UTF-8 bytes from the start of the code.
    package var range: Range<Int>

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - kind: What the bytes are.
    ///   - range: Where they are, in UTF-8 bytes.
    package init(_ kind: TokenKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

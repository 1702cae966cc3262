import CCmarkGFM
import Foundation

/// Counts the words a reader reads: text and inline code, not code blocks or raw HTML.
///
/// A word is a run of non-space characters with at least one letter or digit, so
/// `—` or a lone `-` is not one. Scripts written without spaces (Chinese, Japanese)
/// count a run as one word; the count is a reading-time estimate, not a statistic.
enum WordCount {
    static func count(in root: CMarkNode) -> Int {
        // Text is joined before splitting, because emphasis splits text nodes mid-word
        // (`**Swift**ly` is one word); blocks and breaks are joined with a space.
        var counter = Counter()
        for node in root.descendants {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                // The literal's bytes where cmark keeps them: no String per text node.
                if let literal = cmark_node_get_literal(node.pointer) {
                    counter.add(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                    count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: counter.space()
            default:
                if isBlock(node) { counter.space() }
            }
        }
        return counter.finish()
    }

    private static func isBlock(_ node: CMarkNode) -> Bool {
        // The type's high bits say block (0x8000) or inline (0xC000); extension nodes
        // such as table cells follow the same scheme, so they are separated too.
        node.type.rawValue & 0xC000 != 0xC000
    }

    /// Counts across pieces of text as if they were one string.
    struct Counter {
        private var words = 0
        private var inWord = false
        private var wordHasAlphanumeric = false

        mutating func space() {
            if inWord, wordHasAlphanumeric { words += 1 }
            inWord = false
            wordHasAlphanumeric = false
        }

        /// UTF-8 bytes; ASCII is read as it is, anything else is decoded (a piece of
        /// text holds whole characters, as cmark's text nodes do).
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.allSatisfy({ $0 < 0x80 }) {
                for byte in bytes { ascii(byte) }
                return
            }
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { add(scalar) }
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            if scalar.value < 0x80 { return ascii(UInt8(scalar.value)) }
            if scalar.properties.isWhitespace { return space() }
            inWord = true
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { wordHasAlphanumeric = true }
        }

        // ASCII, nearly all of most sites' text, without the Unicode property tables
        // (which were a fifth of a whole build's CPU).
        private mutating func ascii(_ byte: UInt8) {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return space() }
            inWord = true
            if (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { wordHasAlphanumeric = true }
        }

        mutating func finish() -> Int {
            space()
            return words
        }
    }

    static func count(_ text: String) -> Int {
        var counter = Counter()
        for scalar in text.unicodeScalars { counter.add(scalar) }
        return counter.finish()
    }

    /// Minutes at 200 words a minute, rounded up, and never less than 1.
    static func readingTime(words: Int) -> Int {
        max(1, (words + 199) / 200)
    }
}

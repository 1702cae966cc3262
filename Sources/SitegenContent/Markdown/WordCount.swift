import CCmarkGFM

/// Counts the words a reader reads: text and inline code, not code blocks or raw HTML.
///
/// A word is a run of non-space characters with at least one letter or digit, so
/// `—` or a lone `-` is not one. Scripts written without spaces (Chinese, Japanese)
/// count a run as one word; the count is a reading-time estimate, not a statistic.
enum WordCount {
    static func count(in root: CMarkNode) -> Int {
        // Text is joined before splitting, because emphasis splits text nodes mid-word
        // (`**Swift**ly` is one word); blocks and breaks are joined with a space.
        var prose = ""
        for node in root.descendants {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: prose += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: prose += " "
            default:
                if isBlock(node) { prose += " " }
            }
        }
        return count(prose)
    }

    private static func isBlock(_ node: CMarkNode) -> Bool {
        // The type's high bits say block (0x8000) or inline (0xC000); extension nodes
        // such as table cells follow the same scheme, so they are separated too.
        node.type.rawValue & 0xC000 != 0xC000
    }

    static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var wordHasAlphanumeric = false
        for scalar in text.unicodeScalars {
            // ASCII, nearly all of most sites' text, without the Unicode property tables
            // (which were a fifth of a whole build's CPU).
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if inWord, wordHasAlphanumeric { words += 1 }
                    inWord = false
                    wordHasAlphanumeric = false
                } else {
                    inWord = true
                    if (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { wordHasAlphanumeric = true }
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if inWord, wordHasAlphanumeric { words += 1 }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    wordHasAlphanumeric = true
                }
            }
        }
        if inWord, wordHasAlphanumeric { words += 1 }
        return words
    }

    /// Minutes at 200 words a minute, rounded up, and never less than 1.
    static func readingTime(words: Int) -> Int {
        max(1, (words + 199) / 200)
    }
}

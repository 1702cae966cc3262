extension FenceInfo {
    /// Reads a fence's info string, as cmark-gfm hands it over (everything after the backticks).
    ///
    /// - Parameter info: Such as `swift {linenos=true, hl_lines=[2,3]}` or `py,hl_lines=2 4-6`.
    package init(parsing info: String) {
        self.init()
        let bytes = Array(info.utf8)
        var index = 0
        while index < bytes.count, bytes[index].isWhitespace { index += 1 }
        let languageStart = index
        while index < bytes.count, !bytes[index].isWhitespace, bytes[index] != UInt8(ascii: "{"), bytes[index] != UInt8(ascii: ",") {
            index += 1
        }
        language = String(decoding: bytes[languageStart..<index], as: UTF8.self)
        while index < bytes.count, bytes[index].isWhitespace || bytes[index] == UInt8(ascii: ",") { index += 1 }
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "{") {
            // Hugo: `{key=value, key=[…]}`, separated by commas or spaces.
            var end = bytes.count
            if let close = bytes[(index + 1)...].lastIndex(of: UInt8(ascii: "}")) { end = close }
            parseAttributes(bytes[(index + 1)..<end], spaceSeparates: true)
        } else {
            // Zola: `linenos,hl_lines=1 3-5`, separated by commas only.
            parseAttributes(bytes[index...], spaceSeparates: false)
        }
    }

    private mutating func parseAttributes(_ text: ArraySlice<UInt8>, spaceSeparates: Bool) {
        var itemStart = text.startIndex
        var brackets = 0
        var quote: UInt8 = 0
        var index = text.startIndex
        while index <= text.endIndex {
            let byte = index < text.endIndex ? text[index] : UInt8(ascii: ",")
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                brackets += 1
            } else if byte == UInt8(ascii: "]") {
                brackets = max(0, brackets - 1)
            } else if brackets == 0, byte == UInt8(ascii: ",") || (spaceSeparates && byte.isWhitespace) {
                apply(text[itemStart..<index])
                itemStart = index + 1
            }
            index += 1
        }
        if quote != 0 || brackets != 0, itemStart < text.endIndex { apply(text[itemStart...]) }
    }

    /// Applies one `key=value` (or bare `key`, meaning `key=true`).
    private mutating func apply(_ item: ArraySlice<UInt8>) {
        guard !item.isEmpty else { return }
        let equals = item.firstIndex(of: UInt8(ascii: "=")) ?? item.endIndex
        let key = String(decoding: item[..<equals].map(\.lowercased), as: UTF8.self).trimmingBlanks
        let value = equals < item.endIndex ? item[(equals + 1)...] : []
        let text = String(decoding: value.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }, as: UTF8.self)
            .trimmingBlanks.lowercased()
        switch key {
        case "linenos":
            options.lineNumbers = value.isEmpty || ["true", "table", "inline", "1", "yes"].contains(text)
        case "hl_lines":
            options.highlightedLines = Self.lineRanges(in: value)
        case "linenostart":
            if let first = Self.lineRanges(in: value).first { options.firstLineNumber = first.lowerBound }
        default:
            break
        }
    }

    /// Every `N` and `N-M` in `text` (`[2, "4-6"]`, `2 4-6`), as ranges; at most nine
    /// digits each, so no value can overflow.
    static func lineRanges(in text: ArraySlice<UInt8>) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        var index = text.startIndex
        func number() -> Int? {
            var value = 0
            var digits = 0
            while index < text.endIndex, text[index].isDigit {
                if digits < 9 { value = value * 10 + Int(text[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }
        while index < text.endIndex {
            guard let low = number() else {
                index += 1
                continue
            }
            var high = low
            if index < text.endIndex, text[index] == UInt8(ascii: "-") {
                index += 1
                high = number() ?? low
            }
            ranges.append(min(low, high)...max(low, high))
        }
        return ranges
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingBlanks: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

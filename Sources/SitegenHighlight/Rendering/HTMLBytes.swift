/// The output of a render: UTF-8 bytes of HTML, appended to in place.
///
/// Escaping copies runs of ordinary bytes in one go and stops only at `<`, `>` and `&`,
/// which is most of what makes highlighting fast: code is mostly ordinary bytes.
struct HTMLBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends `source[range]` with `<`, `>` and `&` escaped, for element content.
    mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var runStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = source[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") {
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                switch byte {
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                default: append("&amp;")
                }
                runStart = index + 1
            }
            index += 1
        }
        if runStart < range.upperBound {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<range.upperBound]))
        }
    }

    /// Appends `text` escaped for a double-quoted attribute value.
    mutating func appendAttribute(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&#39;")
            default: bytes.append(byte)
            }
        }
    }

    /// Appends `number` in decimal, left-padded with spaces to `width` characters.
    mutating func append(_ number: Int, paddedTo width: Int) {
        var digits: [UInt8] = []
        var value = number.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        if number < 0 { digits.append(UInt8(ascii: "-")) }
        for _ in digits.count..<max(width, digits.count) { bytes.append(UInt8(ascii: " ")) }
        bytes.append(contentsOf: digits.reversed())
    }
}

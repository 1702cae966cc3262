/// Writes HTML into memory sized up front: no growth checks, no copies of small pieces.
///
/// Why not an `[UInt8]` that grows: a highlighted block is mostly short appends (a
/// span tag, three bytes of code, a closing tag), and per-append capacity checks and
/// reallocation made rendering slower than lexing. The render first works out an upper
/// bound (see ``TokenRenderer/capacity(for:)``), allocates it once as the result
/// `String`'s own storage, and writes straight into it.
struct HTMLWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "HTMLWriter: capacity(for:) underestimated the output")
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        precondition(count + length <= capacity, "HTMLWriter: capacity(for:) underestimated the output")
        (base + count).initialize(from: source, count: length)
        count += length
    }

    /// Appends `source[range]` with `<`, `>` and `&` escaped, for element content.
    ///
    /// One capacity check for the whole range (5 bytes a byte at most), then a plain
    /// byte loop: ranges are mostly a few bytes long, too short for `memcpy` to pay off.
    mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let start = source.baseAddress, !range.isEmpty else { return }
        precondition(count + range.count <= capacity, "HTMLWriter: capacity(for:) underestimated the output")
        var out = base + count
        let limit = base + capacity
        for index in range {
            let byte = start[index]
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                precondition(limit - out >= 5, "HTMLWriter: capacity(for:) underestimated the output")
                out[0] = UInt8(ascii: "&")
                if byte == UInt8(ascii: "&") {
                    (out[1], out[2], out[3], out[4]) = (UInt8(ascii: "a"), UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: ";"))
                    out += 5
                } else {
                    out[1] = byte == UInt8(ascii: "<") ? UInt8(ascii: "l") : UInt8(ascii: "g")
                    (out[2], out[3]) = (UInt8(ascii: "t"), UInt8(ascii: ";"))
                    out += 4
                }
            default:
                out.pointee = byte
                out += 1
            }
        }
        count = out - base
    }

    /// The most bytes ``appendEscaped(_:_:)`` writes for all of `source`.
    ///
    /// Counting the escapes is a pass over the code, so small blocks (most of them)
    /// just assume the worst, 5 bytes a byte: the memory is short-lived, and small
    /// enough to stay on the heap rather than be mapped fresh for each block.
    static func escapedCapacity(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        if source.count <= 4 * 1024 { return source.count * 5 }
        var extra = 0
        for byte in source where byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") {
            extra += 4
        }
        return source.count + extra
    }

    /// Appends `number` in decimal, left-padded with spaces to `width` characters.
    mutating func append(_ number: Int, paddedTo width: Int) {
        var digits = 1
        var rest = number.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let length = digits + (number < 0 ? 1 : 0)
        for _ in length..<max(width, length) { append(UInt8(ascii: " ")) }
        if number < 0 { append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        for _ in 1..<digits { divisor *= 10 }
        var value = number.magnitude
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor))
            value %= divisor
            divisor /= 10
        }
    }

    /// The width of `number` in decimal.
    static func width(of number: Int) -> Int {
        var width = number < 0 ? 2 : 1
        var rest = number.magnitude / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        return width
    }
}

// Number parsing, written out because `Double(String)` does not link in Embedded Swift
// (it calls `_swift_stdlib_strtod_clocale`, and wasi-libc's `strtod` would drag in
// preview-1 imports a p2 component cannot satisfy).
//
// Precision: the result is the correctly rounded Double (round half to even), like
// `strtod`. Most numbers take Clinger's fast path: with at most 19 significant digits
// forming a mantissa below 2^53 and a decimal exponent within ±22, both the mantissa
// and the power of ten are exact Doubles and one IEEE multiply or divide rounds once.
// Everything else gets an estimate within a few ulps from the top 64 bits of exact big
// integers, then is corrected by comparing the exact value with the halfway points to
// its neighbours (the "bigcomp" step of David Gay's strtod). Only the first 800
// significant digits are kept, plus a sticky digit if any dropped one is non-zero: a
// halfway point between Doubles has at most 767, so that never changes the result.

extension JSONParser {
    /// Reads a number (RFC 8259 §6 grammar) starting at `-` or a digit.
    mutating func parseNumber() throws(JSONError) -> Value {
        let start = index
        let negative = next == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        guard isDigit(next) else { throw JSONError.expected("a digit after '-'", at: index, in: input) }
        if next == UInt8(ascii: "0") {
            index += 1
            if isDigit(next) { throw JSONError.leadingZero(at: index, in: input) }
        } else {
            while isDigit(next) { index += 1 }
        }
        let integerEnd = index
        var fractionEnd = index
        if next == UInt8(ascii: ".") {
            index += 1
            guard isDigit(next) else { throw JSONError.expected("a digit after '.'", at: index, in: input) }
            while isDigit(next) { index += 1 }
            fractionEnd = index
        }
        var exponent = 0
        var hasExponent = false
        if next | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            let negativeExponent = next == UInt8(ascii: "-")
            if negativeExponent || next == UInt8(ascii: "+") { index += 1 }
            guard isDigit(next) else { throw JSONError.expected("a digit in the exponent", at: index, in: input) }
            while isDigit(next) {
                // Clamped: far past any Double, yet adding a digit count cannot overflow.
                exponent = min(exponent * 10 + Int(next - UInt8(ascii: "0")), 100_000_000)
                index += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        if fractionEnd == integerEnd, !hasExponent, let integer = integer(integerStart..<integerEnd, negative: negative) {
            return .int(integer)
        }
        var digits: [UInt8] = []
        var pointPosition = 0  // value = 0.d1d2d3… × 10^pointPosition
        var droppedNonZero = false
        for position in integerStart..<fractionEnd where input[position] != UInt8(ascii: ".") {
            let digit = input[position] - UInt8(ascii: "0")
            if position < integerEnd, !(digits.isEmpty && digit == 0) { pointPosition += 1 }
            if position > integerEnd, digits.isEmpty, digit == 0 { pointPosition -= 1 }
            if digits.isEmpty, digit == 0 { continue }
            if digits.count < 800 { digits.append(digit) } else if digit != 0 { droppedNonZero = true }
        }
        if droppedNonZero { digits.append(1) }
        while digits.last == 0 { digits.removeLast() }
        pointPosition += exponent
        let magnitude: Double
        if digits.isEmpty || pointPosition < -324 {
            magnitude = 0
        } else if pointPosition > 309 {
            throw JSONError.numberOutOfRange(at: start, in: input)
        } else if let exact = Self.fastPath(digits, exponent: pointPosition - digits.count) {
            magnitude = exact
        } else {
            guard let rounded = Self.correctlyRounded(digits, exponent: pointPosition - digits.count) else {
                throw JSONError.numberOutOfRange(at: start, in: input)
            }
            magnitude = rounded
        }
        return .double(negative ? -magnitude : magnitude)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The integer, if it fits in `Int` (accumulated negatively so `Int.min` fits).
    private func integer(_ range: Range<Int>, negative: Bool) -> Int? {
        var value = 0
        for position in range {
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.subtractingReportingOverflow(Int(input[position] - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Clinger's fast path: `digits × 10^exponent` with one rounding, when exact inputs allow.
    private static func fastPath(_ digits: [UInt8], exponent: Int) -> Double? {
        guard digits.count <= 19, exponent >= -22, exponent <= 22 else { return nil }
        var mantissa: UInt64 = 0
        for digit in digits { mantissa = mantissa * 10 + UInt64(digit) }
        guard mantissa < 1 << 53 else { return nil }
        let value = Double(mantissa)
        return exponent < 0 ? value / exactPowersOfTen[-exponent] : value * exactPowersOfTen[exponent]
    }

    /// `digits × 10^exponent` correctly rounded, or `nil` when it rounds to infinity.
    private static func correctlyRounded(_ digits: [UInt8], exponent: Int) -> Double? {
        var numerator = BigUInt(0)
        var chunk: UInt32 = 0
        var chunkScale: UInt32 = 1
        for digit in digits {
            chunk = chunk * 10 + UInt32(digit)
            chunkScale *= 10
            if chunkScale == 1_000_000_000 {
                numerator.multiply(by: chunkScale, adding: chunk)
                (chunk, chunkScale) = (0, 1)
            }
        }
        numerator.multiply(by: chunkScale, adding: chunk)
        var denominator = BigUInt(1)
        if exponent >= 0 {
            numerator.multiplyByPowerOfTen(exponent)
        } else {
            denominator.multiplyByPowerOfTen(-exponent)
        }
        let (numeratorTop, numeratorShift) = numerator.leadingBits
        let (denominatorTop, denominatorShift) = denominator.leadingBits
        let ratio = Double(numeratorTop) / Double(denominatorTop)
        var candidate = Double(sign: .plus, exponent: numeratorShift - denominatorShift, significand: ratio)
        if candidate.isInfinite { candidate = .greatestFiniteMagnitude }
        // Step to the neighbour while the exact value lies past a halfway point.
        while true {
            let odd = candidate.significandBitPattern & 1 == 1
            let above = compare(numerator, denominator, toHalfwayAbove: candidate)
            if above > 0 || (above == 0 && odd) {
                if candidate == .greatestFiniteMagnitude { return nil }
                candidate = candidate.nextUp
                continue
            }
            if candidate > 0 {
                let below = compare(numerator, denominator, toHalfwayAbove: candidate.nextDown)
                if below < 0 || (below == 0 && odd) {
                    candidate = candidate.nextDown
                    continue
                }
            }
            return candidate
        }
    }

    /// The sign of `numerator / denominator − (value + ulp/2)` for a finite `value ≥ 0`.
    private static func compare(_ numerator: BigUInt, _ denominator: BigUInt, toHalfwayAbove value: Double) -> Int {
        // value = m × 2^q exactly, so the halfway point above it is (2m + 1) × 2^(q − 1).
        let isSubnormal = value.exponentBitPattern == 0
        let m = value.significandBitPattern | (isSubnormal ? 0 : 1 << 52)
        let q = (isSubnormal ? 1 : Int(value.exponentBitPattern)) - 1075
        var left = numerator
        left.shiftLeft(by: max(0, 1 - q))
        var right = denominator.multiplied(by: BigUInt(2 * m + 1))
        right.shiftLeft(by: max(0, q - 1))
        return BigUInt.compare(left, right)
    }
}

/// An unsigned integer of any size, with just the operations exact rounding needs.
struct BigUInt {
    /// Base-2^32 digits, least significant first, with no zero limbs at the top.
    var limbs: [UInt32] = []

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// `self = self × factor + addend`.
    mutating func multiply(by factor: UInt32, adding addend: UInt32 = 0) {
        var carry = UInt64(addend)
        for position in limbs.indices {
            let product = UInt64(limbs[position]) * UInt64(factor) + carry
            limbs[position] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiplyByPowerOfTen(_ exponent: Int) {
        var remaining = exponent
        while remaining >= 9 {
            multiply(by: 1_000_000_000)
            remaining -= 9
        }
        var factor: UInt32 = 1
        for _ in 0..<remaining { factor *= 10 }
        multiply(by: factor)
    }

    mutating func shiftLeft(by bits: Int) {
        guard !limbs.isEmpty, bits > 0 else { return }
        let bitShift = UInt32(bits % 32)
        if bitShift != 0 {
            var carry: UInt32 = 0
            for position in limbs.indices {
                let limb = limbs[position]
                limbs[position] = limb << bitShift | carry
                carry = limb >> (32 - bitShift)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: bits / 32), at: 0)
    }

    func multiplied(by other: BigUInt) -> BigUInt {
        var result = BigUInt(0)
        guard !limbs.isEmpty, !other.limbs.isEmpty else { return result }
        var product = [UInt32](repeating: 0, count: limbs.count + other.limbs.count)
        for i in limbs.indices {
            var carry: UInt64 = 0
            for j in other.limbs.indices {
                let sum = UInt64(limbs[i]) * UInt64(other.limbs[j]) + UInt64(product[i + j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            product[i + other.limbs.count] = UInt32(carry)
        }
        while product.last == 0 { product.removeLast() }
        result.limbs = product
        return result
    }

    /// The top 64 bits (fewer if the number is smaller) and how far they are shifted:
    /// `self ≈ top × 2^shift`, truncated.
    var leadingBits: (top: UInt64, shift: Int) {
        let count = limbs.count
        if count <= 2 {
            return ((count > 1 ? UInt64(limbs[1]) << 32 : 0) | (count > 0 ? UInt64(limbs[0]) : 0), 0)
        }
        let zeros = UInt64(limbs[count - 1].leadingZeroBitCount)
        let high = UInt64(limbs[count - 1]) << 32 | UInt64(limbs[count - 2])
        let top = high << zeros | UInt64(limbs[count - 3]) >> (32 - zeros)
        return (top, (count - 2) * 32 - Int(zeros))
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    static func compare(_ a: BigUInt, _ b: BigUInt) -> Int {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count ? -1 : 1 }
        for position in a.limbs.indices.reversed() where a.limbs[position] != b.limbs[position] {
            return a.limbs[position] < b.limbs[position] ? -1 : 1
        }
        return 0
    }
}

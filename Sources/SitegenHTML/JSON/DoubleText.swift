/// `Double.description`'s text, written without it: the shortest digits that read back as
/// the same double (the closest such digits; an exact tie goes to the even digit), in
/// Swift's layout — `0.1`, `100.0`, `1e-05`, `1.5e+20`, `inf`, `nan`.
///
/// The standard library's version is fast (fixed-width Grisu with Ryu's refinements) but
/// weighs about 6 KB in the server component with its tables, and the component prints a
/// double only when a loader's data holds one. This is Burger and Dybvig's free-format
/// algorithm ("Printing Floating-Point Numbers Quickly and Accurately", 1996) on the
/// ``BigUInt`` that exact JSON parsing already needs: about 4 KB, and slower, which no
/// page notices. `DoubleTextTests` compares it with `description` on edge cases, every
/// power of two and random doubles.
enum DoubleText {
    /// How JSON and templates write a number held as a double: an integral value within
    /// ±2^53 as an integer (`1700000000000`, not `1700000000000.0`: `Int` is 32-bit in
    /// wasm32, so the component holds as doubles numbers the native build holds as ints,
    /// and both must write the same text), anything else as ``description(_:)``.
    static func number(_ value: Double) -> String {
        if let integral = Value.exactInteger(value) { return String(integral) }
        return description(value)
    }

    static func description(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        var text: [UInt8] = value.sign == .minus ? [UInt8(ascii: "-")] : []
        if value.isInfinite {
            text += [UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "f")]
        } else if value == 0 {
            text += [UInt8(ascii: "0"), UInt8(ascii: "."), UInt8(ascii: "0")]
        } else {
            let (digits, pointAfter) = shortestDigits(value.magnitude)
            write(digits, pointAfter: pointAfter, exponential: value.magnitude > 0x1p53, into: &text)
        }
        return Text.decode(text)
    }

    /// The digits of `value` (finite, positive) and `k` with value ≈ 0.digits × 10^k.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        // value = f × 2^e exactly. The numbers that read back as `value` lie between the
        // midpoints to its neighbours: value − mMinus/s … value + mPlus/s, with value = r/s.
        // Reading rounds ties to even, so for an even f the midpoints themselves count.
        let isSubnormal = value.exponentBitPattern == 0
        let f = value.significandBitPattern | (isSubnormal ? 0 : 1 << 52)
        let e = (isSubnormal ? 1 : Int(value.exponentBitPattern)) - 1075
        let inclusive = f & 1 == 0
        // At a power of two (above the smallest normal) the neighbour below is half as far.
        let unevenGap = value.significandBitPattern == 0 && value.exponentBitPattern > 1
        let gapShift = unevenGap ? 2 : 1
        var r = BigUInt(f), s = BigUInt(1), mPlus = BigUInt(unevenGap ? 2 : 1), mMinus = BigUInt(1)
        r.shiftLeft(by: gapShift + max(e, 0))
        s.shiftLeft(by: gapShift + max(-e, 0))
        mPlus.shiftLeft(by: max(e, 0))
        mMinus.shiftLeft(by: max(e, 0))

        // k: the least power of ten above the interval. Estimated from the bit length,
        // then corrected by one step either way.
        var k = Int((Double(e + 64 - f.leadingZeroBitCount - 1) * 0.30102999566398114).rounded(.up))
        if k >= 0 {
            s.multiplyByPowerOfTen(k)
        } else {
            r.multiplyByPowerOfTen(-k)
            mPlus.multiplyByPowerOfTen(-k)
            mMinus.multiplyByPowerOfTen(-k)
        }
        func reachesTop(_ r: BigUInt, _ mPlus: BigUInt, _ s: BigUInt) -> Bool {
            let top = BigUInt.compare(r.adding(mPlus), s)
            return inclusive ? top >= 0 : top > 0
        }
        while reachesTop(r, mPlus, s) {
            s.multiply(by: 10)
            k += 1
        }
        while true {
            var r10 = r, mPlus10 = mPlus
            r10.multiply(by: 10)
            mPlus10.multiply(by: 10)
            guard !reachesTop(r10, mPlus10, s) else { break }
            r = r10
            mPlus = mPlus10
            mMinus.multiply(by: 10)
            k -= 1
        }

        // One digit at a time until the rest of the interval allows stopping.
        var digits: [UInt8] = []
        while true {
            r.multiply(by: 10)
            mPlus.multiply(by: 10)
            mMinus.multiply(by: 10)
            var digit: UInt8 = 0
            while BigUInt.compare(r, s) >= 0 {
                r.subtract(s)
                digit += 1
            }
            let low = BigUInt.compare(r, mMinus)
            let canStopLow = inclusive ? low <= 0 : low < 0
            let canStopHigh = reachesTop(r, mPlus, s)
            if !canStopLow && !canStopHigh {
                digits.append(digit)
                continue
            }
            if canStopLow && canStopHigh {
                // Both digit and digit + 1 read back: the closer one, the even one on a tie.
                var twice = r
                twice.shiftLeft(by: 1)
                let half = BigUInt.compare(twice, s)
                if half > 0 || (half == 0 && digit & 1 == 1) { digit += 1 }
            } else if canStopHigh {
                digit += 1
            }
            digits.append(digit)
            return (digits, k)
        }
    }

    /// Swift's layout for 0.digits × 10^pointAfter: plain decimals from 10^-4 up to 2^53,
    /// where every integer is a double (`0.0001`, `12.5`, `100.0`); else one digit, the
    /// rest and a signed exponent of at least two digits (`1e-05`, `1.5e+16`).
    static func write(_ digits: [UInt8], pointAfter: Int, exponential: Bool, into text: inout [UInt8]) {
        let exponent = pointAfter - 1
        if exponent < -4 || exponential {
            for i in 0..<digits.count {
                if i == 1 { text.append(UInt8(ascii: ".")) }
                text.append(UInt8(ascii: "0") + digits[i])
            }
            text.append(UInt8(ascii: "e"))
            text.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = exponent.magnitude  // at most 324
            if magnitude >= 100 { text.append(UInt8(ascii: "0") + UInt8(magnitude / 100)) }
            text.append(UInt8(ascii: "0") + UInt8(magnitude / 10 % 10))
            text.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            return
        }
        if pointAfter <= 0 {
            text += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            for _ in pointAfter..<0 { text.append(UInt8(ascii: "0")) }
        }
        // The digits, with the point after the first `pointAfter` of them, padded with
        // zeros to the point; an integer ends in ".0".
        for i in 0..<max(digits.count, pointAfter) {
            if i == pointAfter, i > 0 { text.append(UInt8(ascii: ".")) }
            text.append(i < digits.count ? UInt8(ascii: "0") + digits[i] : UInt8(ascii: "0"))
        }
        if digits.count <= pointAfter { text += [UInt8(ascii: "."), UInt8(ascii: "0")] }
    }
}

extension BigUInt {
    /// `self + other`.
    func adding(_ other: BigUInt) -> BigUInt {
        var result = self
        var carry: UInt64 = 0
        var position = 0
        while position < other.limbs.count || carry != 0 {
            if position == result.limbs.count { result.limbs.append(0) }
            let sum = UInt64(result.limbs[position]) + (position < other.limbs.count ? UInt64(other.limbs[position]) : 0) + carry
            result.limbs[position] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
            position += 1
        }
        return result
    }

    /// `self -= other`, for `other ≤ self`.
    mutating func subtract(_ other: BigUInt) {
        var borrow: UInt32 = 0
        for position in limbs.indices {
            let subtrahend = position < other.limbs.count ? other.limbs[position] : 0
            let (partial, overflow1) = limbs[position].subtractingReportingOverflow(subtrahend)
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            limbs[position] = difference
            borrow = overflow1 || overflow2 ? 1 : 0
        }
        while limbs.last == 0 { limbs.removeLast() }
    }
}

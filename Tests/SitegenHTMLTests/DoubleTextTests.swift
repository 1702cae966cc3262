import Testing

@testable import SitegenHTML

/// `DoubleText.description` writes what `Double.description` writes: the server component
/// prints doubles with it, the native build with either, and both must agree byte for byte.
@Suite("DoubleText: Double.description without the standard library's printer")
struct DoubleTextTests {
    static let edges: [Double] = [
        0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, -2.5, 100, 12345.678, 4.35, 1.23e-10, 2e-7,
        1e-5, 1e-4, 0.00012345, 9.999999999999999e-5, 0.001, 0.015625, 5e-324, 1e-323,
        2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
        1e15, 1e16, 9999999999999998, 1.8e16, 9007199254740992, 9007199254740993, 18014398509481984,
        36028797018963968, 123456789012345680, 1e17, 1e21, 1e22, 1e23, 1.5e300, 5e-310,
        .infinity, -.infinity, .nan, -.nan, .signalingNaN, 0, -0.0, .ulpOfOne, .pi, 299792.458,
    ]

    @Test func edgeCases() {
        for value in Self.edges {
            #expect(DoubleText.description(value) == value.description, "\(value.bitPattern)")
        }
    }

    /// Every power of two: the gap below is half the gap above, the case Burger and Dybvig
    /// treat apart.
    @Test func powersOfTwoAndTheirNeighbours() {
        for exponent in -1074...1023 {
            let value = Double(sign: .plus, exponent: exponent, significand: 1)
            for candidate in [value, value.nextUp, value.nextDown] where candidate.isFinite && candidate > 0 {
                #expect(DoubleText.description(candidate) == candidate.description, "\(candidate.bitPattern)")
            }
        }
    }

    /// Random bit patterns (every exponent alike) and random values of everyday size.
    @Test func randomDoubles() {
        var generator = SplitMix64(seed: 0x5EED_D0B1E)  // JSONTests.swift
        var mismatches: [UInt64] = []
        for round in 0..<60_000 {
            let bits = generator.next()
            let value = round % 2 == 0 ? Double(bitPattern: bits) : Double(Int64(bitPattern: bits) % 10_000_000) / 1000
            if DoubleText.description(value) != value.description, mismatches.count < 5 { mismatches.append(value.bitPattern) }
        }
        #expect(mismatches.isEmpty)
    }
}

import Testing

@testable import SitegenServerCore

@Suite("UTF8Validation")
struct UTF8ValidationTests {
    @Test(arguments: [
        [], [0x41], [0xC3, 0xBC], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xC2, 0x80],
    ] as [[UInt8]])
    func acceptsWellFormedSequences(_ bytes: [UInt8]) {
        #expect(UTF8Validation.isValid(bytes))
    }

    @Test(arguments: [
        [0x80], [0xBF], [0xC0, 0xAE], [0xC1, 0xBF], [0xC3], [0xC3, 0x41], [0xE0, 0x80, 0xAE], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0xAE], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xFF], [0xFE], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xE2, 0x82, 0x41],
    ] as [[UInt8]])
    func refusesMalformedSequences(_ bytes: [UInt8]) {
        #expect(!UTF8Validation.isValid(bytes))
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        guard #available(macOS 15, iOS 18, *) else { return }  // String(validating:as:)
        var random = SplitMix64(state: 42)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...6, using: &random)
            // Bias towards bytes that start or continue multi-byte sequences.
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random) ? UInt8.random(in: 0x80...0xF5, using: &random) : UInt8.random(in: 0...255, using: &random)
            }
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}

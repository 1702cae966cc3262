import SitegenServerCore
import Testing

@testable import SitegenFuzz

/// The CI smoke of every fuzz target: a few thousand seeded inputs each, in seconds.
/// The documented long run (`sitegen-fuzz`, a million inputs per target) uses the same
/// targets and generators; see Tests/Fuzz/README.md.
struct FuzzSmokeTests {
    static let inputsPerTarget: UInt64 = 3_000

    @Test(arguments: FuzzTarget.all.map(\.name))
    func targetHoldsForSeededInputs(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let report = FuzzRunner(seed: 20_261_125, slowSeconds: 5).run(target, count: Self.inputsPerTarget)
        #expect(report.count == Self.inputsPerTarget, "\(report)")
        #expect(report.failures.isEmpty, "\(report)")
    }

    @Test func inputsAreReproducibleFromSeedAndNumber() throws {
        let target = try #require(FuzzTarget.named("template"))
        let once = (0..<50).map { target.input(at: UInt64($0), seed: 7) }
        let again = (0..<50).reversed().map { target.input(at: UInt64($0), seed: 7) }.reversed()
        #expect(once == Array(again))
        #expect(target.input(at: 3, seed: 7) != target.input(at: 3, seed: 8))
    }

    @Test func checksCanFail() {
        // The oracles are not vacuous: a broken property is reported with its input.
        #expect(FuzzTarget.router.check(Array("GET /index.html".utf8)) == nil)
        #expect(FuzzTarget.checkResponse(StaticResponse(status: 500, headers: [], body: .none)) != nil)
        #expect(FuzzTarget.checkResponse(StaticResponse(status: 308, headers: [("location", "//evil.example/")], body: .none)) != nil)
        #expect(FuzzTarget.checkResponse(StaticResponse(status: 200, headers: [("x", "a\r\nset-cookie: x")], body: .none)) != nil)
        #expect(FuzzTarget.checkResponse(StaticResponse(status: 200, headers: [], body: .asset(path: "../etc/passwd", offset: 0, length: 1))) != nil)
        #expect(FuzzTarget.checkResponse(StaticResponse(status: 206, headers: [], body: .asset(path: "logo.png", offset: 9999, length: 2))) != nil)
        #expect(FuzzTarget.islandSignature.check(FuzzTarget.islandSeeds[0]) == nil)
        var forged = FuzzTarget.islandSeeds[0]
        forged[forged.count - 1] = forged[forged.count - 1] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(FuzzTarget.islandSignature.check(forged) == nil)  // refused, as it should be
        #expect(FuzzTarget.islandSignature.check(FuzzTarget.islandSeeds[2]) == nil)  // third key: refused too
    }
}

import SitegenHTML
import Testing

/// Numbers: integer/double classification and correct rounding, with the native
/// `Double(String)` (strtod) as the oracle. The parser itself cannot use it: it does
/// not link in Embedded Swift.
@Suite("JSON numbers")
struct JSONNumberTests {
    static let integers: [(String, Int)] = [
        ("0", 0), ("-0", 0), ("7", 7), ("-42", -42), ("1234567890", 1_234_567_890),
        ("9007199254740993", 9_007_199_254_740_993),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ]

    @Test("integers that fit Int stay exact", arguments: integers)
    func integer(_ text: String, expected: Int) throws {
        #expect(try JSON.parse(text) == .int(expected))
    }

    static let doubles: [(String, Double)] = [
        ("9223372036854775808", 9_223_372_036_854_775_808.0),
        ("-9223372036854775809", -9_223_372_036_854_775_809.0),
        ("1.0", 1), ("1e2", 100), ("1E+2", 100), ("1e-2", 0.01), ("-2.5E-3", -0.0025),
        ("0.1", 0.1), ("1e23", 1e23), ("1e-400", 0), ("0e999999999", 0),
        ("123456789012345678901234567890", 123_456_789_012_345_678_901_234_567_890.0),
    ]

    @Test("fractions, exponents and big integers become doubles", arguments: doubles)
    func double(_ text: String, expected: Double) throws {
        #expect(try JSON.parse(text) == .double(expected))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        #expect(try JSON.parse("-0.0").doubleValue?.sign == .minus)
        #expect(try JSON.parse("-1e-999").doubleValue?.sign == .minus)
        #expect(try JSON.parse("0.0").doubleValue?.sign == .plus)
    }

    static let hardCases: [String] = [
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.4501477170144023e-308", "4.9406564584124654e-324", "5e-324", "1e-320",
        "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1.7976931348623157e308", "1.7976931348623158e308", "17976931348623157e292",
        "9007199254740993.0", "9007199254740993.0000000000000001", "9007199254740995.0",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "7.038531e-26", "8.41e21", "3.0540412e5", "1e22", "1e23", "1e-22", "1e-23",
        "1234567890123456789e-10", "0.000001", "1e-7", "123.456e-789", "0.30000000000000004",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
    ]

    @Test("hard rounding cases match strtod", arguments: hardCases)
    func matchesStrtod(_ text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(try JSON.parse(text).doubleValue)
        #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) != \(expected)")
    }

    @Test func exactHalfwayBelowLeastSubnormalRoundsToEven() throws {
        // 2^-1075 exactly: halfway between 0 and the least subnormal; ties go to 0.
        var digits = "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125"
        #expect(try JSON.parse(digits + "e-324") == .double(0))
        digits += String(repeating: "0", count: 100) + "1"  // past 800 digits: kept as the sticky digit
        #expect(try JSON.parse(digits + "e-324") == .double(.leastNonzeroMagnitude))
    }

    @Test func overflowIsAnError() {
        for text in ["1e309", "-1.7976931348623159e308", "1" + String(repeating: "0", count: 400), "1e99999999999999"] {
            #expect(throws: JSONError.self, "\(text.prefix(20))") { try JSON.parse(text) }
        }
    }

    @Test func shortestDescriptionsRoundTripBitExactly() throws {
        var random = SplitMix64(seed: 2_024)
        for _ in 0..<5_000 {
            let number = Double(bitPattern: random.next())
            guard number.isFinite else { continue }
            let parsed = try JSON.parse(JSON.serialize(.double(number)))
            #expect(parsed.doubleValue?.bitPattern == number.bitPattern, "\(number)")
        }
    }

    @Test func randomDecimalsMatchStrtod() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let digitCount = 1 + Int(random.next() % 30)
            var text = random.next() % 2 == 0 ? "-" : ""
            text += String(1 + random.next() % 9)
            for _ in 1..<digitCount { text += String(random.next() % 10) }
            if random.next() % 2 == 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: text.hasPrefix("-") ? 2 : 1)) }
            if text.last == "." { text += "5" }
            text += "e" + String(Int(random.next() % 700) - 360)
            let expected = try #require(Double(text))
            if expected.isInfinite {
                #expect(throws: JSONError.self) { try JSON.parse(text) }
            } else {
                let parsed = try JSON.parse(text).doubleValue
                #expect(parsed?.bitPattern == expected.bitPattern, "\(text)")
            }
        }
    }
}

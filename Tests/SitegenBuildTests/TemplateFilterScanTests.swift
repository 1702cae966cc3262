import Foundation
import SitegenHTML
import Testing

@testable import SitegenBuild

/// The component installs, and so links, only the filters and tests its island templates
/// use, and the Unicode case tables only when one of those filters needs them.
struct TemplateFilterScanTests {
    let s = Span.unknown

    @Test func findsFiltersAndTestsInNestedExpressionsAndNodes() {
        let island = Template(name: "islands/x.html", nodes: [
            .loop(Loop(variables: ["c"], sequence: .filter(.variable("data", s), "sort", [], s),
                       body: [.output(.binary(.concat, .filter(.variable("c", s), "upper", [], s), .literal("!"), s), s)],
                       otherwise: [], span: s)),
            .conditional([Branch(.test(.filter(.variable("n", s), "length", [], s), "odd", [], negated: false, s), [])], otherwise: []),
        ])
        #expect(TemplateFilterScan.usage(in: [island]) == .init(filters: ["sort", "upper", "length"], tests: ["odd"]))
        #expect(TemplateFilterScan.needsUnicodeCaseMapping([island]))
    }

    @Test func islandsWithoutCaseFiltersDoNotInstallTheMapping() {
        let island = Template(name: "islands/likes.html", nodes: [.output(.filter(.variable("count", s), "length", [], s), s)])
        let usage = TemplateFilterScan.usage(in: [island])
        #expect(!TemplateFilterScan.needsUnicodeCaseMapping([island]))
        #expect(usage == .init(filters: ["length"]))
        #expect(!FunctionDiscovery.registration([], islands: IslandCompiler.Output(unicodeCaseMapping: false)).contains("CaseMapping"))
        #expect(FunctionDiscovery.registration([], islands: IslandCompiler.Output(unicodeCaseMapping: true)).contains("    CaseMapping.installUnicode()\n"))
    }

    @Test func installsOnlyTheUsedBuiltins() {
        let usage = TemplateFilterScan.Usage(filters: ["length", "default", "markdown_safe", "where"], tests: ["starting_with"])
        let registration = FunctionDiscovery.registration(
            [], islands: IslandCompiler.Output(interpreted: ["islands/x.html"], interpretedUsage: usage))
        #expect(registration.contains("    Islands.installInterpreter()\n"))
        #expect(registration.contains(
            "    Filters.install([(\"length\", Filters.`length`), (\"markdown_safe\", Filters.`markdownSafe`), (\"where\", Filters.`where`)])\n"))
        #expect(registration.contains("    ValueTests.install([(\"starting_with\", ValueTests.`startingWith`)])\n"))
        // Compiled templates call the filters they use directly: without interpreted templates
        // the generated code installs neither filters nor the interpreter.
        let compiled = FunctionDiscovery.registration([], islands: IslandCompiler.Output(interpretedUsage: usage))
        #expect(!compiled.contains("Filters.install") && !compiled.contains("ValueTests.install") && !compiled.contains("installInterpreter"))
    }

    /// Every name the template compiler accepts is built in natively, and the generated code
    /// names a `static func` that exists for it (the component build compiles that code).
    @Test func everyBuiltinHasTheFunctionTheGeneratedCodeNames() throws {
        #expect(Filters.builtins.map(\.name) == Filters.names.filter { $0 != "default" })
        #expect(ValueTests.builtins.map(\.name) == ValueTests.names)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/SitegenHTML/Templates").standardized
        let filterSource = try ["Filters.swift", "Filters+Collections.swift"]
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        let testSource = try String(contentsOf: folder.appendingPathComponent("ValueTests.swift"), encoding: .utf8)
        for name in Filters.names where name != "default" {
            let swift = TemplateFilterScan.swiftName(name)
            let bare = String(swift.dropFirst().dropLast())
            #expect(filterSource.contains("public static func " + bare + "(_ value: Value, _ args: Arguments, _ call: FilterCall)")
                || filterSource.contains("public static func " + swift + "(_ value: Value, _ args: Arguments, _ call: FilterCall)"),
                    "no Filters.\(swift) for the filter '\(name)'")
        }
        for name in ValueTests.names {
            let bare = String(TemplateFilterScan.swiftName(name).dropFirst().dropLast())
            #expect(testSource.contains("public static func " + bare + "(_ value: Value?, _ args: Arguments, _ call: FilterCall)"),
                    "no ValueTests.\(bare) for the test '\(name)'")
        }
    }
}

import SitegenHTML
import Testing

@testable import SitegenBuild

/// The component links the Unicode case tables only when island templates need them.
struct TemplateFilterScanTests {
    let s = Span.unknown

    @Test func findsFiltersInNestedExpressionsAndNodes() {
        let island = Template(name: "islands/x.html", nodes: [
            .loop(Loop(variables: ["c"], sequence: .filter(.variable("data", s), "sort", [], s),
                       body: [.output(.binary(.concat, .filter(.variable("c", s), "upper", [], s), .literal("!"), s), s)],
                       otherwise: [], span: s)),
            .conditional([Branch(.test(.filter(.variable("n", s), "length", [], s), "odd", [], negated: false, s), [])], otherwise: []),
        ])
        #expect(TemplateFilterScan.filters(in: [island]) == ["sort", "upper", "length"])
        #expect(TemplateFilterScan.needsUnicodeCaseMapping([island]))
    }

    @Test func islandsWithoutCaseFiltersDoNotInstallTheMapping() {
        let island = Template(name: "islands/likes.html", nodes: [.output(.filter(.variable("count", s), "length", [], s), s)])
        #expect(!TemplateFilterScan.needsUnicodeCaseMapping([island]))
        #expect(!FunctionDiscovery.registration([], unicodeCaseMapping: false).contains("CaseMapping"))
        #expect(FunctionDiscovery.registration([], unicodeCaseMapping: true).contains("    CaseMapping.installUnicode()\n"))
    }
}

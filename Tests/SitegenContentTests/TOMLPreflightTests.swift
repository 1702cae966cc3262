import SitegenHTML
import Testing

@testable import SitegenContent

/// Issue 8 (fuzzing): TOML shapes on which toml++ 3.4 aborts on an internal assertion
/// instead of reporting an error. Each became a regression test: a located
/// `invalid TOML` diagnostic, never a crash. Valid TOML that looks similar still reads.
struct TOMLPreflightTests {
    func diagnostics(_ toml: String) -> [Diagnostic] {
        ContentFile(parsing: "+++\n" + toml + "\n+++\nbody\n", file: "content/a.md").diagnostics
    }

    /// Found by `sitegen-fuzz front-matter` and `data-file` (seeds 1 and 20261125).
    @Test(arguments: [
        ("date = 1979-05-27Tffff07:32:00", "invalid TOML: expected a time after '1979-05-27T'", 2, 19),
        ("date = 1979-05-27Tt7:32:00", "invalid TOML: expected a time after '1979-05-27T'", 2, 19),
        ("date = 1979-05-27titleT07:32:00", "invalid TOML: expected a time after '1979-05-27t'", 2, 19),
        ("[\n: nan", "invalid TOML: expected a key, found the end of the line", 2, 2),
        ("[!!str [extra.items]]", "invalid TOML: expected a key, found '!'", 2, 2),
        ("[[\u{1}xtra.items]]", "invalid TOML: expected a key, found byte 0x1", 2, 3),
        ("[extra. !x]", "invalid TOML: expected a key, found '!'", 2, 9),
        ("alpha = {!!str eper = 1}", "invalid TOML: expected a key, found '!'", 2, 10),
        ("a = { b = 1, !c = 2 }", "invalid TOML: expected a key, found '!'", 2, 14),
        ("x = [ }", "invalid TOML: expected a value, found '}'", 2, 7),
        ("x = [1, [2, }]]", "invalid TOML: expected a value, found '}'", 2, 13),
        ("x = { a = , }", "invalid TOML: expected a value, found ','", 2, 11),
        ("publish_date = 2024-05-0- 1", "invalid TOML: expected a time like 07:32:00 after '2024-05-0- '", 2, 27),
        ("d = 1979-05-27 7\nx = 1", "invalid TOML: expected a time like 07:32:00 after '1979-05-27 '", 2, 16),
        ("\u{FEFF}[}\r\n: - inf]", "invalid TOML: expected a key, found '}'", 2, 5),
    ])
    func issue8TOMLShapesThatAbortedTOMLPlusPlus(toml: String, message: String, line: Int, column: Int) {
        let found = diagnostics(toml)
        #expect(found.count == 1)
        #expect(found.first?.message == message)
        #expect(found.first?.location == SitegenHTML.SourceLocation(file: "content/a.md", line: line, column: column))
    }

    @Test(arguments: [
        "date = 1979-05-27T07:32:00Z",
        "date = 1979-05-27 07:32:00",
        "date = 1979-05-27",
        "title = \"[!x] = 1979-05-27Tx { , }\"",
        "title = '''\n[\n!x = [ }\n'''",
        "title = \"\"\"a \\\"\"\" [ } \"\"\"",
        "x = [\n  1, # a comment with [ } and ,\n  2,\n]",
        "x = []\ny = {}\nz = [[], [1, [2]], {a = 1}]",
        "[extra]\n\"quoted key\" = 1\n'lit' = { \"a b\" = [1, 2] }\n[ extra . \"x\" ]\nk = 1",
        "[[extra.items]]\nname = \"a\"\n[[extra.items]]\nname = \"b\"",
    ])
    func validTOMLStillReads(toml: String) {
        #expect(diagnostics(toml).filter { $0.message.hasPrefix("invalid TOML") } == [])
    }

    @Test func aLongArrayIsNotRecursion() {
        // The preflight walks arrays with an explicit stack: no stack overflow on big data files.
        let items = (0..<200_000).map(String.init).joined(separator: ", ")
        let nested = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(TOMLPreflight.problem(in: "x = [" + items + "]\ny = " + nested) == nil)
    }
}

import Foundation
import Testing
@testable import SitegenBuild

@Suite struct UnreachableCodeTests {
    /// Names as this toolchain's Embedded Swift mangles them in the blog's linked module.
    /// A custom section whose name runs past its end is not read as the name section.
    @Test func aTruncatedCustomSectionIsSkipped() throws {
        let module: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x6E]
        let result = try UnreachableCode.stub(module)
        #expect(result.replaced == 0)
        #expect(result.module == module)
    }

    @Test(arguments: [
        "$eSS8UTF8ViewV13_foreignCountSiyF",
        "$eSS8UTF8ViewV16_foreignDistance4from2toSiSS5IndexV_AGtF",
        "$es11_StringGutsV12_foreignGrow33_408A76AB043BD3EFBAB6FAAAAA9B4914LLyySiF",
        "$es11_StringGutsV27_slowEnsureMatchingEncodingySS5IndexVAEF",
        "$es11_StringGutsV18foreignScalarAlignySS5IndexVAEF",
        "$eSS9UTF16ViewV13_foreignIndex5afterSS0D0VAF_tF",
    ])
    func foreignStringPathsAreRecognised(name: String) {
        #expect(UnreachableCode.isForeignStringPath(name))
    }

    @Test(arguments: [
        "$eSS6appendyySSF",                                      // String.append: native strings use it
        "$es11_StringGutsV15scalarAlignSlowySS5IndexVAEF",       // reached by native strings too
        "$e11SitegenHTML4TextO5equalySbSS_SStFZ",                // the project's own code
        "$e13SiteFunctions8_foreignyyF",                         // a site's function named `_foreign`
        "sitegen_handle",
    ])
    func otherFunctionsAreNot(name: String) {
        #expect(!UnreachableCode.isForeignStringPath(name))
    }

    /// A module with every kind of import before its functions (they shift function
    /// indices) and four named functions: a foreign-string path, one that does something
    /// only for foreign strings, and two others.
    static let module = """
    (module
      (import "env" "f" (func $imported (param i32) (result i32)))
      (import "env" "memory" (memory 1 2))
      (import "env" "table" (table 1 funcref))
      (import "env" "g" (global i32))
      (import "env" "h" (func $imported2))
      (func $$es11_StringGutsV12_foreignGrowyySiF (param i32) (result i32)
        (local i64)
        local.get 0
        call $imported
        i32.const 1
        i32.add)
      (func $$eSS6appendyySSF (param i32) (result i32)
        local.get 0
        call $$es11_StringGutsV12_foreignGrowyySiF)
      (func $$eSS18makeContiguousUTF8yyF (param i32 i32)
        local.get 0
        i32.load8_u offset=9
        i32.const 16
        i32.and
        if
          local.get 0
          call $$es11_StringGutsV12_foreignGrowyySiF
          drop
        end)
      (func $sitegen_handle (export "handle") (param i32) (result i32)
        local.get 0
        i32.const 0
        call $$eSS18makeContiguousUTF8yyF
        local.get 0
        call $$eSS6appendyySSF)
    )
    """

    /// Calls `body` with wasm-tools and a scratch folder holding ``module`` as `m.wasm`.
    static func withModule(_ body: (_ wasmTools: String, _ directory: String) throws -> Void) throws {
        let tools = try #require(Toolchain.find().0, "needs the wasm toolchain (scripts/setup.sh)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unreachable-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try module.write(toFile: directory + "/m.wat", atomically: true, encoding: .utf8)
        _ = try Toolchain.run(tools.wasmTools, ["parse", directory + "/m.wat", "-o", directory + "/m.wasm"])
        try body(tools.wasmTools, directory)
    }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func replacesTheBodyOfTheForeignPathOnly() throws {
        try Self.withModule { wasmTools, directory in
            let (stubbed, replaced) = try UnreachableCode.stub(try Self.bytes(directory + "/m.wasm"))
            #expect(replaced == 2)
            try Data(stubbed).write(to: URL(fileURLWithPath: directory + "/s.wasm"))
            _ = try Toolchain.run(wasmTools, ["validate", directory + "/s.wasm"])
            let text = try Toolchain.run(wasmTools, ["print", directory + "/s.wasm"])
            let functions = text.components(separatedBy: "(func $").dropFirst().map {
                $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let foreign = try #require(functions.first { $0[0].hasPrefix("$es11_StringGuts") })
        #expect(Array(foreign.dropFirst()) == ["unreachable", ")"])
        let empty = try #require(functions.first { $0[0].hasPrefix("$eSS18makeContiguousUTF8") })
        #expect(empty.count == 1 && empty[0].hasSuffix("(param i32 i32))"))  // no instructions
        let append = try #require(functions.first { $0[0].hasPrefix("$eSS6append") })
        #expect(append.contains("call $$es11_StringGutsV12_foreignGrowyySiF"))
        #expect(text.contains("(import \"env\" \"f\""))  // imports and the other bodies are as they were
        let originalText = try Toolchain.run(wasmTools, ["print", directory + "/m.wasm"])
        func appendBody(_ text: String) -> String { text.components(separatedBy: "(func $$eSS6append")[1].components(separatedBy: "(func ")[0] }
        #expect(appendBody(originalText) == appendBody(text))
        }
    }

    @Test func emptiesOnlyFunctionsThatReturnNothing() throws {
        try Self.withModule { _, directory in
            let original = try Self.bytes(directory + "/m.wasm")
            // `sitegen_handle` returns an i32: an empty body would not validate, so it is kept.
            let result = try UnreachableCode.stub(original, where: { _ in false }, emptying: { $0 == "sitegen_handle" })
            #expect(result.replaced == 0)
            #expect(result.module == original)
        }
    }

    @Test func leavesAModuleWithoutNamesAsItIs() throws {
        try Self.withModule { wasmTools, directory in
            _ = try Toolchain.run(wasmTools, ["strip", "--all", directory + "/m.wasm", "-o", directory + "/n.wasm"])
            let unnamed = try Self.bytes(directory + "/n.wasm")
            let result = try UnreachableCode.stub(unnamed)
            #expect(result.replaced == 0)
            #expect(result.module == unnamed)
        }
    }

    @Test(arguments: [
        [UInt8](),
        Array("not wasm at all".utf8),
        [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],  // a section past the end
        [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],  // an over-long integer
    ])
    func malformedModulesAreAnError(bytes: [UInt8]) {
        #expect(throws: UnreachableCode.Failure.self) { try UnreachableCode.stub(bytes) }
    }
}

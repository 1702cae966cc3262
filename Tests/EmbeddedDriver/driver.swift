// The wasm test driver: prints every line of `embeddedCaseResults()` to stdout.
//
// scripts/wasm-test.sh compiles this file with EmbeddedCases.swift twice, against the
// same SitegenHTML sources: as Embedded Swift for wasm32 (run by `wasmtime run`) and
// natively, and requires the two outputs to be identical. The native test target runs
// the same cases in-process (Tests/SitegenHTMLTests/EmbeddedParityTests.swift).

import SitegenHTML

#if hasFeature(Embedded)
/// The WASI command entry point. `@_expose(wasm, ...)` exports it; `@_cdecl` alone
/// would not survive `wasm-ld --gc-sections`.
@_expose(wasm, "_start")
@_cdecl("_start")
public func start() {
    printEmbeddedCaseResults()
}
#else
@main
enum EmbeddedDriver {
    static func main() {
        printEmbeddedCaseResults()
    }
}
#endif

/// Prints each line as it is recorded, so after a trap the output ends at the last case
/// that passed.
func printEmbeddedCaseResults() {
    // The cases use every filter and test, `upper` and friends among them; in the component,
    // generated site code installs those its island templates use.
    CaseMapping.installUnicode()
    #if hasFeature(Embedded)
    // Natively every filter and test is installed from the start.
    Filters.install(Filters.builtins)
    ValueTests.install(ValueTests.builtins)
    #endif
    _ = embeddedCaseResults { print($0) }
}

// swift-tools-version:6.0
import PackageDescription

// The shared SSR core (SitegenHTML) is Foundation-free and also builds for
// wasm32-unknown-none-wasm in Embedded mode; see scripts/build-wasm.sh.
// Everything else here is native.
let package = Package(
    name: "sitegen",
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenHTML", targets: ["SitegenHTML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `sitegen preview`: the in-process WASI host and its HTTP/1.1 server.
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Leaf: the shared SSR core. Foundation-free, typed throws, no non-class existentials.
        .target(name: "SitegenHTML"),

        // Leaf: request logic of the server component (routing, HTTP semantics, asset manifest).
        // Foundation-free with no dependencies; compiled natively for tests and into the wasm component.
        .target(name: "SitegenServerCore"),

        // Leaf: build-time syntax highlighting of fenced code (Foundation-free).
        .target(name: "SitegenHighlight"),

        // Native: the template compiler (lexer, parser, IR emitter, located diagnostics).
        .target(name: "SitegenTemplates", dependencies: ["SitegenHTML"]),

        // System libraries (Debian libcmark-gfm-dev, libcmark-gfm-extensions-dev, libxml2-dev).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCompression", providers: [.apt(["zlib1g-dev", "libbrotli-dev"])]),
        // Native C: lets cmark-gfm parse on many threads (see its one file).
        .target(name: "CCmarkParallel", linkerSettings: [.linkedLibrary("dl")]),

        // Native: Markdown, front matter, the content tree.
        .target(name: "SitegenContent", dependencies: [
            "SitegenHTML", "SitegenHighlight", "CCmarkGFM", "CCmarkParallel",
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Yams", package: "Yams"),
        ]),

        // Native: the build as named steps.
        .target(name: "SitegenBuild", dependencies: [
            "SitegenHTML", "SitegenTemplates", "SitegenContent", "SitegenServerCore", "CLibXML2", "CCompression",
        ]),

        // Native: `sitegen preview` (WasmKit host for the site's core module, NIO HTTP/1.1 server,
        // watcher, live reload).
        .target(name: "SitegenPreview", dependencies: [
            "SitegenBuild", "SitegenHTML", "SitegenServerCore",
            .product(name: "WasmKit", package: "WasmKit"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        // Native: the commands, reachable from tests; the executable is one file.
        .target(name: "SitegenCLI", dependencies: [
            "SitegenBuild", "SitegenPreview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "sitegen", dependencies: ["SitegenCLI"]),

        // Micro-benchmarks, run by Benchmarks/run (never by the test suite).
        .executableTarget(name: "sitegen-bench", dependencies: ["SitegenHTML", "SitegenTemplates"],
                          path: "Benchmarks/Sources/sitegen-bench"),

        // Fuzzing (Tests/Fuzz/README.md): seeded, structure-aware input generators shared by
        // the bounded CI smoke (SitegenFuzzTests) and the long run (`swift run -c release sitegen-fuzz`).
        .target(name: "SitegenFuzz", dependencies: ["SitegenHTML", "SitegenTemplates", "SitegenContent", "SitegenServerCore"],
                path: "Tests/Fuzz/Sources/SitegenFuzz"),
        .executableTarget(name: "sitegen-fuzz", dependencies: ["SitegenFuzz"], path: "Tests/Fuzz/Sources/sitegen-fuzz"),
        // What the build, preview and end-to-end tests share: `Repo` paths and a raw HTTP/1.1
        // client that times each read.
        .target(name: "SitegenTestSupport", path: "Tests/Support/SitegenTestSupport"),

        .testTarget(name: "SitegenHTMLTests", dependencies: ["SitegenHTML"], exclude: ["Fixtures"]),
        .testTarget(name: "SitegenHighlightTests", dependencies: ["SitegenHighlight"]),
        .testTarget(name: "SitegenServerCoreTests", dependencies: ["SitegenServerCore", "SitegenHTML"]),
        .testTarget(name: "SitegenTemplatesTests", dependencies: ["SitegenTemplates", "SitegenHTML"]),
        .testTarget(name: "SitegenContentTests", dependencies: ["SitegenContent"]),
        .testTarget(name: "SitegenBuildTests", dependencies: ["SitegenBuild", "SitegenCLI", "SitegenTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SitegenPreviewTests", dependencies: ["SitegenPreview", "SitegenBuild", "SitegenCLI", "SitegenTestSupport"]),
        .testTarget(name: "SitegenEndToEndTests", dependencies: ["SitegenBuild", "SitegenCLI", "SitegenFuzz", "SitegenTestSupport"]),
        .testTarget(name: "SitegenFuzzTests", dependencies: [
            "SitegenFuzz", "SitegenHTML", "SitegenTemplates", "SitegenContent", "SitegenServerCore",
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Development aid: `SITEGEN_TEST_ONLY=SitegenContent swift test` builds only that
// module's tests (and what they depend on), so work on one module is not held up
// by another's compile time. CI never sets it.
if let only = Context.environment["SITEGEN_TEST_ONLY"], !only.isEmpty {
    let keep = Set(only.split(separator: ",").map { String($0) + "Tests" })
    package.targets.removeAll { $0.type == .test && !keep.contains($0.name) }
}

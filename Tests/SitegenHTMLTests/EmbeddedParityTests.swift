import Foundation
import SitegenHTML
import Testing

/// The shared cases (`EmbeddedCases.swift`, a symlink to `Tests/EmbeddedDriver/`) pin
/// SitegenHTML's behaviour natively, and give exactly the same lines when SitegenHTML is
/// built as Embedded Swift for wasm32 and run under `wasmtime`.
@Suite struct EmbeddedParityTests {
    let native = embeddedCaseResults()

    /// `name: result` lines as a dictionary.
    var results: [String: String] {
        var byName: [String: String] = [:]
        for line in native {
            guard let separator = line.range(of: ": ") else { continue }
            byName[String(line[..<separator.lowerBound])] = String(line[separator.upperBound...])
        }
        return byName
    }

    @Test func everyCaseIsOneNamedLine() {
        var seen = Set<String>()
        for line in native {
            #expect(!line.contains("\n"), "multi-line result: \(line)")
            let name = line.components(separatedBy: ": ").first ?? ""
            #expect(!name.isEmpty && !name.contains(" "), "malformed case line: \(line)")
            #expect(seen.insert(name).inserted, "duplicate case name '\(name)'")
        }
        #expect(native.count > 100)
    }

    @Test func valueCases() {
        let r = results
        #expect(r["value.truthy.null"] == "false")
        #expect(r["value.truthy.zeroDouble"] == "false")
        #expect(r["value.truthy.space"] == "true")
        #expect(r["value.truthy.arrayOfNull"] == "true")
        #expect(r["value.truthy.emptyObject"] == "false")
        #expect(r["value.count.scalars"] == "5")  // Unicode scalars, as Jinja and Tera count: a flag is 2, e + accent 2
        #expect(r["value.count.int"] == "nil")
        #expect(r["value.subscript.tags1"] == #""wasm""#)
        #expect(r["value.subscript.tagsNegative"] == "nil")
        #expect(r["value.subscript.nested"] == #""/ada""#)
        #expect(r["value.intValue.double3"] == "3")
        #expect(r["value.intValue.double3.5"] == "nil")
        #expect(r["value.doubleValue.int"] == #""7.0""#)
        #expect(r["value.equal.canonical"] == "false")  // bytes, not canonical equivalence (UTF8Key)
        #expect(r["value.equal.intVsDouble"] == "false")
    }

    @Test func objectCases() {
        let r = results
        #expect(r["object.order.insert"] == #""c=1,a=2,b=3""#)
        #expect(r["object.order.overwrite"] == #""c=1,a=20,b=3""#)
        #expect(r["object.order.remove"] == #""c=1,b=3""#)
        #expect(r["object.order.reinsert"] == #""c=1,b=3,a=4""#)
        #expect(r["object.init.repeatedKey"] == #""x=3,y=2""#)
        #expect(r["object.literal.order"] == #""z=1,a=2,m=3""#)
        #expect(r["object.equal.anyOrder"] == "true")
        #expect(r["object.many.count"] == "100")
        #expect(r["object.many.first"] == #""k1,k3,k5""#)
        #expect(r["object.many.everyKeyFound"] == "100")
        #expect(r["object.many.missingKeys"] == "true")
        #expect(r["object.shrunk.keys"] == #""k191,k193,k195,k197,k199""#)
        #expect(r["object.shrunk.lookup"] == "197")
        #expect(r["object.big.equal.anyOrder"] == "true")
        #expect(r["object.big.equal.differentValue"] == "false")
    }

    @Test func writerCases() {
        let r = results
        #expect(r["writer.plain"] == quoted(#"<p>Fish &amp; &quot;Chips&quot; &lt;i&gt;&#39;n&#39;&lt;/i&gt;</p>"#))
        #expect(r["writer.chunked.beforeFlush"] == #""8,12,8""#)
        #expect(r["writer.chunked.pending"] == "1")
        #expect(r["writer.chunked.sizes"] == #""8,12,8,1""#)
        #expect(r["writer.chunked.text"] == quoted("<ul><li>a&amp;b</li>✓</ul>\n"))
        #expect(r["writer.chunkSizeZero.sizes"] == #""1,4""#)
    }

    @Test func diagnosticAndSuggestionCases() {
        let r = results
        let full = """
            themes/default/templates/page.html:12:9: error: unknown filter 'uper'
             12 | \t  {{ x | uper }}
                | \t       ^~~~
              expected: a filter such as 'upper', 'lower', 'default'
              fix: did you mean 'upper'?
              note: while rendering 'posts/hello.md'
              note: step "Render pages"

            """
        #expect(r["diagnostic.formatted.full"] == quoted(full))
        #expect(r["diagnostic.formatted.bare"] == quoted("warning: no pages found in 'content'\n"))
        #expect(r["diagnostic.fileOrder"] == #""global a,global z,a2c1,a2c5,a10,b2""#)
        #expect(r["suggestion.typo"] == #""upper""#)
        #expect(r["suggestion.caseOnly"] == #""title""#)
        #expect(r["suggestion.none"] == "nil")
        #expect(r["suggestion.closerWins"] == #""tile""#)
        // Equally close: the first in code-point order, whatever the candidates' order.
        #expect(r["suggestion.firstOfEqual"] == #""cafe""#)
        #expect(r["suggestion.tieInCodePointOrder"] == #""cafe""#)
        #expect(r["suggestion.countsScalars"] == #""cafe""#)
        #expect(r["suggestion.editDistance"] == "3")
    }

    @Test func escapingCases() {
        let r = results
        #expect(r["escape.all"] == quoted("Fish &amp; &quot;Chips&quot; &lt;b&gt;&#39;s&lt;/b&gt;"))
        #expect(r["escape.unicode"] == quoted("é &amp; ü 🇫🇷 &lt;"))
        for safe in ["https", "relative", "fragment", "mailto", "dataPNG"] {
            #expect(r["url.safe." + safe] == "true", "\(safe)")
        }
        for unsafe in ["javascript", "mixedCase", "tabInside", "decimalRef", "hexRef", "colonRef", "dataHTML", "dataSVG"] {
            #expect(r["url.safe." + unsafe] == "false", "\(unsafe)")
        }
        #expect(r["jsonError.description"] == quoted("2:10: expected ',' or '}' after object member, found 'x'"))
    }

    @Test func jsonCases() {
        let r = results
        #expect(r["json.roundTrip.equal"] == "true")
        #expect(r["json.roundTrip.prettyEqual"] == "true")
        #expect(r["json.serialize.doubles"]
                == quoted("[0.3,0.3333333333333333,1e-05,9.999999999999999e-05,9.007199254740994e+15,1.5e+16,123.456,2.2250738585072014e-308,-0.015625]"))
        #expect(r["json.serialize.literal"] == quoted(#"{"html":"\u003cb\u003e","d":1.5,"i":[1,null,false]}"#))
        #expect(r["json.parse.duplicateKey"] == quoted("{a: 3, b: 2}"))
        #expect(r["json.malformed.trailingCommaArray"]?.contains("trailing commas are not allowed") == true)
        #expect(r["json.malformed.tooDeep"]?.hasPrefix(#""error 512 "#) == true)
        #expect(r["json.parse.maximumDepth"] == "true")
    }

    /// Natively `Int` has 64 bits, on wasm32 32: JSON written back must still agree
    /// for every integer a double holds exactly (±2^53).
    @Test func integerWidthCases() {
        let r = results
        #expect(r["integer.json.roundTrip.3000000000"] == quoted("3000000000"))
        #expect(r["integer.json.roundTrip.1700000000000"] == quoted("1700000000000"))
        #expect(r["integer.json.roundTrip.-9007199254740992"] == quoted("-9007199254740992"))
        #expect(r["integer.json.serialize"] == quoted(#"{"ms":1700000000000}"#))
        #expect(r["integer.intValue.huge"] == "nil")
    }

    /// The template interpreter gives the same markup natively and in wasm32.
    @Test func templateCases() {
        let r = results
        #expect(r["template.shell"] == quoted("<title>HÉLLO &lt;WORLD&gt; · Site</title><main>1:swift, 2:wasm, 3:&lt;b&gt;|February 29, 2024|42.5|swift &amp; wasm &amp; &lt;b&gt;|héllo-world|<sg-b id=\"sg-b1\">…</sg-b></main>"))
        #expect(r["template.resolved"]?.contains("5 likes for hello") == true)
        #expect(r["template.codec.roundTrip"] == "true")
        #expect(r["template.codec.truncated"] == quoted("compiled template data is corrupt"))
        #expect(r["template.strictError"]?.contains("unknown variable 'nope'") == true)
        #expect(r["template.lenient"] == quoted("2"))
    }

    /// Builds SitegenHTML and the driver for Embedded wasm32 (`scripts/wasm-test.sh --print`),
    /// runs it under `wasmtime`, and requires the native lines exactly.
    @Test(
        .enabled(if: WasmToolchain.skipReason == nil, WasmToolchain.skipReason.map { Comment(rawValue: $0) }),
        .timeLimit(.minutes(10)))
    func wasmDriverPrintsTheNativeLines() throws {
        let run = try WasmToolchain.runWasmTest()
        var wasm = run.stdout.components(separatedBy: "\n")
        if wasm.last == "" { wasm.removeLast() }
        // Compare whatever the driver printed, also when it then trapped.
        let common = min(native.count, wasm.count)
        if let index = (0..<common).first(where: { native[$0] != wasm[$0] }) {
            Issue.record(
                """
                line \(index + 1) differs between native and Embedded wasm32:
                  native: \(native[index])
                  wasm:   \(wasm[index])
                """)
        }
        guard run.status == 0 else {
            Issue.record(
                """
                scripts/wasm-test.sh --print exited with \(run.status) after \(wasm.count) lines; \
                next native line: \(common < native.count ? native[common] : "none")
                \(run.stderr)
                """)
            return
        }
        if native.count != wasm.count {
            let longer = native.count > wasm.count ? native : wasm
            Issue.record(
                """
                native has \(native.count) lines, wasm \(wasm.count); first extra line \
                (\(native.count > wasm.count ? "native" : "wasm")): \(longer[common])
                """)
        }
    }
}

/// Finds and runs the wasm test script for `wasmDriverPrintsTheNativeLines`.
enum WasmToolchain {
    /// The package root (this file is `Tests/SitegenHTMLTests/EmbeddedParityTests.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Why the wasm parity test cannot run here, or `nil` when it can.
    static let skipReason: String? = {
        if ProcessInfo.processInfo.environment["SITEGEN_SKIP_WASM"] == "1" {
            return "SITEGEN_SKIP_WASM=1: skipping the Embedded wasm32 parity run"
        }
        if executable(named: "wasmtime") == nil {
            return "'wasmtime' is not on PATH: skipping the Embedded wasm32 parity run (install it with scripts/setup.sh)"
        }
        return nil
    }()

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `scripts/wasm-test.sh --print`, with output in temporary files (no pipe to fill up).
    static func runWasmTest() throws -> (status: Int32, stdout: String, stderr: String) {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-wasm-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let stdoutURL = temporary.appendingPathComponent("stdout")
        let stderrURL = temporary.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [packageRoot.appendingPathComponent("scripts/wasm-test.sh").path, "--print"]
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return (
            process.terminationStatus,
            try String(contentsOf: stdoutURL, encoding: .utf8),
            try String(contentsOf: stderrURL, encoding: .utf8)
        )
    }
}

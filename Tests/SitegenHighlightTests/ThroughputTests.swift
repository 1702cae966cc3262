import Testing
import SitegenHighlight

/// How fast highlighting is, printed rather than asserted: timings on shared CI
/// machines are too noisy to fail on, and test builds are unoptimised.
struct ThroughputTests {
    @Test func printThroughput() {
        // Blocks of about 4 KB, the size of a long code sample in documentation.
        var blocks: [(String, FenceInfo)] = []
        for example in LanguageCase.all {
            var code = ""
            while code.utf8.count < 4_096 { code += example.code + "\n" }
            blocks.append((code, FenceInfo(language: example.name)))
        }
        let bytes = blocks.reduce(0) { $0 + $1.0.utf8.count }
        var output = 0
        let clock = ContinuousClock()
        var rounds = 0
        let elapsed = clock.measure {
            while rounds < 3 {
                for (code, info) in blocks { output += CodeBlock(code: code, info: info).html().utf8.count }
                rounds += 1
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(bytes * rounds) / 1_000_000
        var build = "release"
        #if DEBUG
        build = "unoptimised build (release builds run 50-100 times faster)"
        #endif
        print("""
            SitegenHighlight throughput: \(Double(Int(megabytes / seconds * 100)) / 100) MB/s over \(blocks.count) blocks \
            of \(bytes / blocks.count) bytes, output \(output / (bytes * rounds))x input, \(build)
            """)
        #expect(output > bytes)
    }
}

import Foundation
import Testing

@testable import SitegenBuild

/// `scripts/wasm-test.sh` checks the shared cases (among them a 512-deep JSON value freed
/// within the wasm stack) in a driver compiled with `scripts/build-wasm.sh`'s flags. That
/// shows what the component runs only while those are the flags the component is built with.
struct ComponentFlagsTests {
    @Test func theParityDriverIsCompiledAsTheComponentIs() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Repo.root + "/scripts/build-wasm.sh", "--flags"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let flags = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(flags == ComponentEmitter.swiftFlags)
    }
}

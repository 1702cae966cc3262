import Foundation
import Testing

@testable import SitegenBuild

/// `scripts/wasm-test.sh` checks the shared cases (among them a 512-deep JSON value freed
/// within the wasm stack) in a driver compiled with `scripts/build-wasm.sh`'s flags. That
/// shows what the component runs only while those are the flags the component is built with.
struct ComponentFlagsTests {
    @Test func theParityDriverIsCompiledAsTheComponentIs() throws {
        #expect(try printed("--flags") == ComponentEmitter.swiftFlags)
    }

    /// The objects are LLVM bitcode, so wasm-ld's flags shape the code as much as swiftc's.
    @Test func theParityDriverIsLinkedAsTheComponentIs() throws {
        #expect(try printed("--link-flags") == ComponentEmitter.linkerFlags)
    }

    /// What `scripts/build-wasm.sh OPTION` prints, a line per flag.
    private func printed(_ option: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Repo.root + "/scripts/build-wasm.sh", option]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

import Foundation
import SitegenHTML
import Testing

@testable import SitegenBuild

/// Issue 8, build faults: files that cannot be read give a clear error naming the file,
/// and the previous output stays in place. (Tests run as root in CI, where permission
/// bits do not stop a read, so unreadable files are made the way a broken checkout makes
/// them: dangling symlinks, and a folder where a file should be.)
@Suite struct BuildFaultTests {
    static let validFiles = [
        "templates/page.html": "<h1>{{ page.title }}</h1>",
        "templates/section.html": "",
        "content/a.md": "---\ntitle: A\n---\n",
    ]

    static func unreadable(_ site: SiteFixture, _ path: String) throws {
        try? FileManager.default.removeItem(atPath: site.source + "/" + path)
        try FileManager.default.createSymbolicLink(atPath: site.source + "/" + path, withDestinationPath: "/nonexistent/sitegen-" + path)
    }

    @Test(arguments: ["content/b.md", "templates/page.html", "sitegen.toml", "data/authors.toml"])
    func unreadableFileIsALocatedErrorAndKeepsTheOutput(_ path: String) throws {
        let site = SiteFixture(Self.validFiles)
        try FileManager.default.createDirectory(atPath: site.source + "/data", withIntermediateDirectories: true)
        try Self.unreadable(site, path)
        let directory = TemporaryDirectory("sitegen-out")
        let before = AtomicOutputTests.previousOutput(in: directory)
        let built = BuiltSite.build(source: site.source, into: directory)
        let errors = built.result.diagnostics.filter { $0.severity == .error }
        let printed = errors.map(\.formatted).joined(separator: "\n")
        #expect(!built.result.succeeded, "an unreadable \(path) must fail the build")
        #expect(errors.contains { $0.location?.file.hasSuffix(path) == true || $0.message.contains(path) }, "names the file: \(printed)")
        #expect(AtomicOutputTests.tree(directory.path + "/dist") == before, "the old output is untouched")
    }

    @Test func contentThatIsNotUTF8IsLocatedAtTheFirstBadByte() {
        let site = SiteFixture(Self.validFiles)
        site.write("content/latin1.md", Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\nBody\n".utf8))
        let built = BuiltSite.build(source: site.source)
        #expect(!built.result.succeeded)
        #expect(built.result.diagnostics.contains(.fileNotUTF8("content/latin1.md", bytes: Array("---\ntitle: Caf\u{E9}".utf8.prefix(14)) + [0xE9])))
        let problem = built.result.diagnostics.first { $0.message == "'content/latin1.md' is not valid UTF-8" }
        #expect(problem?.location == SitegenHTML.SourceLocation(file: "content/latin1.md", line: 2, column: 11), "\(built.result.diagnostics.map(\.formatted))")
    }

    #if canImport(Glibc)
    @Test func theOutputSwapIsOneAtomicExchange() throws {
        let directory = TemporaryDirectory("sitegen-swap")
        let a = directory.path + "/a", b = directory.path + "/b"
        try FileManager.default.createDirectory(atPath: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: b, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: a + "/from-a", contents: Data())
        FileManager.default.createFile(atPath: b + "/from-b", contents: Data())
        try #require(OutputDirectory.exchange(a, b), "renameat2(RENAME_EXCHANGE) is not available here")
        #expect(FileManager.default.fileExists(atPath: a + "/from-b") && FileManager.default.fileExists(atPath: b + "/from-a"))
    }
    #endif
}

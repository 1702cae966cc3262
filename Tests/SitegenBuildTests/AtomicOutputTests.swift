import Foundation
import ArgumentParser
import SitegenCLI
import Testing
@testable import SitegenBuild

/// The output folder is replaced only by a successful build; a failed one leaves it as it
/// was, and neither leaves a staging folder behind.
@Suite struct AtomicOutputTests {
    static let validFiles = [
        "templates/page.html": "<h1>{{ page.title }}</h1>",
        "templates/section.html": "",
        "content/a.md": "---\ntitle: A\n---\n",
    ]

    /// Breakages caught while loading (before anything is staged) and while rendering (after).
    static let breakages: [(String, [String: String])] = [
        ("unknown filter", ["templates/page.html": "{{ page.title | uper }}"]),
        ("bad front matter", ["content/a.md": "---\ntitel: A\n---\n"]),
        ("render error", ["sitegen.toml": SiteFixture.minimalConfig + "[build]\nstrict_templates = true\n",
                          "templates/page.html": "{{ nope }}"]),
        ("missing layout", ["content/a.md": "---\ntitle: A\nlayout: fancy\n---\n"]),
    ]

    /// Writes an "old" site with a marker file into `<temp>/dist`.
    static func previousOutput(in directory: TemporaryDirectory) -> [String: Data] {
        let dist = directory.path + "/dist"
        try! FileManager.default.createDirectory(atPath: dist + "/old", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dist + "/MARKER", contents: Data("previous build\n".utf8))
        FileManager.default.createFile(atPath: dist + "/old/index.html", contents: Data("<p>old</p>".utf8))
        return tree(dist)
    }

    static func tree(_ directory: String) -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in BuiltSite.files(in: directory) { tree[path] = FileManager.default.contents(atPath: directory + "/" + path) }
        return tree
    }

    /// Everything in the parent of `dist`, hidden entries included: only `dist` may be there.
    static func siblings(_ directory: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test(arguments: breakages.map(\.0))
    func failedBuildLeavesThePreviousOutputUntouched(_ breakage: String) {
        let site = SiteFixture(Self.validFiles)
        site.write(Self.breakages.first { $0.0 == breakage }!.1)
        let directory = TemporaryDirectory("sitegen-out")
        let before = Self.previousOutput(in: directory)
        let built = BuiltSite.build(source: site.source, into: directory)
        #expect(!built.result.succeeded, "\(breakage) should fail the build")
        #expect(Self.tree(directory.path + "/dist") == before, "the old output is untouched")
        #expect(Self.siblings(directory) == ["dist"], "no staging folder is left behind")
    }

    @Test func successfulBuildReplacesThePreviousOutput() {
        let site = SiteFixture(Self.validFiles)
        let directory = TemporaryDirectory("sitegen-out")
        _ = Self.previousOutput(in: directory)
        let built = BuiltSite.build(source: site.source, into: directory)
        built.expectClean()
        #expect(!built.exists("MARKER"), "stale files from the previous build are gone")
        #expect(!built.exists("old/index.html"))
        #expect(built.text("a/index.html") == "<h1>A</h1>")
        #expect(Self.siblings(directory) == ["dist"], "no staging or .old folder is left behind")
    }

    @Test func firstBuildCreatesTheOutputFolder() {
        let built = SiteFixture(Self.validFiles).build()
        built.expectClean()
        #expect(built.exists("a/index.html"))
        #expect(Self.siblings(built.directory) == ["dist"])
    }

    @Test func warningsDoNotBlockTheSwap() {
        let site = SiteFixture(Self.validFiles)
        site.write(["content/a.md": "---\ntitle: A\n---\n[x](missing.md)\n"])
        let directory = TemporaryDirectory("sitegen-out")
        _ = Self.previousOutput(in: directory)
        let built = BuiltSite.build(source: site.source, into: directory)
        #expect(built.result.succeeded)
        #expect(built.warnings.count == 1)
        #expect(!built.exists("MARKER"))
    }

    @Test func fixedSiteBuildsAfterAFailure() {
        let site = SiteFixture(Self.validFiles)
        let directory = TemporaryDirectory("sitegen-out")
        site.write(["templates/page.html": "{{ page.title | uper }}"])
        #expect(!BuiltSite.build(source: site.source, into: directory).result.succeeded)
        site.write(Self.validFiles)
        let built = BuiltSite.build(source: site.source, into: directory)
        built.expectClean()
        #expect(Self.siblings(directory) == ["dist"])
    }

    @Test func cliExitsNonZeroAndKeepsTheOutputOnError() throws {
        let site = SiteFixture(Self.validFiles)
        site.write(["templates/page.html": "{{ page.title | uper }}"])
        let directory = TemporaryDirectory("sitegen-out")
        let before = Self.previousOutput(in: directory)
        _ = fixedIslandKey
        var command = try SitegenCommand.parseAsRoot(["build", "--source", site.source, "--output", directory.path + "/dist"])
        #expect(throws: ExitCode(1)) { try command.run() }
        #expect(Self.tree(directory.path + "/dist") == before)
        #expect(Self.siblings(directory) == ["dist"])
    }
}

import Foundation
import Testing

/// Issue 8, build faults: `sitegen build` killed with SIGKILL at any moment leaves the
/// previous `dist/` exactly as it was (or, once the swap happened, the complete new one),
/// never a half-written or missing folder; the next build clears what the killed one
/// left beside it.
@Suite("Killed builds", .serialized, .timeLimit(.minutes(10)))
struct KilledBuildTests {
    /// A site of 1,500 pages with its own templates: slow enough to be killed mid-way.
    static func makeSite(_ root: String, version: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try "title = \"Kill\"\nbase_url = \"https://example.org\"\ntaxonomies = []\n\n[server]\ncomponent = false\n"
            .write(toFile: root + "/sitegen.toml", atomically: true, encoding: .utf8)
        try "<h1>{{ page.title }}</h1>{{ page.content | safe }}<p>\(version)</p>"
            .write(toFile: root + "/templates/page.html", atomically: true, encoding: .utf8)
        try "<ul>{% for p in section.pages %}<li>{{ p.title }}</li>{% endfor %}</ul>"
            .write(toFile: root + "/templates/section.html", atomically: true, encoding: .utf8)
        let body = String(repeating: "Some *text* with [a link](https://example.org) and `code`.\n\n", count: 40)
        for i in 0..<1_500 {
            try "---\ntitle: Post \(i)\n---\n\(body)".write(toFile: root + "/content/posts/p\(i).md", atomically: false, encoding: .utf8)
        }
    }

    static func tree(_ directory: String) -> [String: Data] {
        var tree: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                tree[path] = FileManager.default.contents(atPath: directory + "/" + path)
            }
        }
        return tree
    }

    @Test("SIGKILL at 12 moments of a build: dist is the old or the new output, whole")
    func sigkillLeavesACompleteOutput() throws {
        guard let sitegen = IslandEndpointTests.sitegenBinary else { try Test.cancel("skipped: the sitegen binary is not built (swift build)") }
        let work = BlogSite.workRoot + "/killed-" + UUID().uuidString.prefix(8)
        let source = work + "/site", dist = work + "/dist"
        try Self.makeSite(source, version: "v1")
        let (status, output) = try HostTools.run(sitegen, ["build", "--source", source, "--output", dist], timeout: 600)
        try #require(status == 0, "the first build failed:\n\(output)")
        var old = Self.tree(dist)
        try #require(old.count > 1_500)
        try Self.makeSite(source, version: "v2")
        let started = Date()
        _ = try HostTools.run(sitegen, ["build", "--source", source, "--output", work + "/dist-new"], timeout: 600)
        let duration = Date().timeIntervalSince(started)
        let new = Self.tree(work + "/dist-new")

        var outcomes: [String] = []
        for step in 0..<12 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sitegen)
            process.arguments = ["build", "--source", source, "--output", dist]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From just after start to well after the expected end (killed builds compete
            // with nothing, but CI machines are shared).
            usleep(useconds_t(duration * 1.5 * Double(step) / 11 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.tree(dist)
            let state = now == old ? "old" : Self.isComplete(now, like: new) ? "new" : "BROKEN (\(now.count) files)"
            outcomes.append(state)
            #expect(state != "BROKEN (\(now.count) files)", "killed at step \(step) of a \(duration) s build: dist is \(state)")
            if state == "new" {  // put the old output back for the next round
                try FileManager.default.removeItem(atPath: dist)
                try Self.makeSite(source, version: "v1")
                _ = try HostTools.run(sitegen, ["build", "--source", source, "--output", dist], timeout: 600)
                // The rebuilt v1 output is the new "old": its feed's <updated> is this
                // build's time (the pages have no dates), so the first capture differs.
                old = Self.tree(dist)
                try Self.makeSite(source, version: "v2")
            }
        }
        print("killed builds (\(String(format: "%.2f", duration)) s each): " + outcomes.joined(separator: " "))
        #expect(outcomes.contains("old"), "some kills must land mid-build: \(outcomes)")

        // A build that completes clears the staging folders the killed ones left.
        let (again, log) = try HostTools.run(sitegen, ["build", "--source", source, "--output", dist], timeout: 600)
        #expect(again == 0, "\(log)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix(".dist.sitegen-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(Self.isComplete(Self.tree(dist), like: new))
    }

    /// The same files as a finished v2 build, every page of the new version. (Bytes may
    /// differ between two builds: the feed's <updated> is the build time.)
    static func isComplete(_ tree: [String: Data], like new: [String: Data]) -> Bool {
        Set(tree.keys) == Set(new.keys) && tree.allSatisfy { path, data in
            !path.hasPrefix("posts/") || !path.hasSuffix(".html") || String(decoding: data, as: UTF8.self).contains("<p>v2</p>")
        }
    }
}

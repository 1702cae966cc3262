import Foundation
import SitegenHTML
import Testing
@testable import SitegenPreview

@Suite("Key-value store")
struct KeyValueStoreTests {
    func store() throws -> (KeyValueStore, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-kv-\(UUID().uuidString)").path
        return (try KeyValueStore.open(root: root, identifier: ""), root)
    }

    @Test("values persist as one file per key, named readably")
    func persistence() throws {
        let (store, root) = try store()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try store.set("comments/hello-world", Array("[1]".utf8))
        #expect(FileManager.default.fileExists(atPath: root + "/default/comments%2Fhello-world"))
        let reopened = try KeyValueStore.open(root: root, identifier: "")
        #expect(try reopened.get("comments/hello-world") == Array("[1]".utf8))
        #expect(try reopened.exists("comments/hello-world"))
        try reopened.delete("comments/hello-world")
        #expect(try reopened.get("comments/hello-world") == nil)
    }

    @Test("increment keeps decimal text, like wasmtime's store")
    func increment() throws {
        let (store, root) = try store()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try store.increment("likes/a", by: 0) == 0)
        #expect(try store.increment("likes/a", by: 1) == 1)
        #expect(try store.increment("likes/a", by: 41) == 42)
        #expect(try store.get("likes/a") == Array("42".utf8))
        try store.set("likes/b", Array("not a number".utf8))
        #expect(throws: KeyValueStoreError.self) { try store.increment("likes/b", by: 1) }
    }

    @Test("key file names round-trip", arguments: ["likes/x", ".hidden", "a b/ü/%", "plain-key_1.txt"])
    func fileNames(key: String) {
        let name = KeyValueStore.fileName(forKey: key)
        #expect(!name.hasPrefix(".") && !name.contains("/"))
        #expect(KeyValueStore.key(fromFileName: name) == key)
    }

    @Test("list-keys returns every key, sorted")
    func keys() throws {
        let (store, root) = try store()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for key in ["b/2", "a/1", "c"] { try store.set(key, [1]) }
        #expect(store.keys() == ["a/1", "b/2", "c"])
    }
}

@Suite("HTML injection")
struct HTMLInjectorTests {
    let snippet = Array("<script>x</script>".utf8)

    func run(_ chunks: [String]) -> String {
        var injector = HTMLInjector(snippet: snippet)
        var out: [UInt8] = []
        for chunk in chunks { out += injector.process(Array(chunk.utf8)) }
        out += injector.finish()
        return String(decoding: out, as: UTF8.self)
    }

    @Test("the script goes before </body>, however the body is chunked")
    func beforeBody() {
        let page = "<html><body><p>hi</p></body></html>"
        let expected = "<html><body><p>hi</p><script>x</script></body></html>"
        #expect(run([page]) == expected)
        for split in 1..<page.count {
            let index = page.index(page.startIndex, offsetBy: split)
            #expect(run([String(page[..<index]), String(page[index...])]) == expected, "split at \(split)")
        }
        #expect(run(["<p>a</BODY>"]) == "<p>a<script>x</script></BODY>")
    }

    @Test("without </body> the script goes at the end")
    func atEnd() {
        #expect(run(["<p>fragment", "</p>"]) == "<p>fragment</p><script>x</script>")
    }

    @Test("chunks are not held back unless they end like '</body'")
    func streaming() {
        var injector = HTMLInjector(snippet: snippet)
        #expect(injector.process(Array("<main>shell".utf8)) == Array("<main>shell".utf8))
        #expect(injector.process(Array("<template>a</template></bo".utf8)) == Array("<template>a</template>".utf8))
    }
}

@Suite("Error overlay")
struct ErrorOverlayTests {
    @Test("diagnostics are listed with their location and escaped")
    func escaping() {
        let diagnostic = Diagnostic(.error, "unexpected '<script>alert(1)</script>'", at: SourceLocation(file: "templates/page.html", line: 3, column: 7),
                                    fix: "close the tag & try again", sourceLine: "{{ <script> }}")
        let page = String(decoding: ErrorOverlay.page([diagnostic]), as: UTF8.self)
        #expect(page.contains("templates/page.html:3:7"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("close the tag &amp; try again"))
        #expect(page.contains("/_sg/preview/events"), "the overlay reloads itself once the build is fixed")
    }
}

@Suite("File watcher")
struct FileWatcherTests {
    @Test("reports added, modified and removed files, ignoring hidden ones")
    func changes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "a".write(toFile: root + "/content/a.md", atomically: true, encoding: .utf8)
        var watcher = FileWatcher(roots: [root + "/content", root + "/sitegen.toml"], base: root)
        #expect(watcher.changes().isEmpty)
        try "b".write(toFile: root + "/content/b.md", atomically: true, encoding: .utf8)
        try "title = 'x'".write(toFile: root + "/sitegen.toml", atomically: true, encoding: .utf8)
        try "swap".write(toFile: root + "/content/.b.md.swp", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/b.md", "sitegen.toml"])
        try "aa".write(toFile: root + "/content/a.md", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/content/b.md")
        #expect(watcher.changes() == ["content/a.md", "content/b.md"])
    }

    @Test("folders that appear, move, vanish or come back; files outside the roots are not reported")
    func folders() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("sitegen-watch-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        try "a".write(toFile: root + "/content/posts/a.md", atomically: true, encoding: .utf8)
        var watcher = FileWatcher(roots: [root + "/content", root + "/static", root + "/sitegen.toml"], base: root)

        // A new folder with files in nested folders, and a file beside the roots.
        try fm.createDirectory(atPath: root + "/content/docs/deep", withIntermediateDirectories: true)
        try "d".write(toFile: root + "/content/docs/deep/d.md", atomically: false, encoding: .utf8)
        try "readme".write(toFile: root + "/README.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/docs/deep/d.md"])
        // Inside the new folder, edits are seen (it is watched now).
        try "dd".write(toFile: root + "/content/docs/deep/d.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/docs/deep/d.md"])
        // A folder moved: its files are gone from the old place and new in the other,
        // and edits under the new name are seen.
        try fm.moveItem(atPath: root + "/content/docs", toPath: root + "/content/guide")
        #expect(watcher.changes() == ["content/docs/deep/d.md", "content/guide/deep/d.md"])
        try "ddd".write(toFile: root + "/content/guide/deep/d.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/guide/deep/d.md"])
        // A root that did not exist when watching began.
        try fm.createDirectory(atPath: root + "/static/css", withIntermediateDirectories: true)
        try "body{}".write(toFile: root + "/static/css/site.css", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["static/css/site.css"])
        // A folder removed, then made again with other files before the next look.
        try fm.removeItem(atPath: root + "/content/guide")
        #expect(watcher.changes() == ["content/guide/deep/d.md"])
        try fm.removeItem(atPath: root + "/content/posts")
        try fm.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        try "b".write(toFile: root + "/content/posts/b.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/posts/a.md", "content/posts/b.md"])
        try "bb".write(toFile: root + "/content/posts/b.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/posts/b.md"])
        #expect(watcher.changes().isEmpty)
        // What the watcher holds is what a fresh look finds.
        #expect(watcher.snapshot == FileWatcher(roots: watcher.roots, base: root).snapshot)
    }
}

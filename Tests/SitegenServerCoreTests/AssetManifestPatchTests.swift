import Testing

@testable import SitegenServerCore

@Suite("AssetManifest: patching a blob in place")
struct AssetManifestPatchTests {
    /// The patched blob must describe exactly what a new build of the changed entries would.
    @Test func patchedBlobReadsAsAFreshBuild() throws {
        var changed = SiteFixture.hello
        changed.size = 2345
        changed.etag = "00000000000000f2"
        changed.isLive = true
        var style = SiteFixture.style
        style.gzipSize = nil
        style.brotliSize = 99
        var index = SiteFixture.index
        index.contentType = "text/html; charset=utf-8"
        let blob = try #require(try SiteFixture.manifest.patched(with: [changed, style, index], heapLimit: 1 << 20))
        let patched = try #require(AssetManifest(bytes: blob))
        let changes = [changed, style, index]
        let expected = SiteFixture.entries.map { entry -> AssetManifest.Entry in
            changes.first { $0.path == entry.path } ?? entry
        }
        #expect(patched.isValid())
        #expect(patched.entries == SiteFixture.makeManifest(expected).entries)
        #expect(patched.entry(forPath: "posts/hello/index.html")?.isLive == true)
    }

    @Test func unchangedStringsAreNotCopiedAgain() throws {
        var sized = SiteFixture.logo
        sized.size = 1  // same etag and content type: the heap stays as it was
        let blob = try #require(try SiteFixture.manifest.patched(with: [sized], heapLimit: 1 << 20))
        #expect(blob.count == SiteFixture.manifest.heapStart + SiteFixture.manifest.heapSize)
        #expect(AssetManifest(bytes: blob)?.entry(forPath: "logo.png")?.size == 1)
    }

    @Test func aPathNotInTheManifestNeedsABuild() throws {
        let added = AssetManifest.Entry(path: "new/index.html", size: 1, contentType: "text/html", etag: "0000000000000001")
        #expect(try SiteFixture.manifest.patched(with: [added], heapLimit: 1 << 20) == nil)
    }

    @Test func theHeapLimitBoundsUnusedStrings() throws {
        var changed = SiteFixture.hello
        changed.etag = "00000000000000f2"
        let heap = SiteFixture.manifest.heapSize
        #expect(try SiteFixture.manifest.patched(with: [changed], heapLimit: heap + 15) == nil)
        #expect(try SiteFixture.manifest.patched(with: [changed], heapLimit: heap + 16) != nil)
    }

    @Test func invalidEntriesAreRefusedAsTheBuilderRefusesThem() {
        var changed = SiteFixture.hello
        changed.etag = "a\"b"
        #expect(throws: ManifestBuildError.invalidETag(path: changed.path, etag: "a\"b")) {
            try SiteFixture.manifest.patched(with: [changed], heapLimit: 1 << 20)
        }
    }
}

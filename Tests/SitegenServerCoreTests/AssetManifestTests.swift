import Testing

@testable import SitegenServerCore

@Suite("AssetManifest: building and lookups")
struct AssetManifestTests {
    @Test func roundTripKeepsEveryFieldAndSortsByPathBytes() throws {
        let manifest = SiteFixture.manifest
        #expect(manifest.count == SiteFixture.entries.count)
        #expect(manifest.isValid())
        let expected = SiteFixture.entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        #expect(manifest.entries == expected)
    }

    @Test(arguments: SiteFixture.entries)
    func findsEveryEntry(_ entry: AssetManifest.Entry) {
        #expect(SiteFixture.manifest.entry(forPath: entry.path) == entry)
        #expect(SiteFixture.manifest.contains(path: entry.path))
    }

    @Test(arguments: ["", "/index.html", "index.htm", "index.html5", "posts/hello", "posts/hello/", "POSTS/hello/index.html", "zzz", "0"])
    func missesAbsentPaths(_ path: String) {
        #expect(SiteFixture.manifest.entry(forPath: path) == nil)
        #expect(!SiteFixture.manifest.contains(path: path))
    }

    @Test func flagsAndVariantsSurvive() throws {
        let style = try #require(SiteFixture.manifest.entry(forPath: "style.3f2a9c1b.css"))
        #expect(style.isImmutable && !style.isHTML)
        #expect(style.gzipSize == 300 && style.brotliSize == 250)
        let hello = try #require(SiteFixture.manifest.entry(forPath: "posts/hello/index.html"))
        #expect(hello.isHTML && !hello.isImmutable && !hello.hasVariants)
        #expect(hello.gzipSize == nil && hello.brotliSize == nil)
    }

    @Test func sizesBeyond32BitsSurvive() throws {
        let big = AssetManifest.Entry(
            path: "video.mp4", size: 5_000_000_000, contentType: "video/mp4", etag: "ffffffffffffffff",
            gzipSize: 1 << 40 - 1, brotliSize: 0)
        let manifest = SiteFixture.makeManifest([big])
        #expect(manifest.entry(forPath: "video.mp4") == big)
    }

    @Test func isHTMLIsDerivedFromTheContentTypeUnlessGiven() {
        #expect(AssetManifest.Entry(path: "a.html", size: 1, contentType: "text/html", etag: "e").isHTML)
        #expect(!AssetManifest.Entry(path: "a.css", size: 1, contentType: "text/css", etag: "e").isHTML)
        #expect(!AssetManifest.Entry(path: "a.html", size: 1, contentType: "text/html", etag: "e", isHTML: false).isHTML)
    }

    @Test func tenThousandEntriesAreAllFoundByBinarySearch() throws {
        var builder = AssetManifest.Builder()
        // Added in reverse to exercise the builder's sort.
        for index in (0..<10_000).reversed() {
            builder.add(.init(path: "posts/\(index)/index.html", size: UInt64(index), contentType: "text/html", etag: "e\(index)"))
        }
        let blob = try builder.build()
        let manifest = try #require(AssetManifest(bytes: blob))
        #expect(manifest.count == 10_000)
        #expect(manifest.isValid())
        for index in 0..<10_000 {
            let entry = manifest.entry(forPath: "posts/\(index)/index.html")
            #expect(entry?.size == UInt64(index), "posts/\(index)")
        }
        #expect(manifest.entry(forPath: "posts/10000/index.html") == nil)
        #expect(manifest.entry(forPath: "posts/") == nil)
        // The content type is stored once: 10,000 copies would add 90,000 bytes.
        #expect(blob.count < 16 + 36 * 10_000 + 400_000)
    }

    @Test func emptyManifestHasNoEntries() throws {
        #expect(AssetManifest.empty.count == 0)
        #expect(AssetManifest.empty.entry(forPath: "index.html") == nil)
        let built = try #require(AssetManifest(bytes: try AssetManifest.Builder().build()))
        #expect(built.count == 0 && built.isValid())
    }

    @Test func unsafeBytesViewReadsTheSameBlob() throws {
        let blob = try AssetManifest.Builder(SiteFixture.entries).build()
        try blob.withUnsafeBytes { raw in
            let manifest = try #require(AssetManifest(unsafeBytes: raw))
            #expect(manifest.entry(forPath: "app.js") == SiteFixture.script)
            #expect(manifest.entries == SiteFixture.manifest.entries)
        }
    }

    @Test func headerLayoutMatchesTheDocumentedFormat() throws {
        let blob = try AssetManifest.Builder([SiteFixture.script]).build()
        #expect(Array(blob[0..<8]) == [0x53, 0x47, 0x41, 0x4D, 2, 0, 0, 0])
        #expect(Array(blob[8..<12]) == [1, 0, 0, 0])
        let heap = "app.jstext/javascript00000000000000a4"
        #expect(Array(blob[12..<16]) == [UInt8(heap.utf8.count), 0, 0, 0])
        #expect(blob.count == 16 + 36 + heap.utf8.count)
        #expect(Array(blob[16..<20]) == [0x88, 0x13, 0, 0])  // size 5000
        #expect(blob[16 + 30] == ManifestFormat.gzipFlag)
        #expect(Array(blob[(16 + 36)...]) == Array(heap.utf8))
    }

    @Test func byteCountComesFromTheHeaderAlone() throws {
        let blob = try AssetManifest.Builder(SiteFixture.entries).build()
        #expect(AssetManifest.byteCount(header: Array(blob[0..<16])) == blob.count)
        #expect(AssetManifest.byteCount(header: Array(blob[0..<15])) == nil)
        var otherVersion = Array(blob[0..<16])
        otherVersion[4] = 1  // version 1 had 48-byte records, with 64-bit sizes
        #expect(AssetManifest.byteCount(header: otherVersion) == nil)
        #expect(AssetManifest.byteCount(header: Array("not a manifest!!".utf8)) == nil)
    }

    static let invalidEntries: [(AssetManifest.Entry, ManifestBuildError)] = [
        (.init(path: "", size: 1, contentType: "text/plain", etag: "e"), .emptyPath),
        (.init(path: "/a.txt", size: 1, contentType: "text/plain", etag: "e"), .leadingSlash(path: "/a.txt")),
        (.init(path: "a.txt", size: 1, contentType: "text/plain", etag: "a\"b"), .invalidETag(path: "a.txt", etag: "a\"b")),
        (.init(path: "a.txt", size: 1, contentType: "text/plain", etag: "a b"), .invalidETag(path: "a.txt", etag: "a b")),
        (.init(path: "a.txt", size: 1, contentType: "text/plain\r\nx: y", etag: "e"),
         .invalidContentType(path: "a.txt", contentType: "text/plain\r\nx: y")),
        (.init(path: "a.txt", size: 1, contentType: "", etag: "e"), .invalidContentType(path: "a.txt", contentType: "")),
        (.init(path: "big.iso", size: 1 << 40, contentType: "application/octet-stream", etag: "e"), .fileTooLarge(path: "big.iso")),
        (.init(path: "big.txt", size: 1, contentType: "text/plain", etag: "e", brotliSize: 1 << 40), .fileTooLarge(path: "big.txt")),
    ]

    @Test(arguments: invalidEntries)
    func builderRefusesInvalidEntries(_ entry: AssetManifest.Entry, _ error: ManifestBuildError) {
        #expect(throws: error) { try AssetManifest.Builder([entry]).build() }
    }

    @Test func builderRefusesStringsLongerThanTheLengthField() {
        let long = String(repeating: "a", count: 70_000)
        let entry = AssetManifest.Entry(path: long, size: 1, contentType: "text/plain", etag: "e")
        #expect(throws: ManifestBuildError.stringTooLong(path: long)) { try AssetManifest.Builder([entry]).build() }
        let longPath = String(repeating: "a", count: 65_535)
        let fits = AssetManifest.Entry(path: longPath, size: 1, contentType: "text/plain", etag: "e")
        #expect(SiteFixture.makeManifest([fits]).entry(forPath: longPath) == fits)
    }

    @Test func builderRefusesDuplicatePaths() {
        let builder = AssetManifest.Builder([SiteFixture.logo, SiteFixture.index, SiteFixture.logo])
        #expect(throws: ManifestBuildError.duplicatePath(path: "logo.png")) { try builder.build() }
        #expect(ManifestBuildError.duplicatePath(path: "logo.png").message == "asset path 'logo.png' appears twice in the manifest")
    }
}

import Testing

@testable import SitegenServerCore

/// A corrupt blob must never trap: the component would die on every request.
@Suite("AssetManifest: corrupt blobs")
struct AssetManifestCorruptionTests {
    static let blob = try! AssetManifest.Builder(SiteFixture.entries).build()

    /// Every read path a request can take, plus the full check.
    static func exercise(_ manifest: AssetManifest) {
        for entry in SiteFixture.entries {
            _ = manifest.entry(forPath: entry.path)
            _ = manifest.contains(path: entry.path)
        }
        _ = manifest.entry(forPath: "zzz")
        _ = manifest.entry(at: -1)
        _ = manifest.entry(at: manifest.count)
        _ = manifest.entries
        _ = manifest.isValid()
        for target in ["/", "/posts/hello", "/app.js", "/missing"] {
            _ = StaticRouter().route(method: "GET", target: target, headers: [("range", "bytes=0-10")], manifest: manifest)
        }
    }

    @Test func everyTruncationIsRefused() {
        for length in 0..<Self.blob.count {
            #expect(AssetManifest(bytes: Array(Self.blob[..<length])) == nil, "length \(length)")
        }
    }

    @Test func extraTrailingBytesAreRefused() {
        #expect(AssetManifest(bytes: Self.blob + [0]) == nil)
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func wrongMagicOrVersionIsRefused(_ offset: Int) {
        var bytes = Self.blob
        bytes[offset] ^= 0xFF
        #expect(AssetManifest(bytes: bytes) == nil)
    }

    @Test func countsThatDoNotMatchTheLengthAreRefused() {
        for (offset, value) in [(8, UInt8(0xFF)), (11, 0xFF), (12, 0), (15, 0x80)] {
            var bytes = Self.blob
            bytes[offset] = value
            #expect(AssetManifest(bytes: bytes) == nil)
        }
        // The largest counts must not overflow the length check.
        #expect(AssetManifest(bytes: [0x53, 0x47, 0x41, 0x4D, ManifestFormat.version, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == nil)
    }

    @Test func stringReferencesOutsideTheHeapGiveNil() throws {
        for field in [ManifestFormat.pathOffsetField, ManifestFormat.contentTypeOffsetField, ManifestFormat.etagOffsetField] {
            var bytes = Self.blob
            for record in 0..<SiteFixture.entries.count {
                let at = 16 + record * ManifestFormat.recordSize + field
                bytes.replaceSubrange(at..<(at + 4), with: [0xF0, 0xFF, 0xFF, 0xFF])
            }
            let manifest = try #require(AssetManifest(bytes: bytes))
            #expect(manifest.entry(at: 0) == nil)
            #expect(manifest.entry(forPath: "index.html") == nil)
            #expect(manifest.entries.isEmpty)
            #expect(!manifest.isValid())
            Self.exercise(manifest)
        }
    }

    @Test func lengthsReachingPastTheHeapGiveNil() throws {
        var bytes = Self.blob
        let at = 16 + ManifestFormat.pathLengthField
        bytes[at] = 0xFF
        bytes[at + 1] = 0xFF
        let manifest = try #require(AssetManifest(bytes: bytes))
        #expect(manifest.entry(at: 0) == nil)
        #expect(!manifest.isValid())
        Self.exercise(manifest)
    }

    @Test func unsortedRecordsFailValidationButDoNotTrap() throws {
        var bytes = Self.blob
        // Swap the first two records.
        let first = Array(bytes[16..<64])
        bytes.replaceSubrange(16..<64, with: bytes[64..<112])
        bytes.replaceSubrange(64..<112, with: first)
        let manifest = try #require(AssetManifest(bytes: bytes))
        #expect(!manifest.isValid())
        Self.exercise(manifest)
    }

    @Test func unknownFlagBitsFailValidation() throws {
        var bytes = Self.blob
        bytes[16 + ManifestFormat.flagsField] |= 0x80
        #expect(try #require(AssetManifest(bytes: bytes)).isValid() == false)
    }

    @Test func invalidUTF8InAPathFailsValidationAndDecodesWithReplacement() throws {
        let entry = AssetManifest.Entry(path: "ab", size: 1, contentType: "text/plain", etag: "e")
        var bytes = try AssetManifest.Builder([entry]).build()
        bytes[16 + ManifestFormat.recordSize] = 0xFF
        let manifest = try #require(AssetManifest(bytes: bytes))
        #expect(!manifest.isValid())
        #expect(manifest.entry(at: 0)?.path == "\u{FFFD}b")
    }

    @Test(arguments: 0..<8)
    func randomMutationsNeverTrap(_ seed: UInt64) {
        var random = SplitMix64(state: seed)
        for _ in 0..<250 {
            var bytes = Self.blob
            let mutations = Int.random(in: 1...8, using: &random)
            for _ in 0..<mutations {
                // Past the header, so the blob usually still opens and lookups run.
                let offset = Int.random(in: 16..<bytes.count, using: &random)
                bytes[offset] = UInt8.random(in: 0...255, using: &random)
            }
            if let manifest = AssetManifest(bytes: bytes) {
                Self.exercise(manifest)
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBlobsWithAValidHeaderNeverTrap(_ seed: UInt64) {
        var random = SplitMix64(state: seed)
        for _ in 0..<100 {
            let count = Int.random(in: 0...6, using: &random)
            let heap = Int.random(in: 0...200, using: &random)
            var bytes: [UInt8] = [0x53, 0x47, 0x41, 0x4D, ManifestFormat.version, 0, 0, 0, UInt8(count), 0, 0, 0, UInt8(heap), 0, 0, 0]
            for _ in 0..<(count * ManifestFormat.recordSize + heap) { bytes.append(UInt8.random(in: 0...255, using: &random)) }
            let manifest = AssetManifest(bytes: bytes)
            #expect(manifest != nil)
            if let manifest { Self.exercise(manifest) }
        }
    }
}

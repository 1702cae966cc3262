/// A read-only view over the asset manifest: the compact binary index of a built site's
/// files that the server component consults on every request.
///
/// The build writes the blob with ``Builder``; the component embeds it and wraps it in an
/// `AssetManifest` per request. Creating one only checks the 16-byte header, and a lookup
/// is a binary search over fixed-size records that decodes the strings of the one entry it
/// returns, so nothing is parsed up front.
///
/// ```swift
/// var builder = AssetManifest.Builder()
/// builder.add(.init(path: "index.html", size: 1234, contentType: "text/html", etag: "3f2a9c1b00aa11ff"))
/// let manifest = AssetManifest(bytes: try builder.build())!
/// manifest.entry(forPath: "index.html")?.size  // 1234
/// ```
///
/// A corrupt blob never traps: a bad header makes the initializer return `nil`, and a
/// record whose strings point outside the blob makes lookups return `nil`. Call
/// ``isValid()`` once (for example in a test of the build output) for a full O(n) check,
/// including the sort order that binary search relies on.
///
/// ## Binary format, version 2
///
/// All integers are little-endian. Strings are UTF-8, not terminated, referenced by
/// offset and length into the string heap; the builder stores equal strings once.
///
/// ```
/// offset    size  field
/// 0         4     magic "SGAM" (53 47 41 4D)
/// 4         1     version = 2
/// 5         3     reserved, zero
/// 8         4     entry count N (UInt32)
/// 12        4     string heap size H (UInt32)
/// 16        36*N  entry records, sorted by path bytes, strictly ascending
/// 16+36*N   H     string heap
///                 the blob is exactly 16 + 36*N + H bytes long
///
/// entry record (36 bytes)
/// 0         4     size, bits 0-31 (UInt32; bits 32-39 at 31)
/// 4         4     gzip variant size, bits 0-31 (meaningful only with flag bit 2)
/// 8         4     br variant size, bits 0-31 (meaningful only with flag bit 3)
/// 12        4     path offset in heap (UInt32)
/// 16        4     content type offset
/// 20        4     etag offset
/// 24        2     path length (UInt16)
/// 26        2     content type length
/// 28        2     etag length
/// 30        1     flags: bit 0 immutable, bit 1 html, bit 2 has .gz, bit 3 has .br, bit 4 live
/// 31        1     size, bits 32-39
/// 32        1     gzip variant size, bits 32-39
/// 33        1     br variant size, bits 32-39
/// 34        2     reserved, zero
/// ```
///
/// Paths have no leading slash (`posts/hello/index.html`). Sizes have 40 bits (files up
/// to 1 TiB; version 1 stored 64, which took a quarter of every record); ``Entry`` gives
/// them as `UInt64`, because `Int` is 32 bits on wasm32. Offsets into the blob itself fit
/// in `Int` because the blob is in memory.
public struct AssetManifest: Sendable {
    // The component may embed the blob as a C array in its data segment and hand us a
    // pointer to it, so a copy per request is avoided; tests and the build use arrays.
    private enum Storage: @unchecked Sendable {
        case array([UInt8])
        case pointer(UnsafeRawBufferPointer)
    }

    private let storage: Storage
    /// The number of entries.
    public let count: Int
    let heapStart: Int
    let heapSize: Int

    /// Wraps a manifest blob, or returns `nil` when its header is not a version 1 manifest
    /// or its length does not match the header.
    /// - Parameter bytes: A blob produced by ``Builder/build()``.
    public init?(bytes: [UInt8]) {
        guard let layout = bytes.withUnsafeBytes({ Self.layout(of: $0) }) else { return nil }
        self.storage = .array(bytes)
        (count, heapStart, heapSize) = layout
    }

    /// Wraps a manifest blob in memory that outlives the manifest (such as a static data
    /// segment), without copying it. Returns `nil` like ``init(bytes:)``.
    /// - Parameter unsafeBytes: The blob; it must stay valid and unchanged while any
    ///   manifest created from it is in use.
    public init?(unsafeBytes: UnsafeRawBufferPointer) {
        guard let layout = Self.layout(of: unsafeBytes) else { return nil }
        self.storage = .pointer(unsafeBytes)
        (count, heapStart, heapSize) = layout
    }

    /// The size of the string heap, in bytes (what ``patched(with:heapLimit:)`` grows).
    public var stringHeapSize: Int { heapSize }

    /// The length of the whole blob that starts with `header` (its first 16 bytes), or
    /// `nil` when they are not a version 1 manifest header. A reader that gets the blob
    /// in pieces allocates it once from this.
    public static func byteCount(header: [UInt8]) -> Int? {
        header.withUnsafeBytes { raw in
            guard let (entryCount, heapSize) = Self.header(of: raw) else { return nil }
            let total = UInt64(ManifestFormat.headerSize) + UInt64(ManifestFormat.recordSize) * entryCount + heapSize
            return total <= UInt64(Int.max) ? Int(total) : nil
        }
    }

    /// A manifest with no entries.
    public static var empty: AssetManifest {
        AssetManifest(bytes: [0x53, 0x47, 0x41, 0x4D, ManifestFormat.version, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])!
    }

    /// Reads the header (magic, version, entry count, heap size), nil when it is not one.
    private static func header(of raw: UnsafeRawBufferPointer) -> (entryCount: UInt64, heapSize: UInt64)? {
        guard raw.count >= ManifestFormat.headerSize else { return nil }
        let magic = ManifestFormat.magic
        guard raw[0] == magic.0, raw[1] == magic.1, raw[2] == magic.2, raw[3] == magic.3,
            raw[4] == ManifestFormat.version
        else { return nil }
        return (UInt64(raw.littleEndianUInt32(at: 8)), UInt64(raw.littleEndianUInt32(at: 12)))
    }

    /// Checks the header against the blob's size; returns (entry count, heap start, heap size).
    private static func layout(of raw: UnsafeRawBufferPointer) -> (Int, Int, Int)? {
        guard let (entryCount, heapSize) = Self.header(of: raw) else { return nil }
        // UInt64 arithmetic: 36 * (2^32 - 1) + 2^32 cannot overflow, and every Int
        // conversion below is bounded by raw.count, so none traps on wasm32.
        let recordsEnd = UInt64(ManifestFormat.headerSize) + UInt64(ManifestFormat.recordSize) * entryCount
        guard recordsEnd + heapSize == UInt64(raw.count) else { return nil }
        return (Int(entryCount), Int(recordsEnd), Int(heapSize))
    }

    @inline(__always)
    func withRawBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .array(let bytes): return bytes.withUnsafeBytes(body)
        case .pointer(let pointer): return body(pointer)
        }
    }
}

// MARK: - Lookup

extension AssetManifest {
    /// The entry for a site path, or `nil` when there is none (or its record is corrupt).
    /// - Parameter path: A site path without a leading slash, e.g. `posts/hello/index.html`.
    public func entry(forPath path: String) -> Entry? {
        // `withUTF8` in these lookups: they run on every request (`ASCII.withBytes` says why).
        var path = path
        return path.withUTF8 { key in
            withRawBytes { raw in
                guard let index = index(of: key, in: raw) else { return nil }
                return decodeEntry(at: index, in: raw)
            }
        }
    }

    /// Whether the manifest has an entry for `path`; cheaper than ``entry(forPath:)``
    /// because it decodes no strings.
    /// - Parameter path: A site path without a leading slash.
    public func contains(path: String) -> Bool {
        var path = path
        return path.withUTF8 { key in withRawBytes { raw in index(of: key, in: raw) != nil } }
    }

    /// Whether `path` is a live page (suspense boundaries: streamed, not served as a
    /// file); reads the record's flags only.
    /// - Parameter path: A site path without a leading slash.
    public func isLive(path: String) -> Bool {
        var path = path
        return path.withUTF8 { key in
            withRawBytes { raw in
                guard let index = index(of: key, in: raw) else { return false }
                return raw[recordStart(index) + ManifestFormat.flagsField] & ManifestFormat.liveFlag != 0
            }
        }
    }

    /// The entry at `index` in path order, or `nil` when `index` is out of range or the
    /// record is corrupt.
    /// - Parameter index: A position in `0..<count`.
    public func entry(at index: Int) -> Entry? {
        guard index >= 0, index < count else { return nil }
        return withRawBytes { decodeEntry(at: index, in: $0) }
    }

    /// Every entry that decodes, in path order. Decodes the whole blob: for tools and
    /// tests, not for request handling.
    public var entries: [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            if let entry = entry(at: index) { result.append(entry) }
        }
        return result
    }

    /// Checks the whole blob: every string in bounds, paths non-empty, valid UTF-8 and
    /// strictly ascending, and no unknown flag bits. O(n).
    public func isValid() -> Bool {
        withRawBytes { raw in
            var previous: Range<Int>? = nil
            for index in 0..<count {
                let record = recordStart(index)
                guard let path = pathRange(ofRecord: record, in: raw),
                    stringRange(raw, record, ManifestFormat.contentTypeOffsetField, ManifestFormat.contentTypeLengthField) != nil,
                    stringRange(raw, record, ManifestFormat.etagOffsetField, ManifestFormat.etagLengthField) != nil,
                    !path.isEmpty,
                    raw[record + ManifestFormat.flagsField] & 0xE0 == 0,
                    UTF8Validation.isValid(raw[path])
                else { return false }
                if let previous, Self.compare(raw, previous, UnsafeRawBufferPointer(rebasing: raw[path])) >= 0 {
                    return false
                }
                previous = path
            }
            return true
        }
    }

    // MARK: Records

    @inline(__always)
    func recordStart(_ index: Int) -> Int {
        ManifestFormat.headerSize + index * ManifestFormat.recordSize
    }

    /// The heap range of a string field pair, or `nil` when it points outside the heap.
    func stringRange(_ raw: UnsafeRawBufferPointer, _ record: Int, _ offsetField: Int, _ lengthField: Int) -> Range<Int>? {
        let offset = raw.littleEndianUInt32(at: record + offsetField)
        let length = raw.littleEndianUInt16(at: record + lengthField)
        guard UInt64(offset) + UInt64(length) <= UInt64(heapSize) else { return nil }
        let start = heapStart + Int(offset)
        return start..<(start + Int(length))
    }

    private func pathRange(ofRecord record: Int, in raw: UnsafeRawBufferPointer) -> Range<Int>? {
        stringRange(raw, record, ManifestFormat.pathOffsetField, ManifestFormat.pathLengthField)
    }

    /// Binary search; `nil` when absent or when a probed record is corrupt.
    func index<Key: Collection<UInt8>>(of key: Key, in raw: UnsafeRawBufferPointer) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            guard let path = pathRange(ofRecord: recordStart(middle), in: raw) else { return nil }
            let order = Self.compare(raw, path, key)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Byte-wise three-way comparison of `raw[range]` with `key`.
    private static func compare<Key: Collection<UInt8>>(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, _ key: Key) -> Int {
        var position = range.lowerBound
        for byte in key {
            guard position < range.upperBound else { return -1 }
            let stored = raw[position]
            if stored != byte { return stored < byte ? -1 : 1 }
            position += 1
        }
        return position < range.upperBound ? 1 : 0
    }

    private func decodeEntry(at index: Int, in raw: UnsafeRawBufferPointer) -> Entry? {
        let record = recordStart(index)
        guard let path = pathRange(ofRecord: record, in: raw),
            let contentType = stringRange(raw, record, ManifestFormat.contentTypeOffsetField, ManifestFormat.contentTypeLengthField),
            let etag = stringRange(raw, record, ManifestFormat.etagOffsetField, ManifestFormat.etagLengthField)
        else { return nil }
        let flags = raw[record + ManifestFormat.flagsField]
        func string(_ range: Range<Int>) -> String {
            ASCII.decode(UnsafeRawBufferPointer(rebasing: raw[range]))
        }
        return Entry(
            path: string(path),
            size: raw.size(low: record + ManifestFormat.sizeField, high: record + ManifestFormat.sizeHighField),
            contentType: string(contentType),
            etag: string(etag),
            isImmutable: flags & ManifestFormat.immutableFlag != 0,
            isHTML: flags & ManifestFormat.htmlFlag != 0,
            gzipSize: flags & ManifestFormat.gzipFlag != 0
                ? raw.size(low: record + ManifestFormat.gzipSizeField, high: record + ManifestFormat.gzipSizeHighField) : nil,
            brotliSize: flags & ManifestFormat.brotliFlag != 0
                ? raw.size(low: record + ManifestFormat.brotliSizeField, high: record + ManifestFormat.brotliSizeHighField) : nil,
            isLive: flags & ManifestFormat.liveFlag != 0
        )
    }
}

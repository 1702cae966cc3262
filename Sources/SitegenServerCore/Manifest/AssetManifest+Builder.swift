extension AssetManifest {
    /// Produces a manifest blob from entries; run by the build, natively.
    ///
    /// Foundation-free like the rest of the module, so the same source defines the
    /// format on both sides. Entries may be added in any order; ``build()`` sorts them by
    /// path bytes and stores equal strings (content types, mostly) once.
    ///
    /// ```swift
    /// var builder = AssetManifest.Builder()
    /// builder.add(.init(path: "style.3f2a9c1b.css", size: 812, contentType: "text/css",
    ///                   etag: "3f2a9c1b77e0d1a2", isImmutable: true, brotliSize: 301))
    /// let blob = try builder.build()
    /// ```
    public struct Builder: Sendable {
        private var pending: [Entry] = []

        /// Creates an empty builder.
        public init() {}

        /// Creates a builder holding `entries`.
        /// - Parameter entries: Entries in any order.
        public init(_ entries: [Entry]) {
            pending = entries
        }

        /// Adds one entry.
        /// - Parameter entry: The entry; its path must be unique.
        public mutating func add(_ entry: Entry) {
            pending.append(entry)
        }

        /// Writes the blob in the format documented on ``AssetManifest``.
        ///
        /// Throws when a path is empty, starts with `/` or repeats, when a string is longer
        /// than 65,535 bytes, when an etag or content type would be unsafe in a header, or
        /// when the blob would exceed the format's 32-bit limits.
        public func build() throws(ManifestBuildError) -> [UInt8] {
            let sorted = try sortedEntries()
            guard let entryCount = UInt32(exactly: sorted.count) else { throw .tooLarge }

            var heap: [UInt8] = []
            var interned: [[UInt8]: UInt32] = [:]
            func intern(_ string: [UInt8]) throws(ManifestBuildError) -> UInt32 {
                if let offset = interned[string] { return offset }
                guard UInt64(heap.count) + UInt64(string.count) <= UInt64(UInt32.max) else { throw .tooLarge }
                let offset = UInt32(heap.count)
                heap.append(contentsOf: string)
                interned[string] = offset
                return offset
            }

            var records: [UInt8] = []
            records.reserveCapacity(sorted.count * ManifestFormat.recordSize)
            for (pathBytes, entry) in sorted {
                let contentType = Array(entry.contentType.utf8)
                let etag = Array(entry.etag.utf8)
                let pathOffset = try intern(pathBytes)
                let contentTypeOffset = try intern(contentType)
                let etagOffset = try intern(etag)
                var flags: UInt8 = 0
                if entry.isImmutable { flags |= ManifestFormat.immutableFlag }
                if entry.isHTML { flags |= ManifestFormat.htmlFlag }
                if entry.gzipSize != nil { flags |= ManifestFormat.gzipFlag }
                if entry.brotliSize != nil { flags |= ManifestFormat.brotliFlag }
                if entry.isLive { flags |= ManifestFormat.liveFlag }
                records.appendLittleEndian(entry.size)
                records.appendLittleEndian(entry.gzipSize ?? 0)
                records.appendLittleEndian(entry.brotliSize ?? 0)
                records.appendLittleEndian(pathOffset)
                records.appendLittleEndian(contentTypeOffset)
                records.appendLittleEndian(etagOffset)
                records.appendLittleEndian(UInt16(pathBytes.count))
                records.appendLittleEndian(UInt16(contentType.count))
                records.appendLittleEndian(UInt16(etag.count))
                records.append(flags)
                records.append(contentsOf: [0, 0, 0, 0, 0])
            }

            let magic = ManifestFormat.magic
            var blob: [UInt8] = [magic.0, magic.1, magic.2, magic.3, ManifestFormat.version, 0, 0, 0]
            blob.reserveCapacity(ManifestFormat.headerSize + records.count + heap.count)
            blob.appendLittleEndian(entryCount)
            blob.appendLittleEndian(UInt32(heap.count))
            blob.append(contentsOf: records)
            blob.append(contentsOf: heap)
            return blob
        }

        /// Validates every entry and sorts by path bytes (not `String` order, which is by
        /// Unicode scalars after normalization and would not match the reader's search).
        private func sortedEntries() throws(ManifestBuildError) -> [([UInt8], Entry)] {
            var keyed: [([UInt8], Entry)] = []
            keyed.reserveCapacity(pending.count)
            for entry in pending {
                let path = Array(entry.path.utf8)
                guard !path.isEmpty else { throw .emptyPath }
                guard path[0] != UInt8(ascii: "/") else { throw .leadingSlash(path: entry.path) }
                guard path.count <= ManifestFormat.maxStringLength,
                    entry.contentType.utf8.count <= ManifestFormat.maxStringLength,
                    entry.etag.utf8.count <= ManifestFormat.maxStringLength
                else { throw .stringTooLong(path: entry.path) }
                guard Self.isValidETag(entry.etag) else { throw .invalidETag(path: entry.path, etag: entry.etag) }
                guard Self.isValidContentType(entry.contentType) else {
                    throw .invalidContentType(path: entry.path, contentType: entry.contentType)
                }
                keyed.append((path, entry))
            }
            keyed.sort { $0.0.lexicographicallyPrecedes($1.0) }
            for index in keyed.indices.dropFirst() where keyed[index].0 == keyed[index - 1].0 {
                throw .duplicatePath(path: keyed[index].1.path)
            }
            return keyed
        }

        /// `etagc` of RFC 9110 section 8.8.3, without obs-text: visible ASCII except `"`.
        private static func isValidETag(_ etag: String) -> Bool {
            etag.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: "\"") }
        }

        /// Visible ASCII and spaces only, so it cannot break a header line.
        private static func isValidContentType(_ contentType: String) -> Bool {
            !contentType.isEmpty && contentType.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        }
    }
}

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
        /// than 65,535 bytes, when a file is larger than 1 TiB, when an etag or content type
        /// would be unsafe in a header, or when the blob would exceed the format's 32-bit limits.
        public func build() throws(ManifestBuildError) -> [UInt8] {
            let sorted = try sortedEntries()
            guard let entryCount = UInt32(exactly: sorted.count) else { throw .tooLarge }

            var heap: [UInt8] = []
            // Content types repeat, and so do the etags of identical files; paths are unique.
            var interned: [BytesKey: UInt32] = [:]
            func append(_ string: String) throws(ManifestBuildError) -> UInt32 {
                guard UInt64(heap.count) + UInt64(string.utf8.count) <= UInt64(UInt32.max) else { throw .tooLarge }
                let offset = UInt32(heap.count)
                heap.append(contentsOf: string.utf8)
                return offset
            }
            func intern(_ string: String) throws(ManifestBuildError) -> UInt32 {
                if let offset = interned[BytesKey(string: string)] { return offset }
                let offset = try append(string)
                interned[BytesKey(string: string)] = offset
                return offset
            }

            var records: [UInt8] = []
            records.reserveCapacity(sorted.count * ManifestFormat.recordSize)
            for entry in sorted {
                let pathOffset = try append(entry.path)
                let contentTypeOffset = try intern(entry.contentType)
                let etagOffset = try intern(entry.etag)
                let flags = Self.flags(of: entry)
                let sizes = [entry.size, entry.gzipSize ?? 0, entry.brotliSize ?? 0]  // validated: 40 bits each
                for size in sizes { records.appendLittleEndian(UInt32(truncatingIfNeeded: size)) }
                records.appendLittleEndian(pathOffset)
                records.appendLittleEndian(contentTypeOffset)
                records.appendLittleEndian(etagOffset)
                records.appendLittleEndian(UInt16(entry.path.utf8.count))
                records.appendLittleEndian(UInt16(entry.contentType.utf8.count))
                records.appendLittleEndian(UInt16(entry.etag.utf8.count))
                records.append(flags)
                for size in sizes { records.append(UInt8(truncatingIfNeeded: size >> 32)) }
                records.append(contentsOf: [0, 0])
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
        private func sortedEntries() throws(ManifestBuildError) -> [Entry] {
            for entry in pending { try Self.validate(entry) }
            // Entries given in order (an incremental build keeps the last order) are not sorted again.
            var sorted = pending
            if !Self.isSorted(pending) {
                // Sorting positions moves integers, not entries.
                let order = pending.indices.sorted { Self.compareBytes(pending[$0].path, pending[$1].path) < 0 }
                sorted = order.map { pending[$0] }
            }
            for index in sorted.indices.dropFirst() where Self.compareBytes(sorted[index].path, sorted[index - 1].path) == 0 {
                throw .duplicatePath(path: sorted[index].path)
            }
            return sorted
        }

        /// Throws when an entry cannot be stored: see ``build()``.
        static func validate(_ entry: Entry) throws(ManifestBuildError) {
            guard let first = entry.path.utf8.first else { throw .emptyPath }
            guard first != UInt8(ascii: "/") else { throw .leadingSlash(path: entry.path) }
            guard entry.path.utf8.count <= ManifestFormat.maxStringLength,
                entry.contentType.utf8.count <= ManifestFormat.maxStringLength,
                entry.etag.utf8.count <= ManifestFormat.maxStringLength
            else { throw .stringTooLong(path: entry.path) }
            guard entry.size <= ManifestFormat.maxFileSize, (entry.gzipSize ?? 0) <= ManifestFormat.maxFileSize,
                (entry.brotliSize ?? 0) <= ManifestFormat.maxFileSize
            else { throw .fileTooLarge(path: entry.path) }
            guard isValidETag(entry.etag) else { throw .invalidETag(path: entry.path, etag: entry.etag) }
            guard isValidContentType(entry.contentType) else {
                throw .invalidContentType(path: entry.path, contentType: entry.contentType)
            }
        }

        /// The flags byte of an entry's record.
        static func flags(of entry: Entry) -> UInt8 {
            var flags: UInt8 = 0
            if entry.isImmutable { flags |= ManifestFormat.immutableFlag }
            if entry.isHTML { flags |= ManifestFormat.htmlFlag }
            if entry.gzipSize != nil { flags |= ManifestFormat.gzipFlag }
            if entry.brotliSize != nil { flags |= ManifestFormat.brotliFlag }
            if entry.isLive { flags |= ManifestFormat.liveFlag }
            return flags
        }

        /// A string as a dictionary key, by its bytes (no Unicode normalization tables in
        /// Embedded Swift).
        struct BytesKey: Hashable {
            let string: String
            static func == (a: BytesKey, b: BytesKey) -> Bool { compareBytes(a.string, b.string) == 0 }
            func hash(into hasher: inout Hasher) {
                var s = string
                s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        /// Whether each path is after the one before (or equal: duplicates are found later).
        static func isSorted(_ entries: [Entry]) -> Bool {
            for index in entries.indices.dropFirst() where compareBytes(entries[index - 1].path, entries[index].path) > 0 { return false }
            return true
        }

        /// Orders two strings by their UTF-8 bytes.
        static func compareBytes(_ a: String, _ b: String) -> Int {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
                    return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
                }
            }
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

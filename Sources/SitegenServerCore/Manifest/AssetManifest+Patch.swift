extension AssetManifest {
    /// This manifest's blob with `changes` applied to entries it already has: each
    /// record is rewritten in place, and a string that differs from the record's is
    /// appended to the heap (the old one stays, unused).
    ///
    /// For `sitegen preview`: an edit changes a few hundred of 10,000 entries, and their
    /// paths (hence the order) stay, so the blob is one copy and a binary search per
    /// change instead of a new build of every record.
    ///
    /// ```swift
    /// let next = try manifest.patched(with: [edited], heapLimit: 1 << 20)
    /// ```
    ///
    /// - Parameters:
    ///   - changes: New entries for paths the manifest has; validated as ``Builder/build()`` does.
    ///   - heapLimit: The largest string heap to produce, so unused strings cannot pile up.
    /// - Returns: The new blob, or `nil` when a path is not in the manifest or the heap
    ///   would outgrow `heapLimit`: then build the blob again.
    public func patched(with changes: [Entry], heapLimit: Int) throws(ManifestBuildError) -> [UInt8]? {
        for entry in changes { try Builder.validate(entry) }
        var blob = withRawBytes { Array($0) }
        var appended: [UInt8] = []
        // The offset of `string` for a record's field: the record's own when it is the
        // same string, else a new copy at the end of the heap.
        func offset(of string: String, _ raw: UnsafeRawBufferPointer, _ record: Int, _ offsetField: Int, _ lengthField: Int) -> UInt32? {
            var string = string
            if let range = stringRange(raw, record, offsetField, lengthField),
               string.withUTF8({ $0.elementsEqual(raw[range]) }) {
                return raw.littleEndianUInt32(at: record + offsetField)
            }
            let offset = UInt64(heapSize) + UInt64(appended.count)
            guard offset <= UInt64(UInt32.max) else { return nil }
            appended.append(contentsOf: string.utf8)
            return UInt32(offset)
        }
        for entry in changes {
            var path = entry.path
            let patched = withRawBytes { raw -> Bool in
                guard let index = path.withUTF8({ index(of: $0, in: raw) }) else { return false }
                let record = recordStart(index)
                guard let contentType = offset(of: entry.contentType, raw, record, ManifestFormat.contentTypeOffsetField, ManifestFormat.contentTypeLengthField),
                      let etag = offset(of: entry.etag, raw, record, ManifestFormat.etagOffsetField, ManifestFormat.etagLengthField)
                else { return false }
                blob.withUnsafeMutableBytes { out in
                    func store<T: FixedWidthInteger>(_ value: T, _ field: Int) {
                        out.storeBytes(of: value.littleEndian, toByteOffset: record + field, as: T.self)
                    }
                    // Validated: 40 bits each.
                    for (size, low, high) in [(entry.size, ManifestFormat.sizeField, ManifestFormat.sizeHighField),
                                              (entry.gzipSize ?? 0, ManifestFormat.gzipSizeField, ManifestFormat.gzipSizeHighField),
                                              (entry.brotliSize ?? 0, ManifestFormat.brotliSizeField, ManifestFormat.brotliSizeHighField)] {
                        store(UInt32(truncatingIfNeeded: size), low)
                        out[record + high] = UInt8(truncatingIfNeeded: size >> 32)
                    }
                    store(contentType, ManifestFormat.contentTypeOffsetField)
                    store(etag, ManifestFormat.etagOffsetField)
                    store(UInt16(entry.contentType.utf8.count), ManifestFormat.contentTypeLengthField)
                    store(UInt16(entry.etag.utf8.count), ManifestFormat.etagLengthField)
                    out[record + ManifestFormat.flagsField] = Builder.flags(of: entry)
                }
                return true
            }
            guard patched else { return nil }
        }
        let heap = heapSize + appended.count
        guard heap <= heapLimit, heap <= Int(UInt32.max) else { return nil }
        blob.append(contentsOf: appended)
        blob.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(heap).littleEndian, toByteOffset: 12, as: UInt32.self) }
        return blob
    }
}

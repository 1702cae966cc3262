/// Layout constants of the asset manifest blob, shared by ``AssetManifest`` (reader) and
/// ``AssetManifest/Builder`` (writer). The format itself is documented on ``AssetManifest``.
enum ManifestFormat {
    /// "SGAM": SitegenAssetManifest.
    static let magic: (UInt8, UInt8, UInt8, UInt8) = (0x53, 0x47, 0x41, 0x4D)
    static let version: UInt8 = 2
    static let headerSize = 16
    static let recordSize = 36

    // Offsets inside a record.
    static let sizeField = 0
    static let gzipSizeField = 4
    static let brotliSizeField = 8
    static let pathOffsetField = 12
    static let contentTypeOffsetField = 16
    static let etagOffsetField = 20
    static let pathLengthField = 24
    static let contentTypeLengthField = 26
    static let etagLengthField = 28
    static let flagsField = 30
    /// Bits 32–39 of the three sizes, one byte each after the flags.
    static let sizeHighField = 31
    static let gzipSizeHighField = 32
    static let brotliSizeHighField = 33

    // Flag bits.
    static let immutableFlag: UInt8 = 1 << 0
    static let htmlFlag: UInt8 = 1 << 1
    static let gzipFlag: UInt8 = 1 << 2
    static let brotliFlag: UInt8 = 1 << 3
    /// The page has suspense boundaries: the component streams it instead of sending the file.
    static let liveFlag: UInt8 = 0x10

    /// The longest string a record can reference (its length field is a `UInt16`).
    static let maxStringLength = Int(UInt16.max)
    /// The largest file a record can describe: its sizes have 40 bits.
    static let maxFileSize: UInt64 = 1 << 40 - 1
}

extension UnsafeRawBufferPointer {
    // Callers check bounds first; these never read outside `self` when they do.
    @inline(__always)
    func littleEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func littleEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }
}

extension UnsafeRawBufferPointer {
    /// A 40-bit size: its low 32 bits at `low`, its high 8 at `high`.
    func size(low: Int, high: Int) -> UInt64 {
        UInt64(littleEndianUInt32(at: low)) | UInt64(self[high]) << 32
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }
}

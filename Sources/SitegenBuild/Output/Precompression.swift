import CCompression
import Foundation

/// Step "Precompress": `.gz` (zlib, level 6) and `.br` (brotli, quality 6: within a few percent of quality 11 on HTML at a fraction of the time) next to each
/// compressible file, so the server component only picks a variant per request and
/// never compresses on the fly. A variant is kept only when it is smaller.
enum Precompression {
    static let compressibleExtensions: Set<String> = [
        "html", "css", "js", "mjs", "json", "xml", "svg", "txt", "md", "map", "wasm", "ico",
    ]
    /// Smaller files gain too little to be worth a variant.
    static let minimumSize = 512

    static func isCompressible(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return compressibleExtensions.contains(String(path[path.index(after: dot)...]))
    }

    static func gzip(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper; memLevel 9.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.total_out)))
    }

    static func window(for size: Int) -> Int32 {
        var bits: Int32 = 10
        while bits < 22 && (1 << bits) < size { bits += 1 }
        return bits
    }

    static func brotli(_ input: [UInt8]) -> [UInt8]? {
        var size = BrotliEncoderMaxCompressedSize(input.count)
        if size == 0 { size = input.count + 1024 }
        var output = [UInt8](repeating: 0, count: size)
        let ok = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                // A window just large enough for the input: a 22-bit window costs a 4 MiB
                // allocation per call, which dominates for small pages.
                BrotliEncoderCompress(6, window(for: inBuffer.count), BROTLI_MODE_TEXT, inBuffer.count, inBuffer.baseAddress, &size, outBuffer.baseAddress)
            }
        }
        guard ok == 1 else { return nil }
        return Array(output.prefix(size))
    }
}

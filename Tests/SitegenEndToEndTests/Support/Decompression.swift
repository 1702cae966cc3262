import CCompression
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Decoders for checking that an encoded response body is the identity body.
///
/// gzip uses zlib (linked through SitegenBuild's `CCompression`). sitegen links only
/// brotli's encoder, so the decoder is loaded from Debian's `libbrotlidec.so.1` at run
/// time; tests fall back to comparing with the `.br` file when it is absent.
enum Decompression {
    /// Inflates a gzip stream; nil when it is not valid gzip.
    static func gunzip(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: expect a gzip wrapper.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output += outBuffer[0..<(outBuffer.count - Int(stream.avail_out))]
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? output : nil
    }

    private typealias BrotliDecompress = @convention(c) (Int, UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt8>?) -> Int32

    private static let brotliDecompress: BrotliDecompress? = {
        guard let library = dlopen("libbrotlidec.so.1", RTLD_NOW), let symbol = dlsym(library, "BrotliDecoderDecompress") else { return nil }
        return unsafeBitCast(symbol, to: BrotliDecompress.self)
    }()

    /// Whether ``unbrotli(_:expectedSize:)`` can decode.
    static var canDecodeBrotli: Bool { brotliDecompress != nil }

    /// Decodes a brotli stream whose decoded size is known; nil when it does not decode to
    /// exactly that many bytes or no decoder is available.
    static func unbrotli(_ input: [UInt8], expectedSize: Int) -> [UInt8]? {
        guard let decompress = brotliDecompress else { return nil }
        // One spare byte, so a stream that decodes to more than expected fails.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        var size = output.count
        let result = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { decompress(inBuffer.count, inBuffer.baseAddress, &size, $0.baseAddress) }
        }
        // BROTLI_DECODER_RESULT_SUCCESS is 1.
        guard result == 1, size == expectedSize else { return nil }
        return Array(output.prefix(size))
    }
}

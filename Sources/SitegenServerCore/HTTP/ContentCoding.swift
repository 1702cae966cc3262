/// The content codings the server can send: the file as is, or a variant the build
/// precompressed next to it.
enum ContentCoding: Equatable, Sendable {
    /// The file itself, no `Content-Encoding`.
    case identity
    /// `<path>.gz`, sent with `content-encoding: gzip`.
    case gzip
    /// `<path>.br`, sent with `content-encoding: br`.
    case brotli

    /// The `Content-Encoding` token; `nil` for identity.
    var token: String? {
        switch self {
        case .identity: return nil
        case .gzip: return "gzip"
        case .brotli: return "br"
        }
    }

    /// What the backend appends to the asset path for this variant.
    var pathSuffix: String {
        switch self {
        case .identity: return ""
        case .gzip: return ".gz"
        case .brotli: return ".br"
        }
    }

    /// What is appended to the etag's opaque part for this variant. A strong validator
    /// must differ between representations (RFC 9110 section 8.8.3), and a compressed
    /// body is a different representation of the same file.
    var etagSuffix: String {
        switch self {
        case .identity: return ""
        case .gzip: return "-gz"
        case .brotli: return "-br"
        }
    }

    /// Chooses a coding from an `Accept-Encoding` value (RFC 9110 section 12.5.3).
    ///
    /// - No header, or an empty one: identity.
    /// - Otherwise each available variant gets its listed q-value (`x-gzip` counts as
    ///   `gzip`), else the q-value of `*`, else 0. The highest q above 0 wins; ties prefer
    ///   br, then gzip, then identity, because smaller is better for the same content.
    /// - Identity competes with its listed q (or the q of `*`) when either is given;
    ///   when neither is, it is only the fallback, so `gzip;q=0.5` still gets gzip.
    /// - When nothing is acceptable (`identity;q=0` and no usable variant) the file is
    ///   sent as identity anyway, which the RFC permits and every client can read.
    /// - Elements with a malformed q-value are ignored.
    ///
    /// - Parameters:
    ///   - acceptEncoding: The combined header value, or `nil` when absent.
    ///   - gzipAvailable: Whether `<path>.gz` exists.
    ///   - brotliAvailable: Whether `<path>.br` exists.
    static func negotiate(acceptEncoding: [UInt8]?, gzipAvailable: Bool, brotliAvailable: Bool) -> ContentCoding {
        guard let acceptEncoding, gzipAvailable || brotliAvailable else { return .identity }
        var brotliQ: Int? = nil
        var gzipQ: Int? = nil
        var identityQ: Int? = nil
        var anyQ: Int? = nil
        var elementIndex = 0
        while let element = ASCII.nextListElement(of: acceptEncoding[...], from: &elementIndex) {
            // The coding, then its parameters after semicolons; only `q` is read.
            var index = element.startIndex
            let coding = ASCII.trimmed(ASCII.nextPiece(of: element, separatedBy: UInt8(ascii: ";"), from: &index) ?? element)
            var q = 1000
            var valid = true
            while let piece = ASCII.nextPiece(of: element, separatedBy: UInt8(ascii: ";"), from: &index) {
                let parameter = ASCII.trimmed(piece)
                guard let equals = parameter.firstIndex(of: UInt8(ascii: "=")) else { continue }
                guard ASCII.equalsIgnoringCase(ASCII.trimmed(parameter[..<equals]), "q") else { continue }
                guard let parsed = parseQValue(ASCII.trimmed(parameter[(equals + 1)...])) else {
                    valid = false
                    break
                }
                q = parsed
            }
            guard valid else { continue }
            if ASCII.equalsIgnoringCase(coding, "br") {
                brotliQ = max(brotliQ ?? 0, q)
            } else if ASCII.equalsIgnoringCase(coding, "gzip") || ASCII.equalsIgnoringCase(coding, "x-gzip") {
                gzipQ = max(gzipQ ?? 0, q)
            } else if ASCII.equalsIgnoringCase(coding, "identity") {
                identityQ = max(identityQ ?? 0, q)
            } else if coding.elementsEqual([UInt8(ascii: "*")]) {
                anyQ = max(anyQ ?? 0, q)
            }
        }

        var best = ContentCoding.identity
        var bestQ = 0
        // Tie order br > gzip > identity: a later candidate must be strictly better.
        if brotliAvailable, let q = brotliQ ?? anyQ, q > bestQ { (best, bestQ) = (.brotli, q) }
        if gzipAvailable, let q = gzipQ ?? anyQ, q > bestQ { (best, bestQ) = (.gzip, q) }
        if let q = identityQ ?? anyQ, q > bestQ { (best, bestQ) = (.identity, q) }
        return best
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, as thousandths.
    static func parseQValue(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        let rest = bytes.dropFirst()
        var fraction = 0
        if let dot = rest.first {
            guard dot == UInt8(ascii: "."), rest.count <= 4 else { return nil }
            var scale = 100
            for digit in rest.dropFirst() {
                guard ASCII.isDigit(digit) else { return nil }
                fraction += Int(digit - UInt8(ascii: "0")) * scale
                scale /= 10
            }
        }
        switch first {
        case UInt8(ascii: "0"): return fraction
        case UInt8(ascii: "1"): return fraction == 0 ? 1000 : nil
        default: return nil
        }
    }
}

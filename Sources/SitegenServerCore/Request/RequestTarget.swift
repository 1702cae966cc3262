/// A parsed, validated request target (`path-with-query` in WASI HTTP).
///
/// The path is split into segments and each is percent-decoded on its own, so `%2F`
/// cannot smuggle a separator and `%2e%2e` is caught as the `..` it decodes to. Empty
/// segments are dropped (`/a//b` is `a/b`): that makes every redirect built from
/// ``encodedPath`` start with exactly one `/`, so `//evil.example` can never become a
/// protocol-relative `Location`.
///
/// ```swift
/// let target = try RequestTarget(parsing: "/posts/hello%20world/?ref=feed")
/// target.segments           // ["posts", "hello world"]
/// target.hasTrailingSlash   // true
/// target.query              // "ref=feed"
/// target.encodedPath        // "/posts/hello%20world/"
/// ```
///
/// Refused (see ``RequestTargetError``): a missing leading `/`, a bad `%` escape, NUL,
/// backslashes (raw or `%5C`), `.` and `..` segments (raw or encoded), `%2F`, control
/// characters and raw spaces, invalid UTF-8 after decoding, paths over
/// ``maxPathLength`` bytes or targets over ``maxTargetLength``, and more than
/// ``maxSegments`` segments.
public struct RequestTarget: Equatable, Sendable {
    /// The longest raw path (before `?`) accepted, in bytes.
    public static let maxPathLength = 2048
    /// The longest raw target (path and query) accepted, in bytes.
    public static let maxTargetLength = 8192
    /// The most non-empty path segments accepted.
    public static let maxSegments = 64

    /// The decoded, non-empty path segments; empty for `/`.
    public let segments: [String]
    /// The raw query after the first `?`, still percent-encoded; `nil` when the target has
    /// no `?`, `""` when it ends with one.
    public let query: String?
    /// Whether the path ended with `/` (true for `/` itself).
    public let hasTrailingSlash: Bool
    /// The decoded path without leading or trailing slash (`posts/hello`), as the manifest
    /// stores paths; `""` for `/`.
    public let path: String
    /// The manifest path of the file a GET of this target names: ``path`` itself, or
    /// `path/index.html` when the target ends with `/` (`index.html` for `/`). Both are
    /// built once, here: the server component looks the page up twice per request.
    public let pagePath: String

    /// Parses and validates a raw request target.
    /// - Parameter raw: The path with query as the client sent it, e.g. `/a%20b/c?x=1`.
    public init(parsing raw: String) throws(RequestTargetError) {
        guard raw.utf8.count <= Self.maxTargetLength else { throw .tooLong }  // before copying it
        try self.init(parsing: Array(raw.utf8))
    }

    /// Parses and validates a raw request target given as bytes (as a host hands it over).
    /// - Parameter raw: The path with query as the client sent it.
    public init(parsing raw: [UInt8]) throws(RequestTargetError) {
        guard raw.count <= Self.maxTargetLength else { throw .tooLong }
        self = try Self.parse(raw)
    }

    /// Creates a target from already-decoded parts (for tests and other layers).
    /// - Parameters:
    ///   - segments: Decoded, non-empty segments.
    ///   - query: The raw query, if any.
    ///   - hasTrailingSlash: Whether the path ends with `/`.
    public init(segments: [String], query: String? = nil, hasTrailingSlash: Bool = false) {
        self.segments = segments
        self.query = query
        self.hasTrailingSlash = hasTrailingSlash || segments.isEmpty
        var path = segments.first ?? ""
        for segment in segments.dropFirst() { path = ASCII.join(path, "/", segment) }
        self.path = path
        pagePath = !self.hasTrailingSlash ? path : segments.isEmpty ? "index.html" : ASCII.join(path, "/index.html")
    }

    /// The canonical path, percent-encoded where needed, with one leading slash and the
    /// trailing slash kept: safe to put in a `Location` header.
    public var encodedPath: String {
        var bytes: [UInt8] = [UInt8(ascii: "/")]
        for (index, segment) in segments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "/")) }
            PercentEncoding.appendEncodedSegment(segment, to: &bytes)
        }
        if hasTrailingSlash && !segments.isEmpty { bytes.append(UInt8(ascii: "/")) }
        return ASCII.decode(bytes)
    }

    /// ``query`` with any non-ASCII bytes percent-encoded, safe for a `Location` header
    /// (parsing already refused control characters and spaces).
    public var encodedQuery: String? {
        guard let query else { return nil }
        var bytes: [UInt8] = []
        ASCII.withBytes(query) { utf8 in
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                if byte < 0x80 {
                    bytes.append(byte)
                } else {
                    PercentEncoding.appendEscape(byte, to: &bytes)
                }
            }
        }
        return ASCII.decode(bytes)
    }

    private static func parse(_ bytes: [UInt8]) throws(RequestTargetError) -> RequestTarget {
        guard let first = bytes.first, first == UInt8(ascii: "/") else { throw .notOriginForm }
        for byte in bytes where byte <= 0x20 || byte == 0x7F {
            throw .controlCharacter
        }
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?"))
        let pathEnd = queryStart ?? bytes.count
        guard pathEnd <= maxPathLength else { throw .tooLong }
        let path = bytes[0..<pathEnd]

        var segments: [String] = []
        var index = 0
        while let rawSegment = ASCII.nextPiece(of: path, separatedBy: UInt8(ascii: "/"), from: &index) {
            if rawSegment.isEmpty { continue }
            guard segments.count < maxSegments else { throw .tooManySegments }
            segments.append(try decodeSegment(rawSegment))
        }
        let query = queryStart.map { ASCII.decode(bytes[($0 + 1)...]) }
        return RequestTarget(segments: segments, query: query, hasTrailingSlash: path.last == UInt8(ascii: "/"))
    }

    private static func decodeSegment(_ raw: ArraySlice<UInt8>) throws(RequestTargetError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            var byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < raw.endIndex,
                    let high = ASCII.hexValue(raw[index + 1]), let low = ASCII.hexValue(raw[index + 2])
                else { throw .invalidPercentEscape }
                byte = high << 4 | low
                index += 3
                switch byte {
                case 0: throw .nulByte
                case UInt8(ascii: "/"): throw .encodedSlash
                default: break
                }
            } else {
                index += 1
            }
            if byte == UInt8(ascii: "\\") { throw .backslash }
            if byte < 0x20 || byte == 0x7F { throw .controlCharacter }
            decoded.append(byte)
        }
        if decoded == [UInt8(ascii: ".")] || decoded == [UInt8(ascii: "."), UInt8(ascii: ".")] { throw .dotSegment }
        guard UTF8Validation.isValid(decoded) else { throw .invalidUTF8 }
        // C1 controls (U+0080–U+009F) are C2 80–C2 9F in valid UTF-8.
        for index in decoded.indices.dropLast() where decoded[index] == 0xC2 && decoded[index + 1] < 0xA0 {
            throw .controlCharacter
        }
        return ASCII.decode(decoded)
    }
}

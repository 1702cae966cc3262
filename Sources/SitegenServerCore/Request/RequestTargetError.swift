/// Why a request target was refused.
///
/// Every case arises on the server while parsing what the client sent, and maps to a
/// 400 (Bad Request) or 414 (URI Too Long) response via ``status``.
public enum RequestTargetError: Error, Equatable, Sendable {
    /// The target does not start with `/` (absolute-form and `*` are not served here).
    case notOriginForm
    /// A `%` is not followed by two hexadecimal digits.
    case invalidPercentEscape
    /// The path contains `%00`.
    case nulByte
    /// The path contains `\`, raw or as `%5C`; some backends treat it as a separator.
    case backslash
    /// A segment is `.` or `..`, raw or percent-encoded.
    case dotSegment
    /// A segment contains `%2F`; no file name contains a slash.
    case encodedSlash
    /// The target contains a control character (C0, DEL or C1), a raw space, or the
    /// decoded path does.
    case controlCharacter
    /// The decoded path is not valid UTF-8 (including overlong forms such as `%C0%AE`).
    case invalidUTF8
    /// The path is longer than ``RequestTarget/maxPathLength`` bytes, or the whole
    /// target longer than ``RequestTarget/maxTargetLength``.
    case tooLong
    /// The path has more than ``RequestTarget/maxSegments`` segments.
    case tooManySegments

    /// The response status: 414 for ``tooLong`` and ``tooManySegments``, else 400.
    public var status: UInt16 {
        switch self {
        case .tooLong, .tooManySegments: return 414
        default: return 400
        }
    }

    /// One sentence for the error page. Never quotes the request, so the page cannot be
    /// used to reflect markup.
    public var reason: String {
        switch self {
        case .notOriginForm: return "The request target must be a path starting with '/'."
        case .invalidPercentEscape: return "The path contains a '%' that is not followed by two hexadecimal digits."
        case .nulByte: return "The path contains a NUL byte (%00)."
        case .backslash: return "The path contains a backslash; use '/' to separate segments."
        case .dotSegment: return "The path contains a '.' or '..' segment."
        case .encodedSlash: return "The path contains an encoded slash (%2F)."
        case .controlCharacter: return "The request target contains a control character or space."
        case .invalidUTF8: return "The decoded path is not valid UTF-8."
        case .tooLong: return "The request path is longer than 2048 bytes."
        case .tooManySegments: return "The request path has more than 64 segments."
        }
    }
}

/// Why ``AssetManifest/Builder/build()`` refused its entries.
///
/// Arises at build time, on the native side, from files the build step collected: a
/// duplicate or malformed path is a bug in that step rather than something a site author
/// typed, so these are plain cases with a ``message`` rather than located diagnostics.
public enum ManifestBuildError: Error, Equatable, Sendable {
    /// An entry has an empty path.
    case emptyPath
    /// A path starts with `/`; manifest paths are relative to the site root.
    case leadingSlash(path: String)
    /// Two entries have the same path.
    case duplicatePath(path: String)
    /// The path, content type or etag of an entry is longer than 65,535 bytes.
    case stringTooLong(path: String)
    /// A file (or a compressed variant of it) is larger than 1 TiB, the most a record holds.
    case fileTooLarge(path: String)
    /// An etag contains a byte that is not allowed inside a quoted entity tag.
    case invalidETag(path: String, etag: String)
    /// A content type is empty or contains a control or non-ASCII byte.
    case invalidContentType(path: String, contentType: String)
    /// The blob would exceed the format's 32-bit counts or heap offsets.
    case tooLarge

    /// A one-line description, lower case, no final period.
    public var message: String {
        switch self {
        case .emptyPath: return "asset manifest entry has an empty path"
        case .leadingSlash(let path): return "asset path '\(path)' starts with '/'; use a path relative to the site root"
        case .duplicatePath(let path): return "asset path '\(path)' appears twice in the manifest"
        case .stringTooLong(let path): return "asset '\(path)' has a path, content type or etag longer than 65535 bytes"
        case .fileTooLarge(let path):
            return "asset '\(path)' is larger than 1 TiB, more than the server component's manifest records; serve it from a CDN or object store"
        case .invalidETag(let path, let etag): return "asset '\(path)' has etag '\(etag)'; expected visible ASCII without '\"'"
        case .invalidContentType(let path, let contentType):
            return "asset '\(path)' has content type '\(contentType)'; expected visible ASCII, e.g. 'text/css'"
        case .tooLarge: return "asset manifest exceeds 4 GiB of strings or 2^32 entries"
        }
    }
}

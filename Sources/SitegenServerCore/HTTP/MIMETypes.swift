/// File extension → media type, for the build (which stores the type in the manifest)
/// and for the `Content-Type` header (which adds the charset for text).
///
/// ```swift
/// MIMETypes.contentType(forPath: "style.3f2a9c1b.css")  // "text/css"
/// MIMETypes.headerValue(for: "text/css")                 // "text/css; charset=utf-8"
/// ```
///
/// Lookups compare UTF-8 bytes ignoring ASCII case, so the Embedded build needs no
/// Unicode tables for them.
public enum MIMETypes {
    /// The type for unknown extensions.
    public static let defaultType = "application/octet-stream"

    /// The table, by lower-case extension. Sources: the IANA media type registry,
    /// RFC 9239 (`text/javascript`), RFC 8081 (fonts).
    static let table: [(ext: String, type: String)] = [
        ("html", "text/html"), ("htm", "text/html"),
        ("css", "text/css"),
        ("js", "text/javascript"), ("mjs", "text/javascript"),
        ("json", "application/json"), ("map", "application/json"),
        ("webmanifest", "application/manifest+json"),
        ("xml", "application/xml"), ("rss", "application/rss+xml"), ("atom", "application/atom+xml"),
        ("txt", "text/plain"), ("md", "text/markdown"), ("csv", "text/csv"),
        ("svg", "image/svg+xml"), ("png", "image/png"), ("jpg", "image/jpeg"), ("jpeg", "image/jpeg"),
        ("gif", "image/gif"), ("webp", "image/webp"), ("avif", "image/avif"), ("ico", "image/x-icon"),
        ("pdf", "application/pdf"),
        ("woff", "font/woff"), ("woff2", "font/woff2"), ("ttf", "font/ttf"), ("otf", "font/otf"),
        ("wasm", "application/wasm"),
        ("mp4", "video/mp4"), ("webm", "video/webm"), ("mp3", "audio/mpeg"), ("ogg", "audio/ogg"),
        ("zip", "application/zip"),
    ]

    /// The media type for a file extension (without the dot, any case), or
    /// ``defaultType``.
    /// - Parameter fileExtension: For example `css` or `WOFF2`.
    public static func contentType(forExtension fileExtension: String) -> String {
        for (ext, type) in table where ASCII.equalsIgnoringCase(ext, fileExtension) {
            return type
        }
        return defaultType
    }

    /// The media type for a path, by the extension of its last segment, or
    /// ``defaultType`` when it has none (`LICENSE`, `.well-known/x`, `dir/`).
    /// - Parameter path: A site path such as `posts/hello/index.html`.
    public static func contentType(forPath path: String) -> String {
        let bytes = Array(path.utf8)
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot > nameStart else { return defaultType }
        return contentType(forExtension: ASCII.decode(bytes[(dot + 1)...]))
    }

    /// Whether a media type is text that browsers should decode as UTF-8: `text/*`,
    /// JSON, XML and JavaScript types, and their `+json` / `+xml` suffixes (which covers
    /// SVG, RSS, Atom and web app manifests).
    /// - Parameter contentType: A media type without parameters.
    public static func isText(_ contentType: String) -> Bool { textKind(contentType).isText }

    /// The `Content-Type` header value: `contentType` plus `; charset=utf-8` for text
    /// types that do not already carry parameters.
    /// - Parameter contentType: A media type, e.g. `text/html`.
    public static func headerValue(for contentType: String) -> String {
        let kind = textKind(contentType)
        guard kind.isText, !kind.hasParameters else { return contentType }
        // Most responses are pages: their value is a literal, no string is built.
        return kind.isHTML ? "text/html; charset=utf-8" : ASCII.join(contentType, "; charset=utf-8")
    }

    /// What ``isText(_:)`` and ``headerValue(for:)`` need to know, read from the bytes in place.
    private static func textKind(_ contentType: String) -> (isText: Bool, hasParameters: Bool, isHTML: Bool) {
        var type = contentType  // `withUTF8`: on every response with a file
        return type.withUTF8 { textKind(bytes: $0) }
    }

    private static func textKind(bytes type: UnsafeBufferPointer<UInt8>) -> (isText: Bool, hasParameters: Bool, isHTML: Bool) {
        func hasPrefix(_ prefix: StaticString) -> Bool {
            type.count >= prefix.utf8CodeUnitCount && ASCII.equalsIgnoringCase(type[..<prefix.utf8CodeUnitCount], prefix)
        }
        func hasSuffix(_ suffix: StaticString) -> Bool {
            type.count >= suffix.utf8CodeUnitCount && ASCII.equalsIgnoringCase(type[(type.count - suffix.utf8CodeUnitCount)...], suffix)
        }
        func equals(_ other: StaticString) -> Bool { ASCII.equalsIgnoringCase(type[...], other) }
        let isText = hasPrefix("text/") || hasSuffix("+json") || hasSuffix("+xml")
            || equals("application/json") || equals("application/xml") || equals("application/javascript")
        return (isText, type.contains(UInt8(ascii: ";")), ASCII.equals(type, "text/html"))
    }
}

extension AssetManifest {
    /// One file of the built site, as the server needs to know it.
    ///
    /// The body itself lives in the backend (the component's embedded files or a key-value
    /// store) under ``path``; precompressed variants live under `<path>.gz` and `<path>.br`.
    public struct Entry: Equatable, Sendable {
        /// The site path without a leading slash, e.g. `posts/hello/index.html`.
        public var path: String
        /// The size in bytes of the identity (uncompressed) body.
        public var size: UInt64
        /// The media type without parameters, e.g. `text/css`; ``MIMETypes`` adds the
        /// charset when the header is written.
        public var contentType: String
        /// The opaque part of a strong entity tag, e.g. 16 hex digits; the `ETag` header
        /// carries it quoted.
        public var etag: String
        /// The file is fingerprinted (`style.3f2a9c1b.css`), so it can be cached forever.
        public var isImmutable: Bool
        /// The file is an HTML page, so caches must revalidate it.
        public var isHTML: Bool
        /// The size of `<path>.gz`, when the build wrote one.
        public var gzipSize: UInt64?
        /// The size of `<path>.br`, when the build wrote one.
        public var brotliSize: UInt64?
        /// The page has suspense boundaries, so the component streams it (`SiteData` has
        /// its sections); static files never touch the site data.
        public var isLive: Bool

        /// Creates an entry.
        /// - Parameters:
        ///   - path: The site path without a leading slash.
        ///   - size: The identity body size in bytes.
        ///   - contentType: The media type without parameters.
        ///   - etag: The unquoted strong entity tag.
        ///   - isImmutable: Whether the file name is fingerprinted.
        ///   - isHTML: Whether the file is a page; `nil` derives it from `contentType`.
        ///   - gzipSize: The size of the `.gz` variant, if any.
        ///   - brotliSize: The size of the `.br` variant, if any.
        public init(
            path: String, size: UInt64, contentType: String, etag: String,
            isImmutable: Bool = false, isHTML: Bool? = nil,
            gzipSize: UInt64? = nil, brotliSize: UInt64? = nil, isLive: Bool = false
        ) {
            self.path = path
            self.size = size
            self.contentType = contentType
            self.etag = etag
            self.isImmutable = isImmutable
            self.isHTML = isHTML ?? contentType.utf8.elementsEqual("text/html".utf8)
            self.gzipSize = gzipSize
            self.brotliSize = brotliSize
            self.isLive = isLive
        }

        /// Whether a precompressed variant exists, so responses must say
        /// `vary: accept-encoding`.
        public var hasVariants: Bool { gzipSize != nil || brotliSize != nil }
    }
}

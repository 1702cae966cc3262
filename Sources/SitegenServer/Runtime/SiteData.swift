import SitegenHTML

@_extern(c, "sitegen_site_data") func cSitegenSiteData(_ length: UnsafeMutablePointer<UInt32>) -> UnsafePointer<UInt8>?

/// What the build recorded for request time: server limits, the pages with suspense
/// boundaries, the site config templates see, and the island templates left to the
/// interpreter (IR).
///
/// Layout (`SiteDataBuilder.blob`): three JSON documents, each after its u32
/// little-endian length — the limits, the pages, the config — then `TemplateCodec` bytes.
/// `wasmtime serve` makes an instance per request, so each part is parsed when a request
/// first needs it: a server function reads the limits only (parsing all of it cost a call
/// about a million instructions).
struct SiteData {
    var loaderTimeoutMilliseconds = 10_000
    var maxBodyBytes = 64 * 1024
    var keyValueStore = ""
    var islandKeys: [[UInt8]] = []

    /// The limits, the key-value store and the island keys.
    static let current: SiteData = load()

    /// The pages with boundaries: their sections, by manifest path.
    static let streamedPages: [UTF8Key: [SuspendedSection]] = loadPages()

    /// What templates see beneath their own variables: `config`.
    static let globals: Object = loadGlobals()

    static func load() -> SiteData {
        var data = SiteData()
        guard let json = document(0) else { return data }
        data.loaderTimeoutMilliseconds = json["loader_timeout_ms"]?.intValue ?? data.loaderTimeoutMilliseconds
        data.maxBodyBytes = json["max_body_bytes"]?.intValue ?? data.maxBodyBytes
        data.keyValueStore = json["kv_store"]?.stringValue ?? ""
        data.islandKeys = (json["island_keys"]?.arrayValue ?? []).compactMap { $0.stringValue.map { Array($0.utf8) } }
        return data
    }

    static func loadPages() -> [UTF8Key: [SuspendedSection]] {
        var pages: [UTF8Key: [SuspendedSection]] = [:]
        for (path, list) in document(1)?.objectValue?.entries ?? [] {
            var sections: [SuspendedSection] = []
            for item in list.arrayValue ?? [] {
                sections.append(SuspendedSection(
                    id: item["id"]?.intValue ?? 0, loader: item["loader"]?.stringValue ?? "",
                    arguments: item["arguments"]?.objectValue ?? Object()))
            }
            pages[UTF8Key(path)] = sections
        }
        return pages
    }

    static func loadGlobals() -> Object {
        var globals = Object()
        globals["config"] = document(2) ?? .object(Object())
        return globals
    }

    /// The blob the build linked in (`sitegen_site_data`), in place.
    private static var blob: UnsafeBufferPointer<UInt8> {
        var length: UInt32 = 0
        guard let pointer = cSitegenSiteData(&length) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(length))
    }

    /// Where part `index` (0–2: a JSON document; 3: the template bytes) lies in the blob;
    /// nil when the blob is absent or corrupt.
    private static func range(of index: Int) -> Range<Int>? {
        let bytes = blob
        var start = 0
        for part in 0...index {
            if part == 3 { return start..<bytes.count }
            guard bytes.count - start >= 4 else { return nil }
            let length = Int(bytes[start]) | Int(bytes[start + 1]) << 8 | Int(bytes[start + 2]) << 16 | Int(bytes[start + 3]) << 24
            guard length <= bytes.count - start - 4 else { return nil }
            if part == index { return (start + 4)..<(start + 4 + length) }
            start += 4 + length
        }
        return nil
    }

    /// JSON document `index`, parsed; nil (and a log line) when it is missing or corrupt.
    private static func document(_ index: Int) -> Value? {
        guard !blob.isEmpty else { return nil }  // a site without functions links no site data
        guard let range = range(of: index) else {
            Log.error("site data is corrupt")
            return nil
        }
        do throws(JSONError) {
            return try JSON.parse(Array(blob[range]))
        } catch {
            Log.error("site data is corrupt: " + error.description)
            return nil
        }
    }

    /// An engine for the island templates the build left to the interpreter.
    static func makeEngine() -> TemplateEngine {
        var engine = TemplateEngine(library: TemplateLibrary(), globals: globals)
        do throws(TemplateError) {
            engine.library = TemplateLibrary(try TemplateCodec.decode(range(of: 3).map { Array(blob[$0]) } ?? []))
        } catch {
            Log.error("island templates are corrupt: " + error.message)
        }
        return engine
    }
}

import SitegenHTML

@_extern(c, "sitegen_site_data") func cSitegenSiteData(_ length: UnsafeMutablePointer<UInt32>) -> UnsafePointer<UInt8>?

/// What the build recorded for request time: server limits, the pages with suspense
/// boundaries, the site config templates see, and the island templates left to the
/// interpreter (IR).
///
/// Layout (`SiteDataBuilder.blob`): three parts, each after its u32 little-endian
/// length — the limits (JSON), the pages (per page: u32 path length, path, u32 JSON
/// length, its sections as JSON), the config (JSON) — then `TemplateCodec` bytes.
/// `wasmtime serve` makes an instance per request, so a request parses only what it
/// needs: a server function the limits, a streamed page its own sections. (Parsing all of
/// the blog's 3 KB of JSON cost a request about a million instructions.)
struct SiteData {
    var loaderTimeoutMilliseconds = 10_000
    var maxBodyBytes = 64 * 1024
    var keyValueStore = ""
    var islandKeys: [[UInt8]] = []

    /// The limits, the key-value store and the island keys.
    static let current: SiteData = load()

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

    /// The sections of the page at manifest path `path`, if it has boundaries. Reads the
    /// pages part in place and parses only that page's JSON.
    static func sections(forPage path: String) -> [SuspendedSection]? {
        guard let range = range(of: 1) else { return nil }
        let bytes = blob
        func u32(at offset: Int) -> Int? { length(in: bytes, at: offset, end: range.upperBound) }
        let wanted = Array(path.utf8)
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let pathLength = u32(at: offset), pathLength <= range.upperBound - offset - 4,
                  let jsonLength = u32(at: offset + 4 + pathLength), jsonLength <= range.upperBound - offset - 8 - pathLength else {
                Log.error("site data is corrupt")
                return nil
            }
            let pathStart = offset + 4, jsonStart = pathStart + pathLength + 4
            offset = jsonStart + jsonLength
            guard pathLength == wanted.count,
                  !(0..<pathLength).contains(where: { bytes[pathStart + $0] != wanted[$0] }) else { continue }
            do throws(JSONError) {
                let items = try JSON.parse(Array(bytes[jsonStart..<(jsonStart + jsonLength)])).arrayValue ?? []
                // Filled in place: `map` or `append` would bring the array's growth code along.
                return [SuspendedSection](unsafeUninitializedCapacity: items.count) { buffer, count in
                    for item in items {
                        (buffer.baseAddress! + count).initialize(to: SuspendedSection(
                            id: item["id"]?.intValue ?? 0, loader: item["loader"]?.stringValue ?? "",
                            arguments: item["arguments"]?.objectValue ?? Object()))
                        count += 1
                    }
                }
            } catch {
                Log.error(Text.join("site data is corrupt: ", error.description))
                return nil
            }
        }
        return nil
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

    /// Where part `index` (0–2: limits, pages, config; 3: the template bytes) lies in the blob;
    /// nil when the blob is absent or corrupt.
    private static func range(of index: Int) -> Range<Int>? {
        let bytes = blob
        var start = 0
        for part in 0...index {
            if part == 3 { return start..<bytes.count }
            guard let count = length(in: bytes, at: start, end: bytes.count), count <= bytes.count - start - 4 else { return nil }
            if part == index { return (start + 4)..<(start + 4 + count) }
            start += 4 + count
        }
        return nil
    }

    /// The u32 little-endian length at `offset`; nil when fewer than 4 bytes are left before `end`.
    private static func length(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Int? {
        guard end - offset >= 4 else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    /// JSON part `index` (0 or 2), parsed; nil (and a log line) when it is missing or corrupt.
    private static func document(_ index: Int) -> Value? {
        guard !blob.isEmpty else { return nil }  // a site without functions links no site data
        guard let range = range(of: index) else {
            Log.error("site data is corrupt")
            return nil
        }
        do throws(JSONError) {
            return try JSON.parse(Array(blob[range]))
        } catch {
            Log.error(Text.join("site data is corrupt: ", error.description))
            return nil
        }
    }

    /// An engine for the island templates the build left to the interpreter.
    static func makeEngine() -> TemplateEngine {
        var engine = TemplateEngine(library: TemplateLibrary(), globals: globals)
        do throws(TemplateError) {
            engine.library = TemplateLibrary(try TemplateCodec.decode(range(of: 3).map { Array(blob[$0]) } ?? []))
        } catch {
            Log.error(Text.join("island templates are corrupt: ", error.message))
        }
        return engine
    }
}

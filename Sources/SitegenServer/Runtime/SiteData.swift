import SitegenHTML
import SitegenServerCore

@_extern(c, "sitegen_site_data") func cSitegenSiteData(_ length: UnsafeMutablePointer<UInt32>) -> UnsafePointer<UInt8>?

/// What the build recorded for request time: server limits, the site config templates
/// see, and the island templates left to the interpreter (IR). Nothing per page: a
/// streamed page's sections are read from its shell (``StreamedPage/sections(inShell:)``).
///
/// Layout (`SiteDataBuilder.blob`): two parts, each after its u32 little-endian length —
/// the limits (JSON), the config (JSON) — then `TemplateCodec` bytes. `wasmtime serve`
/// makes an instance per request, so a request parses only what it needs: a server
/// function the limits, an island template the config.
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
        // Filled in place: `compactMap` would bring a list of lists' growth code along.
        let keys = json["island_keys"]?.arrayValue ?? []
        data.islandKeys = [[UInt8]](unsafeUninitializedCapacity: keys.count) { buffer, count in
            for key in keys {
                guard let text = key.stringValue else { continue }
                (buffer.baseAddress! + count).initialize(to: Array(text.utf8))
                count += 1
            }
        }
        return data
    }

    static func loadGlobals() -> Object {
        var globals = Object()
        globals["config"] = document(1) ?? .object(Object())
        return globals
    }

    /// The blob the build linked in (`sitegen_site_data`), in place.
    private static var blob: UnsafeBufferPointer<UInt8> {
        var length: UInt32 = 0
        guard let pointer = cSitegenSiteData(&length) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(length))
    }

    /// Where part `index` (0: limits, 1: config, 2: the template bytes) lies in the blob;
    /// nil when the blob is absent or corrupt.
    private static func range(of index: Int) -> Range<Int>? {
        let bytes = blob
        var start = 0
        for part in 0...index {
            if part == 2 { return start..<bytes.count }
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

    /// JSON part `index` (0 or 1), parsed; nil (and a log line) when it is missing or corrupt.
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
            engine.library = TemplateLibrary(try TemplateCodec.decode(range(of: 2).map { Array(blob[$0]) } ?? []))
        } catch {
            Log.error(Text.join("island templates are corrupt: ", error.message))
        }
        return engine
    }
}

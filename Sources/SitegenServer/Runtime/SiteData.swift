import SitegenHTML

@_extern(c, "sitegen_site_data") func cSitegenSiteData(_ length: UnsafeMutablePointer<UInt32>) -> UnsafePointer<UInt8>?

/// What the build recorded for request time: pages with suspense boundaries, the island
/// templates left to the interpreter (IR), the site config templates see, and server limits.
/// Layout: u32 little-endian JSON length, the JSON, then `TemplateCodec` bytes.
struct SiteData {
    var streamedPages: [UTF8Key: [SuspendedSection]] = [:]
    /// What templates see beneath their own variables: `config`.
    var globals = Object()
    /// The island templates left to the interpreter, as `TemplateCodec` bytes (decoded by
    /// ``makeEngine()`` only when the generated code installs the interpreter).
    var interpretedTemplates: [UInt8] = []
    var loaderTimeoutMilliseconds = 10_000
    var maxBodyBytes = 64 * 1024
    var keyValueStore = ""
    var islandKeys: [[UInt8]] = []

    static let current: SiteData = load()

    static func load() -> SiteData {
        var data = SiteData()
        var length: UInt32 = 0
        guard let pointer = cSitegenSiteData(&length), length >= 4 else { return data }
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: Int(length)))
        let jsonLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard jsonLength <= bytes.count - 4 else {
            Log.error("site data is corrupt")
            return data
        }
        do throws(JSONError) {
            let json = try JSON.parse(Array(bytes[4..<(4 + jsonLength)]))
            if let pages = json["pages"]?.objectValue {
                for (path, list) in pages.entries {
                    var sections: [SuspendedSection] = []
                    for item in list.arrayValue ?? [] {
                        sections.append(SuspendedSection(
                            id: item["id"]?.intValue ?? 0, loader: item["loader"]?.stringValue ?? "",
                            arguments: item["arguments"]?.objectValue ?? Object()))
                    }
                    data.streamedPages[UTF8Key(path)] = sections
                }
            }
            data.loaderTimeoutMilliseconds = json["loader_timeout_ms"]?.intValue ?? data.loaderTimeoutMilliseconds
            data.maxBodyBytes = json["max_body_bytes"]?.intValue ?? data.maxBodyBytes
            data.keyValueStore = json["kv_store"]?.stringValue ?? ""
            data.islandKeys = (json["island_keys"]?.arrayValue ?? []).compactMap { $0.stringValue.map { Array($0.utf8) } }
            data.globals["config"] = json["config"] ?? .object(Object())
        } catch {
            Log.error("site data is corrupt: " + error.description)
        }
        data.interpretedTemplates = Array(bytes[(4 + jsonLength)...])
        return data
    }

    /// An engine for the island templates the build left to the interpreter.
    func makeEngine() -> TemplateEngine {
        var engine = TemplateEngine(library: TemplateLibrary(), globals: globals)
        do throws(TemplateError) {
            engine.library = TemplateLibrary(try TemplateCodec.decode(interpretedTemplates))
        } catch {
            Log.error("island templates are corrupt: " + error.message)
        }
        return engine
    }
}

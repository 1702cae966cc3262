import SitegenHTML

/// The host's key-value store (`wasi:keyvalue@0.2.0-draft`, or `0.2.0-draft2` for Spin:
/// `WASI/Imports+KeyValue*.swift`): where server functions keep state. The component
/// itself keeps none, so any number of instances and hosts can serve a site.
///
/// Hosts differ in which stores they offer (wasmtime's in-memory store answers only the
/// empty identifier), so sitegen opens one host store (`[server] kv_store`, default
/// `""`) and gives each logical bucket its own key prefix: `likes` keys are stored as
/// `likes.<key>`. The separator is a dot because file-backed stores (`wash dev` with
/// `wasi_keyvalue_path`) map a key to a file name, where a slash would need a folder
/// nobody made (and `../` in a key would leave the store): keys with a slash or a
/// control character are refused.
public enum KeyValue {
    /// Opens a logical bucket by name (`likes`, `comments`).
    public static func open(_ name: String) throws(FunctionError) -> Bucket {
        Text.withBytes(storeIdentifier) { wasiKeyValueOpen($0.baseAddress, Int32($0.count), ABI.returnArea) }
        if ABI.u8(0) == 0 { return Bucket(handle: ABI.i32(4), prefix: Text.join(name, ".")) }
        throw KeyValue.error(at: 4, doing: Text.join("open the store for bucket '", name, "'"))
    }

    /// The host store's identifier, from the site data.
    static var storeIdentifier: String { SiteData.current.keyValueStore }

    /// The `error` variant at `offset` of the return area, as a server error.
    static func error(at offset: Int, doing what: String) -> FunctionError {
        switch ABI.u8(offset) {
        case 0: return .server(Text.join("key-value: no such store (", what, ")"))
        case 1: return .server(Text.join("key-value: access denied (", what, ")"))
        default:
            let text = Text.decode(ABI.takeBytes(ABI.i32(offset + 4), ABI.i32(offset + 8)))
            return .server(Text.join(Text.join("key-value: ", text, " (", what), ")"))
        }
    }
}

/// One key-value bucket.
public final class Bucket {
    let handle: Int32
    /// `<bucket name>.`, put before every key.
    let prefix: String

    init(handle: Int32, prefix: String) {
        self.handle = handle
        self.prefix = prefix
    }
    deinit { wasiBucketDrop(handle) }

    /// The host store's key for `key`: the bucket prefix + `key`, which must be
    /// non-empty, at most 512 bytes, without `/` or control characters.
    func storeKey(_ key: String) throws(FunctionError) -> String {
        var valid = !key.isEmpty && key.utf8.count <= 512
        if valid { Text.withBytes(key) { valid = $0.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "/") } } }
        guard valid else {
            throw .badRequest(Text.join("the key-value key '", key, "' is not allowed: use 1 to 512 bytes without '/' or control characters"))
        }
        return prefix + key
    }

    /// The value of `key`, if set.
    public func get(_ key: String) throws(FunctionError) -> [UInt8]? {
        let key = try storeKey(key)
        Text.withBytes(key) { wasiBucketGet(handle, $0.baseAddress, Int32($0.count), ABI.returnArea) }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 4, doing: Text.join("get '", key, "'")) }
        guard ABI.u8(4) == 1 else { return nil }
        return ABI.takeBytes(ABI.i32(8), ABI.i32(12))
    }

    /// The value of `key` as text.
    public func string(_ key: String) throws(FunctionError) -> String? {
        try get(key).map { Text.decode($0) }
    }

    /// The value of `key` as JSON.
    public func json(_ key: String) throws(FunctionError) -> Value? {
        guard let bytes = try get(key) else { return nil }
        do throws(JSONError) {
            return try JSON.parse(bytes)
        } catch {
            throw .server(Text.join("key-value: '", key, "' holds invalid JSON: ", error.description))
        }
    }

    /// Sets `key` to `value`.
    public func set(_ key: String, _ value: [UInt8]) throws(FunctionError) {
        let key = try storeKey(key)
        Text.withBytes(key) { k in
            value.withUnsafeBytes { v in wasiBucketSet(handle, k.baseAddress, Int32(k.count), v.baseAddress, Int32(v.count), ABI.returnArea) }
        }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 4, doing: Text.join("set '", key, "'")) }
    }

    /// Sets `key` to a JSON value.
    public func set(_ key: String, json value: Value) throws(FunctionError) {
        try set(key, Array(JSON.serialize(value).utf8))
    }

    /// Removes `key`.
    public func delete(_ key: String) throws(FunctionError) {
        let key = try storeKey(key)
        Text.withBytes(key) { wasiBucketDelete(handle, $0.baseAddress, Int32($0.count), ABI.returnArea) }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 4, doing: Text.join("delete '", key, "'")) }
    }

    /// Whether `key` is set.
    public func exists(_ key: String) throws(FunctionError) -> Bool {
        let key = try storeKey(key)
        Text.withBytes(key) { wasiBucketExists(handle, $0.baseAddress, Int32($0.count), ABI.returnArea) }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 4, doing: Text.join("exists '", key, "'")) }
        return ABI.u8(4) == 1
    }

    /// Every key, following the store's cursor.
    public func keys() throws(FunctionError) -> [String] {
        var keys: [String] = []
        var cursor: KeyCursor? = nil
        repeat {
            let page = try keyPage(after: cursor)
            for bytes in page.keys where bytes.starts(with: prefix.utf8) {
                keys.append(Text.decode(bytes.dropFirst(prefix.utf8.count)))
            }
            cursor = page.next
        } while cursor != nil
        return keys
    }

    /// Atomically adds `delta` to the number stored at `key` (0 when unset); returns the new value.
    ///
    /// The number is the store's own (Spin keeps an 8-byte little-endian integer), so read
    /// it with `increment(key, by: 0)`, not `get`. On Spin (`0.2.0-draft2`, signed 64-bit)
    /// a delta or count above `Int64.max` wraps.
    @discardableResult
    public func increment(_ key: String, by delta: UInt64 = 1) throws(FunctionError) -> UInt64 {
        let key = try storeKey(key)
        Text.withBytes(key) { wasiAtomicsIncrement(handle, $0.baseAddress, Int32($0.count), Int64(bitPattern: delta), ABI.returnArea) }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 8, doing: Text.join("increment '", key, "'")) }
        return ABI.u64(8)
    }
}

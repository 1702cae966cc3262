#if !SITEGEN_KEYVALUE_DRAFT2
// wasi:keyvalue@0.2.0-draft (wit/deps/keyvalue): what `wasmtime serve -S keyvalue` and
// wasmCloud link. Spin links 0.2.0-draft2 instead (Imports+KeyValueDraft2.swift); the host
// profile picks one file at build time (`-D SITEGEN_KEYVALUE_DRAFT2` with the world
// `site-spin`), because a component links only if every import has the host's exact version
// and types. `KeyValue` and `Bucket` (API/KeyValue.swift) are the same for both.

/// `result<own<bucket>, error>`: u8 at 0; handle at 4, or the error's u8 at 4 and its `other` string at 8/12.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "open")
@_extern(c) func wasiKeyValueOpen(_ name: UnsafeRawPointer?, _ length: Int32, _ ret: UnsafeMutableRawPointer)

/// `result<option<list<u8>>, error>`: u8 at 0, option u8 at 4, list at 8/12.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[method]bucket.get")
@_extern(c) func wasiBucketGet(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[method]bucket.set")
@_extern(c) func wasiBucketSet(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ value: UnsafeRawPointer?, _ valueLength: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[method]bucket.delete")
@_extern(c) func wasiBucketDelete(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

/// `result<bool, error>`: u8 at 0, bool u8 at 4.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[method]bucket.exists")
@_extern(c) func wasiBucketExists(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

/// `list-keys: func(cursor: option<u64>) -> result<key-response, error>`. The option
/// flattens to (is-some, u64). The result is 8-aligned (the cursor's u64): u8 at 0; keys
/// list at 8/12; cursor option u8 at 16, u64 at 24; an error at 8 (u8) and 12/16 (string).
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[method]bucket.list-keys")
@_extern(c) func wasiBucketListKeys(_ bucket: Int32, _ hasCursor: Int32, _ cursor: Int64, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft", name: "[resource-drop]bucket")
@_extern(c) func wasiBucketDrop(_ bucket: Int32)

/// `increment: func(bucket: borrow<bucket>, key: string, delta: u64) -> result<u64, error>`:
/// u8 at 0, u64 at 8 (an error at 8 and 12/16).
@_extern(wasm, module: "wasi:keyvalue/atomics@0.2.0-draft", name: "increment")
@_extern(c) func wasiAtomicsIncrement(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ delta: Int64, _ ret: UnsafeMutableRawPointer)

/// Where `list-keys` continues: an opaque `u64` in this draft.
typealias KeyCursor = UInt64

extension Bucket {
    /// One page of `list-keys`: host store keys (every bucket's, prefixes included) and the
    /// cursor of the next page, nil after the last.
    func keyPage(after cursor: KeyCursor?) throws(FunctionError) -> (keys: [[UInt8]], next: KeyCursor?) {
        wasiBucketListKeys(handle, cursor == nil ? 0 : 1, Int64(bitPattern: cursor ?? 0), ABI.returnArea)
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 8, doing: "list keys") }
        let list = ABI.i32(8), count = ABI.i32(12)
        let next: KeyCursor? = ABI.u8(16) == 1 ? ABI.u64(24) : nil
        return (ABI.takeStringList(list, count), next)
    }
}
#endif

#if SITEGEN_KEYVALUE_DRAFT2
// wasi:keyvalue@0.2.0-draft2 (wit/deps/keyvalue-draft2): what Spin links (`sitegen build
// --host-profile spin`, world `site-spin`). Against 0.2.0-draft (Imports+KeyValue.swift),
// only `list-keys` changes its core signature (the cursor is an `option<string>`);
// `increment` takes and returns `s64` instead of `u64`, which lowers to the same i64 and
// the same 8-aligned result. `open`, `get`, `set`, `delete`, `exists` and the `error`
// variant are the same types under a new interface version.

/// `result<own<bucket>, error>`: u8 at 0; handle at 4, or the error's u8 at 4 and its `other` string at 8/12.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "open")
@_extern(c) func wasiKeyValueOpen(_ name: UnsafeRawPointer?, _ length: Int32, _ ret: UnsafeMutableRawPointer)

/// `result<option<list<u8>>, error>`: u8 at 0, option u8 at 4, list at 8/12.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[method]bucket.get")
@_extern(c) func wasiBucketGet(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[method]bucket.set")
@_extern(c) func wasiBucketSet(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ value: UnsafeRawPointer?, _ valueLength: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[method]bucket.delete")
@_extern(c) func wasiBucketDelete(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

/// `result<bool, error>`: u8 at 0, bool u8 at 4.
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[method]bucket.exists")
@_extern(c) func wasiBucketExists(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ ret: UnsafeMutableRawPointer)

/// `list-keys: func(cursor: option<string>) -> result<key-response, error>`. The option
/// flattens to (is-some, pointer, length). The result is 4-aligned (nothing wider than a
/// pointer): u8 at 0; keys list at 4/8; cursor option u8 at 12, string at 16/20; an error
/// at 4 (u8) and 8/12 (string).
@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[method]bucket.list-keys")
@_extern(c) func wasiBucketListKeys(_ bucket: Int32, _ hasCursor: Int32, _ cursor: UnsafeRawPointer?, _ cursorLength: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:keyvalue/store@0.2.0-draft2", name: "[resource-drop]bucket")
@_extern(c) func wasiBucketDrop(_ bucket: Int32)

/// `increment: func(bucket: borrow<bucket>, key: string, delta: s64) -> result<s64, error>`:
/// u8 at 0, s64 at 8 (an error at 8 and 12/16). `Bucket.increment` passes and returns the
/// bit pattern of its `UInt64`.
@_extern(wasm, module: "wasi:keyvalue/atomics@0.2.0-draft2", name: "increment")
@_extern(c) func wasiAtomicsIncrement(_ bucket: Int32, _ key: UnsafeRawPointer?, _ keyLength: Int32, _ delta: Int64, _ ret: UnsafeMutableRawPointer)

/// Where `list-keys` continues: an opaque string in this draft (Spin never returns one:
/// its stores answer every key at once and refuse a cursor).
typealias KeyCursor = [UInt8]

extension Bucket {
    /// One page of `list-keys`: host store keys (every bucket's, prefixes included) and the
    /// cursor of the next page, nil after the last.
    func keyPage(after cursor: KeyCursor?) throws(FunctionError) -> (keys: [[UInt8]], next: KeyCursor?) {
        if let cursor {
            cursor.withUnsafeBytes { wasiBucketListKeys(handle, 1, $0.baseAddress, Int32($0.count), ABI.returnArea) }
        } else {
            wasiBucketListKeys(handle, 0, nil, 0, ABI.returnArea)
        }
        guard ABI.u8(0) == 0 else { throw KeyValue.error(at: 4, doing: "list keys") }
        let list = ABI.i32(4), count = ABI.i32(8)
        // The host allocated the cursor with our cabi_realloc: copy it and free it.
        let next: KeyCursor? = ABI.u8(12) == 1 ? ABI.takeBytes(ABI.i32(16), ABI.i32(20)) : nil
        return (ABI.takeStringList(list, count), next)
    }
}
#endif

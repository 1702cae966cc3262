import WasmKit

/// `wasi:keyvalue/store` and `atomics` @0.2.0-draft over `KeyValueStore`.
///
/// Error layout (`variant error { no-such-store, access-denied, other(string) }`): u8 at
/// the payload offset, the string at +4/+8 from there.
extension HostFunction {
    static let keyValue: [HostFunction] = [
        // open(identifier) -> result<bucket, error>: u8 at 0; handle or error at 4.
        procedure(WASIModule.keyValueStore, "open", [.i32, .i32, .i32]) { host, a in
            let identifier = try host.guestMemory.string(a.i32(0), a.i32(1))
            do {
                let store = try KeyValueStore.open(root: host.configuration.keyValueRoot, identifier: identifier)
                try host.storeResultHandle(host.table.insert(.bucket(KeyValueBucket(store: store))), at: a.i32(2))
            } catch {
                try host.storeKeyValueError(error, at: a.i32(2), payload: 4)
            }
        },
        // get(key) -> result<option<list<u8>>, error>: u8 at 0; option u8 at 4, list at 8/12.
        procedure(WASIModule.keyValueStore, "[method]bucket.get", [.i32, .i32, .i32, .i32]) { host, a in
            try host.keyValue(a, key: 1, ret: 3, payload: 4) { store, key, ret in
                guard let value = try store.get(key) else { return try host.guestMemory.storeU8(0, at: ret + 4) }
                try host.guestMemory.storeU8(1, at: ret + 4)
                try host.storeList(try host.lower(value), at: ret + 8)
            }
        },
        procedure(WASIModule.keyValueStore, "[method]bucket.set", [.i32, .i32, .i32, .i32, .i32, .i32]) { host, a in
            let value = try host.guestMemory.bytes(a.i32(3), a.i32(4))
            try host.keyValue(a, key: 1, ret: 5, payload: 4) { store, key, _ in try store.set(key, value) }
        },
        procedure(WASIModule.keyValueStore, "[method]bucket.delete", [.i32, .i32, .i32, .i32]) { host, a in
            try host.keyValue(a, key: 1, ret: 3, payload: 4) { store, key, _ in try store.delete(key) }
        },
        // exists(key) -> result<bool, error>: u8 at 0, bool at 4.
        procedure(WASIModule.keyValueStore, "[method]bucket.exists", [.i32, .i32, .i32, .i32]) { host, a in
            try host.keyValue(a, key: 1, ret: 3, payload: 4) { store, key, ret in
                try host.guestMemory.storeU8(try store.exists(key) ? 1 : 0, at: ret + 4)
            }
        },
        // list-keys(option<u64>) -> result<key-response, error> (8-aligned): u8 at 0; keys at
        // 8/12 (list<string>, 8 bytes per entry); cursor option u8 at 16, u64 at 24.
        procedure(WASIModule.keyValueStore, "[method]bucket.list-keys", [.i32, .i32, .i64, .i32]) { host, a in
            let store = try host.table.bucket(a.i32(0)).store
            let memory = try host.guestMemory
            let ret = a.i32(3)
            let keys = store.keys()
            let start = a.i32(1) != 0 ? Int(min(a.u64(2), UInt64(keys.count))) : 0
            let page = Array(keys[start...])
            let base = try host.allocate(page.count * 8, align: 4)
            for (i, key) in page.enumerated() { try host.storeList(try host.lower(Array(key.utf8)), at: base + Int32(i * 8)) }
            try memory.storeU8(0, at: ret)
            try host.storeList((base, Int32(page.count)), at: ret + 8)
            try memory.storeU8(0, at: ret + 16)
        },
        drop(WASIModule.keyValueStore, "bucket"),
        // increment(bucket, key, delta) -> result<u64, error>: u8 at 0; u64 (or error) at 8.
        procedure(WASIModule.keyValueAtomics, "increment", [.i32, .i32, .i32, .i64, .i32]) { host, a in
            let delta = a.u64(3)
            try host.keyValue(a, key: 1, ret: 4, payload: 8) { store, key, ret in
                try host.guestMemory.storeU64(try store.increment(key, by: delta), at: ret + 8)
            }
        },
    ]
}

extension WASIHost {
    /// Runs a bucket operation: argument 0 is the bucket, `key` the index of the key's
    /// (pointer, length), `ret` the return area. Success stores u8 0 at the return area
    /// before `body` fills the payload; a thrown store error becomes `error::other`.
    func keyValue(_ a: HostFunction.Arguments, key: Int, ret: Int, payload: Int32,
                  _ body: (KeyValueStore, String, Int32) throws -> Void) throws {
        let store = try table.bucket(a.i32(0)).store
        let name = try guestMemory.string(a.i32(key), a.i32(key + 1))
        let address = a.i32(ret)
        do {
            try guestMemory.storeU8(0, at: address)
            try body(store, name, address)
        } catch let error as KeyValueStoreError {
            try storeKeyValueError(error, at: address, payload: payload)
        }
    }

    func storeKeyValueError(_ error: any Error, at address: Int32, payload: Int32) throws {
        try guestMemory.storeU8(1, at: address)
        try guestMemory.storeU8(2, at: address + payload)  // other(string)
        try storeList(try lower(Array(String(describing: error).utf8)), at: address + payload + 4)
    }
}

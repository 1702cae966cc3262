import Foundation

/// The preview's `wasi:keyvalue` store: one folder per store identifier under
/// `<site>/.sitegen/kv/`, one file per key.
///
/// ```
/// .sitegen/kv/default/likes.hello-world       "3"
/// .sitegen/kv/default/comments.hello-world    [{"name":"Ada","text":"…"}]
/// ```
/// The identifier `""` (sitegen's default, `[server] kv_store`) is the folder
/// `default`. A file name is the key with every byte outside `A-Z a-z 0-9 - _ .`
/// written as `%XX` (a leading `.` too), so any key maps to one file and the folder
/// reads like the bucket. Values are the raw bytes; `increment` keeps decimal text, as
/// wasmtime's in-memory store does, so a counter looks the same under both hosts.
/// Writes go to a temporary file renamed into place: a killed preview never leaves
/// half a value. The data survives restarts; delete the folder to start afresh.
final class KeyValueStore: @unchecked Sendable {
    let directory: String
    private let lock = NSLock()

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: KeyValueStore] = [:]

    private init(directory: String) {
        self.directory = directory
    }

    /// The store for `identifier` under `root` (one object per folder, so all
    /// instances share its lock).
    static func open(root: String, identifier: String) throws -> KeyValueStore {
        let name = identifier.isEmpty ? "default" : fileName(forKey: identifier)
        let directory = root + "/" + name
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return registryLock.withLock {
            if let store = registry[directory] { return store }
            let store = KeyValueStore(directory: directory)
            registry[directory] = store
            return store
        }
    }

    func get(_ key: String) throws -> [UInt8]? {
        let path = try self.path(key)
        return lock.withLock { FileManager.default.contents(atPath: path).map { Array($0) } }
    }

    func set(_ key: String, _ value: [UInt8]) throws {
        let path = try self.path(key)
        try lock.withLock { try write(value, to: path) }
    }

    func delete(_ key: String) throws {
        let path = try self.path(key)
        lock.withLock { try? FileManager.default.removeItem(atPath: path) }
    }

    func exists(_ key: String) throws -> Bool {
        let path = try self.path(key)
        return lock.withLock { FileManager.default.fileExists(atPath: path) }
    }

    /// Every key, sorted (one page: the cursor is always `none`).
    func keys() -> [String] {
        lock.withLock {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter { !$0.hasPrefix(".") }.compactMap(Self.key(fromFileName:)).sorted()
        }
    }

    /// Adds `delta` to the decimal number at `key` (0 when unset) and returns the sum.
    func increment(_ key: String, by delta: UInt64) throws -> UInt64 {
        let path = try self.path(key)
        return try lock.withLock {
            var current: UInt64 = 0
            if let data = FileManager.default.contents(atPath: path) {
                guard let value = UInt64(String(decoding: data, as: UTF8.self)) else {
                    throw KeyValueStoreError("the value at '\(key)' is not a decimal number")
                }
                current = value
            }
            let (sum, overflow) = current.addingReportingOverflow(delta)
            guard !overflow else { throw KeyValueStoreError("incrementing '\(key)' overflows a u64") }
            try write(Array(String(sum).utf8), to: path)
            return sum
        }
    }

    private func write(_ value: [UInt8], to path: String) throws {
        let temporary = directory + "/.tmp-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: temporary, contents: Data(value)) else {
            throw KeyValueStoreError("cannot write to \(directory)")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw KeyValueStoreError("cannot write to \(directory)")
        }
    }

    private func path(_ key: String) throws -> String {
        let name = Self.fileName(forKey: key)
        guard name.utf8.count <= 240 else { throw KeyValueStoreError("the key '\(key.prefix(40))…' is too long for the preview store") }
        return directory + "/" + name
    }

    // MARK: File names

    static func fileName(forKey key: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for (i, byte) in key.utf8.enumerated() {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x2D || byte == 0x5F || (byte == 0x2E && i > 0)
            if safe {
                out.append(byte)
            } else {
                out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func key(fromFileName name: String) -> String? {
        var out: [UInt8] = []
        var bytes = name.utf8[...]
        while let byte = bytes.popFirst() {
            if byte == 0x25 {
                guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                out.append(value)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A store operation failed; the guest gets `error::other(message)`.
struct KeyValueStoreError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

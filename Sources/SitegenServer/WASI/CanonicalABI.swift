import SitegenHTML

/// Helpers for values crossing the component boundary in canonical-ABI layout.
///
/// Lists and strings the host returns live in memory it obtained from our
/// `cabi_realloc` (malloc); we copy them into Swift arrays and `free` them at once,
/// so a reused instance does not grow.
enum ABI {
    /// One return area, reused by every call: calls never overlap (single-threaded
    /// guest, and no import calls back into us).
    /// 64 bytes, 8-aligned, in the C shim.
    static var returnArea: UnsafeMutableRawPointer { cReturnArea() }

    static func u8(_ offset: Int) -> UInt8 { returnArea.load(fromByteOffset: offset, as: UInt8.self) }
    static func i32(_ offset: Int) -> Int32 { returnArea.load(fromByteOffset: offset, as: Int32.self) }
    static func u64(_ offset: Int) -> UInt64 { returnArea.load(fromByteOffset: offset, as: UInt64.self) }

    /// Takes ownership of a `(ptr, len)` byte list the host wrote: copies it and frees it.
    static func takeBytes(_ pointer: Int32, _ count: Int32) -> [UInt8] {
        guard count > 0, let p = UnsafeMutableRawPointer(bitPattern: Int(pointer)) else { return [] }
        let bytes = Array(UnsafeRawBufferPointer(start: p, count: Int(count)))
        cFree(p)
        return bytes
    }

    /// Takes a `list<string>` (8 bytes each: pointer, length) and frees it and its strings.
    static func takeStringList(_ pointer: Int32, _ count: Int32) -> [[UInt8]] {
        guard count > 0, let base = UnsafeMutableRawPointer(bitPattern: Int(pointer)) else { return [] }
        var result: [[UInt8]] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            result.append(takeBytes(base.load(fromByteOffset: i * 8, as: Int32.self), base.load(fromByteOffset: i * 8 + 4, as: Int32.self)))
        }
        cFree(base)
        return result
    }

    /// Takes a list of `tuple<string, list<u8>>` (16 bytes each) as strings (a value that
    /// is not UTF-8 gets U+FFFD for its bad bytes), and frees it and its parts.
    static func takeFieldList(_ pointer: Int32, _ count: Int32) -> [(String, String)] {
        guard count > 0, let base = UnsafeMutableRawPointer(bitPattern: Int(pointer)) else { return [] }
        func take(_ entry: UnsafeMutableRawPointer, _ offset: Int) -> String {
            let length = Int(entry.load(fromByteOffset: offset + 4, as: Int32.self))
            guard length > 0, let bytes = UnsafeMutableRawPointer(bitPattern: Int(entry.load(fromByteOffset: offset, as: Int32.self))) else { return "" }
            let text = Text.decode(UnsafeRawBufferPointer(start: bytes, count: length))
            cFree(bytes)
            return text
        }
        var result: [(String, String)] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            let entry = base + i * 16
            result.append((take(entry, 0), take(entry, 8)))
        }
        cFree(base)
        return result
    }
}

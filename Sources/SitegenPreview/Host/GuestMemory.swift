import WasmKit

/// Why a host function refused a guest call. Thrown out of a host function, it ends
/// the guest's `handle` call like a trap: the request gets a 500 and the instance is
/// discarded.
struct HostError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Bounds-checked access to a guest's linear memory.
///
/// WasmKit's `Memory.withUnsafe*BufferPointer` fails a precondition on an
/// out-of-bounds range, which would take the whole preview server down. Every
/// pointer a guest hands the host is checked against the current size first (the
/// size can change between calls: `memory.grow`), and a bad one throws instead.
struct GuestMemory {
    let memory: Memory

    /// `pointer..<pointer+count` as host offsets, or a thrown `HostError`.
    private func range(_ pointer: UInt32, _ count: Int) throws -> UInt {
        guard count >= 0, Int(pointer) + count <= memory.byteCount else {
            throw HostError("guest memory access out of bounds: \(count) bytes at \(pointer) (memory is \(memory.byteCount) bytes)")
        }
        return UInt(pointer)
    }

    /// A copy of `count` bytes at `pointer` (both as the guest passed them, i32).
    func bytes(_ pointer: Int32, _ count: Int32) throws -> [UInt8] {
        let length = Int(UInt32(bitPattern: count))
        guard length > 0 else { return [] }
        let offset = try range(UInt32(bitPattern: pointer), length)
        return memory.withUnsafeBufferPointer(offset: offset, count: length) { Array($0) }
    }

    /// The UTF-8 text at `pointer` (invalid sequences are repaired, as a host would).
    func string(_ pointer: Int32, _ count: Int32) throws -> String {
        String(decoding: try bytes(pointer, count), as: UTF8.self)
    }

    func u8(_ pointer: Int32) throws -> UInt8 {
        let offset = try range(UInt32(bitPattern: pointer), 1)
        return memory.withUnsafeBufferPointer(offset: offset, count: 1) { $0[0] }
    }

    func u32(_ pointer: Int32) throws -> UInt32 {
        let offset = try range(UInt32(bitPattern: pointer), 4)
        return memory.withUnsafeBufferPointer(offset: offset, count: 4) { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    func write(_ bytes: [UInt8], at pointer: Int32) throws {
        guard !bytes.isEmpty else { return }
        let offset = try range(UInt32(bitPattern: pointer), bytes.count)
        memory.withUnsafeMutableBufferPointer(offset: offset, count: bytes.count) { buffer in
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
    }

    func storeU8(_ value: UInt8, at pointer: Int32) throws {
        try write([value], at: pointer)
    }

    func storeU32(_ value: UInt32, at pointer: Int32) throws {
        let offset = try range(UInt32(bitPattern: pointer), 4)
        memory.withUnsafeMutableBufferPointer(offset: offset, count: 4) { $0.storeBytes(of: value.littleEndian, as: UInt32.self) }
    }

    func storeI32(_ value: Int32, at pointer: Int32) throws {
        try storeU32(UInt32(bitPattern: value), at: pointer)
    }

    func storeU64(_ value: UInt64, at pointer: Int32) throws {
        let offset = try range(UInt32(bitPattern: pointer), 8)
        memory.withUnsafeMutableBufferPointer(offset: offset, count: 8) { $0.storeBytes(of: value.littleEndian, as: UInt64.self) }
    }
}

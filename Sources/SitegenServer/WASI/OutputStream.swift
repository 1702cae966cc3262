/// A `wasi:io/streams.output-stream` that obeys `check-write`: it never writes more
/// than the host allows, and when the host allows nothing it waits on the stream's
/// pollable through the executor instead of blocking the whole guest.
final class OutputStream {
    let handle: Int32
    private(set) var failed = false

    init(handle: Int32) {
        self.handle = handle
    }

    /// Bytes the host accepts now; nil when the stream is closed or failed.
    func capacity() -> UInt64? {
        wasiOutputStreamCheckWrite(handle, ABI.returnArea)
        if ABI.u8(0) == 0 { return ABI.u64(8) }
        if ABI.u8(8) == 0 { wasiErrorDrop(ABI.i32(12)) }
        failed = true
        return nil
    }

    /// Writes all of `bytes`, then calls `done(true)`; `done(false)` if the client went away.
    func write(_ bytes: [UInt8], on executor: Executor, done: @escaping (Bool) -> Void) {
        write(bytes, from: 0, on: executor, done: done)
    }

    private func write(_ bytes: [UInt8], from start: Int, on executor: Executor, done: @escaping (Bool) -> Void) {
        var offset = start
        while offset < bytes.count {
            guard let allowed = capacity() else { return done(false) }
            if allowed == 0 {
                let pollable = wasiOutputStreamSubscribe(handle)
                executor.wait(on: pollable) { self.write(bytes, from: offset, on: executor, done: done) }
                return
            }
            let n = Int(min(allowed, UInt64(bytes.count - offset)))
            let ok = bytes.withUnsafeBytes { buffer -> Bool in
                wasiOutputStreamWrite(handle, buffer.baseAddress! + offset, Int32(n), ABI.returnArea)
                return ABI.u8(0) == 0
            }
            guard ok else {
                failed = true
                return done(false)
            }
            offset += n
        }
        done(true)
    }

    /// Writes `bytes` (at most 4096, the most `blocking-write-and-flush` takes) and waits
    /// until the host took them: one host call for what `write` does with three. For a
    /// whole small response only, where nothing else in the guest waits meanwhile.
    func writeAndFlush(_ bytes: UnsafeRawBufferPointer) -> Bool {
        wasiOutputStreamBlockingWriteAndFlush(handle, bytes.baseAddress, Int32(bytes.count), ABI.returnArea)
        let ok = ABI.u8(0) == 0
        if !ok { failed = true }
        return ok
    }

    /// Asks the host to send what was written (a streamed section must not wait in a buffer).
    func flush() -> Bool {
        wasiOutputStreamFlush(handle, ABI.returnArea)
        return ABI.u8(0) == 0
    }

    func drop() { wasiOutputStreamDrop(handle) }
}

import WasmKit

/// `wasi:io`: streams, poll and error.
extension HostFunction {
    static let io: [HostFunction] = outputStreams + inputStreams + poll + errors

    /// What `check-write` allows at once. The host buffers without limit (NIO queues
    /// the chunks), so this only bounds a single write.
    static let writeBudget: UInt64 = 1 << 20

    private static let outputStreams: [HostFunction] = [
        // result<u64, stream-error>: u8 at 0; u64 at 8, or stream-error u8 at 8 (+ handle at 12).
        procedure(WASIModule.streams, "[method]output-stream.check-write", [.i32, .i32]) { host, a in
            let stream = try host.table.outputStream(a.i32(0))
            let memory = try host.guestMemory
            if host.isClosed(stream) {
                try memory.storeU8(1, at: a.i32(1))
                try memory.storeU8(1, at: a.i32(1) + 8)  // closed
            } else {
                try memory.storeU8(0, at: a.i32(1))
                try memory.storeU64(writeBudget, at: a.i32(1) + 8)
            }
        },
        procedure(WASIModule.streams, "[method]output-stream.write", [.i32, .i32, .i32, .i32]) { host, a in
            try host.write(stream: a.i32(0), pointer: a.i32(1), count: a.i32(2), ret: a.i32(3))
        },
        procedure(WASIModule.streams, "[method]output-stream.blocking-write-and-flush", [.i32, .i32, .i32, .i32]) { host, a in
            try host.write(stream: a.i32(0), pointer: a.i32(1), count: a.i32(2), ret: a.i32(3))
        },
        // Chunks are forwarded as they are written, so a flush has nothing left to do.
        procedure(WASIModule.streams, "[method]output-stream.flush", [.i32, .i32]) { host, a in
            try host.storeStreamResult(closed: host.isClosed(try host.table.outputStream(a.i32(0))), at: a.i32(1))
        },
        procedure(WASIModule.streams, "[method]output-stream.blocking-flush", [.i32, .i32]) { host, a in
            try host.storeStreamResult(closed: host.isClosed(try host.table.outputStream(a.i32(0))), at: a.i32(1))
        },
        i32(WASIModule.streams, "[method]output-stream.subscribe", [.i32]) { host, a in
            _ = try host.table.outputStream(a.i32(0))
            return host.table.insert(.pollable(.ready))
        },
        drop(WASIModule.streams, "output-stream"),
    ]

    private static let inputStreams: [HostFunction] = [
        procedure(WASIModule.streams, "[method]input-stream.read", [.i32, .i64, .i32]) { host, a in
            try host.read(stream: a.i32(0), length: a.u64(1), ret: a.i32(2))
        },
        procedure(WASIModule.streams, "[method]input-stream.blocking-read", [.i32, .i64, .i32]) { host, a in
            try host.read(stream: a.i32(0), length: a.u64(1), ret: a.i32(2))
        },
        i32(WASIModule.streams, "[method]input-stream.subscribe", [.i32]) { host, a in
            _ = try host.table.inputStream(a.i32(0))
            return host.table.insert(.pollable(.ready))
        },
        drop(WASIModule.streams, "input-stream"),
    ]

    private static let poll: [HostFunction] = [
        // poll(list<borrow<pollable>>) -> list<u32>: indices of the ready ones, at least one.
        procedure(WASIModule.poll, "poll", [.i32, .i32, .i32]) { host, a in
            let memory = try host.guestMemory
            let count = Int(UInt32(bitPattern: a.i32(1)))
            guard count > 0 else { throw HostError("poll with an empty list") }
            guard count <= 100_000 else { throw HostError("poll with \(count) pollables") }
            var pollables: [Pollable] = []
            for i in 0..<count {
                pollables.append(try host.table.pollable(Int32(bitPattern: try memory.u32(a.i32(0) + Int32(i * 4)))))
            }
            let ready = host.waitForAny(pollables)
            var bytes: [UInt8] = []
            for index in ready { withUnsafeBytes(of: UInt32(index).littleEndian) { bytes += $0 } }
            let pointer = try host.allocate(bytes.count, align: 4)
            try memory.write(bytes, at: pointer)
            try host.storeList((pointer, Int32(ready.count)), at: a.i32(2))
        },
        i32(WASIModule.poll, "[method]pollable.ready", [.i32]) { host, a in
            try host.table.pollable(a.i32(0)).isReady(now: MonotonicClock.now()) ? 1 : 0
        },
        procedure(WASIModule.poll, "[method]pollable.block", [.i32]) { host, a in
            _ = host.waitForAny([try host.table.pollable(a.i32(0))])
        },
        drop(WASIModule.poll, "pollable"),
    ]

    private static let errors: [HostFunction] = [
        procedure(WASIModule.error, "[method]error.to-debug-string", [.i32, .i32]) { host, a in
            guard case .error(let message) = try host.table.get(a.i32(0)) else { throw HostError("not an error") }
            try host.storeList(try host.lower(Array(message.utf8)), at: a.i32(1))
        },
        drop(WASIModule.error, "error"),
    ]
}

extension WASIHost {
    /// Whether writes to `stream` can no longer reach anyone (the client went away).
    func isClosed(_ stream: OutputStream) -> Bool {
        if case .response = stream.target { return exchange?.responder.isClosed() ?? true }
        return false
    }

    /// `result<_, stream-error>`: u8 at 0; `closed` is stream-error case 1 at 4.
    func storeStreamResult(closed: Bool, at address: Int32) throws {
        let memory = try guestMemory
        try memory.storeU8(closed ? 1 : 0, at: address)
        if closed { try memory.storeU8(1, at: address + 4) }
    }

    func write(stream handle: Int32, pointer: Int32, count: Int32, ret: Int32) throws {
        let stream = try table.outputStream(handle)
        let bytes = try guestMemory.bytes(pointer, count)
        if isClosed(stream) { return try storeStreamResult(closed: true, at: ret) }
        switch stream.target {
        case .response(let body): sendBody(bytes, of: body)
        case .requestBody(let body): body.collected += bytes
        case .stderr: writeStderr(bytes)
        }
        try storeStreamResult(closed: false, at: ret)
    }

    /// `result<list<u8>, stream-error>`: u8 at 0; list at 4/8, or stream-error u8 at 4.
    func read(stream handle: Int32, length: UInt64, ret: Int32) throws {
        let stream = try table.inputStream(handle)
        let memory = try guestMemory
        guard stream.offset < stream.bytes.count else {
            try memory.storeU8(1, at: ret)
            return try memory.storeU8(1, at: ret + 4)  // closed: the end
        }
        let count = Int(min(length, UInt64(stream.bytes.count - stream.offset), 1 << 20))
        let chunk = Array(stream.bytes[stream.offset..<(stream.offset + count)])
        stream.offset += count
        try memory.storeU8(0, at: ret)
        try storeList(try lower(chunk), at: ret + 4)
    }

    func writeStderr(_ bytes: [UInt8]) {
        stderrLine += bytes
        while let newline = stderrLine.firstIndex(of: 0x0A) {
            configuration.log(String(decoding: stderrLine[..<newline], as: UTF8.self))
            stderrLine.removeSubrange(...newline)
        }
    }

    /// Blocks the guest's thread until at least one pollable is ready; returns their indices.
    func waitForAny(_ pollables: [Pollable]) -> [Int] {
        while true {
            let mark = wakeup.mark
            let now = MonotonicClock.now()
            let ready = pollables.indices.filter { pollables[$0].isReady(now: now) }
            if !ready.isEmpty { return ready }
            wakeup.wait(after: mark, until: pollables.compactMap(\.deadline).min())
        }
    }
}

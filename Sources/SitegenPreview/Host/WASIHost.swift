import WasmKit

/// The host side of one guest instance: resource table, memory access, allocation in
/// the guest, and the state of the request being served.
///
/// Host functions (`HostFunction.all`, one file per interface) capture the host
/// unowned; WasmKit's `Store` has no slot for user data. Not thread-safe: an instance
/// and its host are used by one worker thread at a time.
final class WASIHost {
    /// Where the host finds the site's files and keeps key-value data.
    struct Configuration: Sendable {
        /// The built site (the `assets` import reads from here).
        var siteRoot: String
        /// The folder holding key-value stores (`<site>/.sitegen/kv`).
        var keyValueRoot: String
        /// Receives each line the guest writes to stderr.
        var log: @Sendable (String) -> Void = { _ in }
    }

    let configuration: Configuration
    var table = ResourceTable()
    let wakeup = Wakeup()
    var memory: GuestMemory?
    private var realloc: Function?
    /// A second interpreter stack for calls into `cabi_realloc` made from inside a host
    /// function, while the request's own stack is in use.
    private var reallocStack: ExecutionStack
    /// The request being served.
    var exchange: Exchange?
    /// Partial stderr line.
    var stderrLine: [UInt8] = []

    init(configuration: Configuration, engine: Engine) {
        self.configuration = configuration
        self.reallocStack = ExecutionStack(engine: engine)
    }

    /// Connects the host to an instantiated module's exports.
    func attach(memory: Memory, realloc: Function) {
        self.memory = GuestMemory(memory: memory)
        self.realloc = realloc
    }

    var guestMemory: GuestMemory {
        get throws {
            guard let memory else { throw HostError("the guest called the host before it was instantiated") }
            return memory
        }
    }

    /// The response side of the request being served.
    final class Exchange {
        let responder: GuestResponder
        var headSent = false
        var outparamSet = false
        var finished = false

        init(responder: GuestResponder) {
            self.responder = responder
        }
    }

    // MARK: Allocation in the guest

    /// `cabi_realloc(0, 0, align, size)`, checked: the pointer must lie in memory.
    func allocate(_ size: Int, align: Int) throws -> Int32 {
        guard size > 0 else { return Int32(align) }
        guard let realloc else { throw HostError("the guest exports no cabi_realloc") }
        guard size <= Int(Int32.max) else { throw HostError("allocation of \(size) bytes is too large") }
        let results = try realloc.invoke([.i32(0), .i32(0), .i32(UInt32(align)), .i32(UInt32(size))], on: &reallocStack)
        guard case .i32(let pointer)? = results.first, pointer != 0 else { throw HostError("cabi_realloc(\(size)) failed") }
        let memory = try guestMemory
        guard Int(pointer) + size <= memory.memory.byteCount else { throw HostError("cabi_realloc returned \(pointer), outside memory") }
        return Int32(bitPattern: pointer)
    }

    /// Copies `bytes` into fresh guest memory; returns (pointer, length).
    func lower(_ bytes: [UInt8], align: Int = 1) throws -> (Int32, Int32) {
        let pointer = try allocate(bytes.count, align: align)
        try guestMemory.write(bytes, at: pointer)
        return (pointer, Int32(bytes.count))
    }

    /// Writes a `(pointer, length)` pair at `address`.
    func storeList(_ list: (Int32, Int32), at address: Int32) throws {
        try guestMemory.storeI32(list.0, at: address)
        try guestMemory.storeI32(list.1, at: address + 4)
    }

    /// Writes `some(string)` / `none` in the `option<string>` layout (u8, ptr at +4, len at +8).
    func storeOptionalString(_ text: String?, at address: Int32) throws {
        guard let text else { return try guestMemory.storeU8(0, at: address) }
        try guestMemory.storeU8(1, at: address)
        try storeList(try lower(Array(text.utf8)), at: address + 4)
    }

    /// A `list<tuple<string, list<u8>>>` (16 bytes per entry).
    func lowerFieldList(_ entries: [(name: String, value: [UInt8])]) throws -> (Int32, Int32) {
        let base = try allocate(entries.count * 16, align: 4)
        for (i, entry) in entries.enumerated() {
            let slot = base + Int32(i * 16)
            try storeList(try lower(Array(entry.name.utf8)), at: slot)
            try storeList(try lower(entry.value), at: slot + 8)
        }
        return (base, Int32(entries.count))
    }

    // MARK: Requests

    /// Starts serving a request: returns the handles for `handle(request, outparam)`.
    func begin(_ request: GuestRequest, responder: GuestResponder) -> (request: Int32, outparam: Int32) {
        exchange = Exchange(responder: responder)
        let requestHandle = table.insert(.incomingRequest(IncomingRequestState(request)))
        let outparam = table.insert(.responseOutparam)
        return (requestHandle, outparam)
    }

    /// Ends the request: drops every handle it made and flushes a partial stderr line.
    func finish() {
        table.endRequest()
        exchange = nil
        if !stderrLine.isEmpty {
            configuration.log(String(decoding: stderrLine, as: UTF8.self))
            stderrLine = []
        }
    }
}

import WasmKit

/// One warm instance of the site component: its store, host state and interpreter
/// stack, used for one request at a time by one worker thread.
///
/// `_initialize` runs once here (the runtime is a reactor); after that each request is
/// one call of the exported `handle`. Instances are recycled after a number of requests
/// by `GuestPool`: the runtime frees what it allocates, but a fresh instance bounds
/// whatever a site's functions leak.
final class GuestInstance {
    let host: WASIHost
    private let store: Store
    private let handleFunction: Function
    private var stack: ExecutionStack
    private(set) var requestCount = 0
    let module: GuestModule

    init(module: GuestModule, configuration: WASIHost.Configuration) throws {
        self.module = module
        host = WASIHost(configuration: configuration, engine: module.engine)
        store = Store(engine: module.engine)
        let instance = try module.module.instantiate(store: store, imports: HostFunction.imports(for: host, store: store))
        guard let memory = instance.exports[memory: "memory"],
              let realloc = instance.exports[function: "cabi_realloc"],
              let handle = instance.exports[function: GuestModule.handleExport] else {
            throw HostError("the server component lacks memory, cabi_realloc or handle")
        }
        host.attach(memory: memory, realloc: realloc)
        handleFunction = handle
        stack = ExecutionStack(engine: module.engine)
        if let initialize = instance.exports[function: "_initialize"] {
            try initialize.invoke([], on: &stack)
        }
    }

    /// Serves one request; every response event goes to `responder` as it happens.
    func handle(_ request: GuestRequest, responder: GuestResponder) -> GuestOutcome {
        requestCount += 1
        let (requestHandle, outparam) = host.begin(request, responder: responder)
        let exchange = host.exchange
        defer { host.finish() }
        do {
            try handleFunction.invoke([.i32(UInt32(bitPattern: requestHandle)), .i32(UInt32(bitPattern: outparam))], on: &stack)
            if let exchange, exchange.headSent, !exchange.finished {
                // The guest returned without `outgoing-body.finish` (or dropped the body):
                // what it wrote is all there is.
                exchange.finished = true
                responder.end()
            }
            return .returned(headSent: exchange?.headSent ?? false)
        } catch {
            return .trapped(message: String(describing: error), headSent: exchange?.headSent ?? false)
        }
    }

    /// Live resource handles (only stderr should survive a request).
    var liveHandles: Int { host.table.count }

    /// The guest's memory size in bytes.
    var memoryBytes: Int { host.memory?.memory.byteCount ?? 0 }
}

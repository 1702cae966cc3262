/// The handles one guest instance holds. Handle 0 is never used (the canonical ABI
/// reserves it). Entries made while serving a request are dropped when the request
/// ends, whatever the guest did; entries marked `persistent` (the stderr stream,
/// which the runtime caches in a global) live as long as the instance.
struct ResourceTable {
    private var entries: [Int32: Resource] = [:]
    private var persistent: Set<Int32> = []
    private var next: Int32 = 1

    /// Live entries, for leak checks in tests.
    var count: Int { entries.count }

    mutating func insert(_ resource: Resource, persistent keep: Bool = false) -> Int32 {
        let handle = next
        next = next == Int32.max ? 1 : next + 1
        entries[handle] = resource
        if keep { persistent.insert(handle) }
        return handle
    }

    func get(_ handle: Int32) throws -> Resource {
        guard let resource = entries[handle] else { throw HostError("unknown resource handle \(handle)") }
        return resource
    }

    /// Removes an entry (a `[resource-drop]` or an owning parameter).
    @discardableResult
    mutating func remove(_ handle: Int32) throws -> Resource {
        guard let resource = entries.removeValue(forKey: handle) else { throw HostError("unknown resource handle \(handle)") }
        persistent.remove(handle)
        return resource
    }

    /// Drops everything the last request created.
    mutating func endRequest() {
        entries = entries.filter { persistent.contains($0.key) }
    }

    // MARK: Typed access

    func fields(_ handle: Int32) throws -> Fields {
        guard case .fields(let value) = try get(handle) else { throw mismatch(handle, "fields") }
        return value
    }

    func outputStream(_ handle: Int32) throws -> OutputStream {
        guard case .outputStream(let value) = try get(handle) else { throw mismatch(handle, "output-stream") }
        return value
    }

    func inputStream(_ handle: Int32) throws -> InputStream {
        guard case .inputStream(let value) = try get(handle) else { throw mismatch(handle, "input-stream") }
        return value
    }

    func outgoingResponse(_ handle: Int32) throws -> OutgoingResponse {
        guard case .outgoingResponse(let value) = try get(handle) else { throw mismatch(handle, "outgoing-response") }
        return value
    }

    func outgoingBody(_ handle: Int32) throws -> OutgoingBody {
        guard case .outgoingBody(let value) = try get(handle) else { throw mismatch(handle, "outgoing-body") }
        return value
    }

    func outgoingRequest(_ handle: Int32) throws -> OutgoingRequest {
        guard case .outgoingRequest(let value) = try get(handle) else { throw mismatch(handle, "outgoing-request") }
        return value
    }

    func requestOptions(_ handle: Int32) throws -> RequestOptions {
        guard case .requestOptions(let value) = try get(handle) else { throw mismatch(handle, "request-options") }
        return value
    }

    func incomingRequest(_ handle: Int32) throws -> IncomingRequestState {
        guard case .incomingRequest(let value) = try get(handle) else { throw mismatch(handle, "incoming-request") }
        return value
    }

    func incomingResponse(_ handle: Int32) throws -> IncomingResponse {
        guard case .incomingResponse(let value) = try get(handle) else { throw mismatch(handle, "incoming-response") }
        return value
    }

    func incomingBody(_ handle: Int32) throws -> IncomingBody {
        guard case .incomingBody(let value) = try get(handle) else { throw mismatch(handle, "incoming-body") }
        return value
    }

    func outgoingCall(_ handle: Int32) throws -> OutgoingCall {
        guard case .futureIncomingResponse(let value) = try get(handle) else { throw mismatch(handle, "future-incoming-response") }
        return value
    }

    func pollable(_ handle: Int32) throws -> Pollable {
        guard case .pollable(let value) = try get(handle) else { throw mismatch(handle, "pollable") }
        return value
    }

    func bucket(_ handle: Int32) throws -> KeyValueBucket {
        guard case .bucket(let value) = try get(handle) else { throw mismatch(handle, "bucket") }
        return value
    }

    private func mismatch(_ handle: Int32, _ expected: String) -> HostError {
        let actual = (try? get(handle).typeName) ?? "nothing"
        return HostError("handle \(handle) is a \(actual), expected a \(expected)")
    }
}

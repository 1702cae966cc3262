import WasmKit

/// `wasi:http/types`: the incoming request, fields, the outgoing response and its body.
/// Layouts mirror `Sources/SitegenServer/WASI/Imports.swift` (the guest side).
extension HostFunction {
    static let http: [HostFunction] = incomingRequest + fields + outgoingResponse

    static let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    private static let incomingRequest: [HostFunction] = [
        // method: variant { get, …, patch, other(string) }: u8 at 0, string at 4/8.
        procedure(WASIModule.httpTypes, "[method]incoming-request.method", [.i32, .i32]) { host, a in
            let method = try host.table.incomingRequest(a.i32(0)).request.method
            let memory = try host.guestMemory
            if let index = methods.firstIndex(of: method) {
                try memory.storeU8(UInt8(index), at: a.i32(1))
            } else {
                try memory.storeU8(9, at: a.i32(1))
                try host.storeList(try host.lower(Array(method.utf8)), at: a.i32(1) + 4)
            }
        },
        procedure(WASIModule.httpTypes, "[method]incoming-request.path-with-query", [.i32, .i32]) { host, a in
            try host.storeOptionalString(try host.table.incomingRequest(a.i32(0)).request.target, at: a.i32(1))
        },
        procedure(WASIModule.httpTypes, "[method]incoming-request.authority", [.i32, .i32]) { host, a in
            try host.storeOptionalString(try host.table.incomingRequest(a.i32(0)).request.authority, at: a.i32(1))
        },
        i32(WASIModule.httpTypes, "[method]incoming-request.headers", [.i32]) { host, a in
            let request = try host.table.incomingRequest(a.i32(0)).request
            let fields = Fields(request.headers.map { ($0.name, Array($0.value.utf8)) }, immutable: true)
            return host.table.insert(.fields(fields))
        },
        // result<incoming-body>: u8 at 0, handle at 4; only once.
        procedure(WASIModule.httpTypes, "[method]incoming-request.consume", [.i32, .i32]) { host, a in
            let state = try host.table.incomingRequest(a.i32(0))
            try host.storeResultHandle(state.consumed ? nil : host.table.insert(.incomingBody(IncomingBody(state.request.body))), at: a.i32(1))
            state.consumed = true
        },
        drop(WASIModule.httpTypes, "incoming-request"),
        procedure(WASIModule.httpTypes, "[method]incoming-body.stream", [.i32, .i32]) { host, a in
            let body = try host.table.incomingBody(a.i32(0))
            try host.storeResultHandle(body.streamTaken ? nil : host.table.insert(.inputStream(InputStream(body.bytes))), at: a.i32(1))
            body.streamTaken = true
        },
        drop(WASIModule.httpTypes, "incoming-body"),
    ]

    private static let fields: [HostFunction] = [
        i32(WASIModule.httpTypes, "[constructor]fields", []) { host, _ in
            host.table.insert(.fields(Fields()))
        },
        // list<tuple<string, list<u8>>> in → result<fields, header-error>: u8 at 0, handle or error u8 at 4.
        procedure(WASIModule.httpTypes, "[static]fields.from-list", [.i32, .i32, .i32]) { host, a in
            let memory = try host.guestMemory
            let count = Int(UInt32(bitPattern: a.i32(1)))
            guard count <= 10_000 else { throw HostError("fields.from-list with \(count) entries") }
            var entries: [(name: String, value: [UInt8])] = []
            for i in 0..<count {
                let slot = a.i32(0) + Int32(i * 16)
                let name = try memory.bytes(Int32(bitPattern: try memory.u32(slot)), Int32(bitPattern: try memory.u32(slot + 4)))
                let value = try memory.bytes(Int32(bitPattern: try memory.u32(slot + 8)), Int32(bitPattern: try memory.u32(slot + 12)))
                if let error = HeaderRules.check(name: name, value: value) {
                    try memory.storeU8(1, at: a.i32(2))
                    try memory.storeU8(error, at: a.i32(2) + 4)
                    return
                }
                entries.append((String(decoding: name, as: UTF8.self).lowercased(), value))
            }
            try memory.storeU8(0, at: a.i32(2))
            try memory.storeI32(host.table.insert(.fields(Fields(entries))), at: a.i32(2) + 4)
        },
        // get(name) -> list<list<u8>>
        procedure(WASIModule.httpTypes, "[method]fields.get", [.i32, .i32, .i32, .i32]) { host, a in
            let fields = try host.table.fields(a.i32(0))
            let name = try host.guestMemory.string(a.i32(1), a.i32(2)).lowercased()
            let values = fields.entries.filter { $0.name == name }.map(\.value)
            let base = try host.allocate(values.count * 8, align: 4)
            for (i, value) in values.enumerated() { try host.storeList(try host.lower(value), at: base + Int32(i * 8)) }
            try host.storeList((base, Int32(values.count)), at: a.i32(3))
        },
        // append(name, value) -> result<_, header-error>: u8 at 0, error u8 at 1.
        procedure(WASIModule.httpTypes, "[method]fields.append", [.i32, .i32, .i32, .i32, .i32, .i32]) { host, a in
            let fields = try host.table.fields(a.i32(0))
            let memory = try host.guestMemory
            let name = try memory.bytes(a.i32(1), a.i32(2)), value = try memory.bytes(a.i32(3), a.i32(4))
            let error = fields.isImmutable ? 2 : HeaderRules.check(name: name, value: value)
            if let error {
                try memory.storeU8(1, at: a.i32(5))
                try memory.storeU8(error, at: a.i32(5) + 1)
                return
            }
            fields.entries.append((String(decoding: name, as: UTF8.self).lowercased(), value))
            try memory.storeU8(0, at: a.i32(5))
        },
        procedure(WASIModule.httpTypes, "[method]fields.entries", [.i32, .i32]) { host, a in
            try host.storeList(try host.lowerFieldList(try host.table.fields(a.i32(0)).entries), at: a.i32(1))
        },
        drop(WASIModule.httpTypes, "fields"),
    ]

    private static let outgoingResponse: [HostFunction] = [
        i32(WASIModule.httpTypes, "[constructor]outgoing-response", [.i32]) { host, a in
            let headers = try host.table.fields(a.i32(0))
            try host.table.remove(a.i32(0))
            headers.isImmutable = true
            return host.table.insert(.outgoingResponse(OutgoingResponse(headers: headers)))
        },
        i32(WASIModule.httpTypes, "[method]outgoing-response.set-status-code", [.i32, .i32]) { host, a in
            let response = try host.table.outgoingResponse(a.i32(0))
            let status = Int(UInt16(truncatingIfNeeded: a.i32(1)))
            guard (100...999).contains(status) else { return 1 }
            response.status = status
            return 0
        },
        procedure(WASIModule.httpTypes, "[method]outgoing-response.body", [.i32, .i32]) { host, a in
            let response = try host.table.outgoingResponse(a.i32(0))
            guard response.body == nil else { return try host.storeResultHandle(nil, at: a.i32(1)) }
            let body = OutgoingBody(.response)
            response.body = body
            try host.storeResultHandle(host.table.insert(.outgoingBody(body)), at: a.i32(1))
        },
        drop(WASIModule.httpTypes, "outgoing-response"),
        procedure(WASIModule.httpTypes, "[method]outgoing-body.write", [.i32, .i32]) { host, a in
            let body = try host.table.outgoingBody(a.i32(0))
            guard body.stream == nil else { return try host.storeResultHandle(nil, at: a.i32(1)) }
            let stream = OutputStream(body.destination == .response ? .response(body) : .requestBody(body))
            body.stream = stream
            try host.storeResultHandle(host.table.insert(.outputStream(stream)), at: a.i32(1))
        },
        // finish(this, option<trailers>) -> result<_, error-code>: u8 at 0. Trailers are
        // accepted and not sent (HTTP/1.1 chunked trailers are rarely read).
        procedure(WASIModule.httpTypes, "[static]outgoing-body.finish", [.i32, .i32, .i32, .i32]) { host, a in
            let body = try host.table.outgoingBody(a.i32(0))
            try host.table.remove(a.i32(0))
            if a.i32(1) != 0 { try host.table.remove(a.i32(2)) }
            body.finished = true
            if body.destination == .response { host.endResponse(body) }
            try host.guestMemory.storeU8(0, at: a.i32(3))
        },
        drop(WASIModule.httpTypes, "outgoing-body"),
        // set(param, result<outgoing-response, error-code>), flattened.
        procedure(WASIModule.httpTypes, "[static]response-outparam.set", [.i32, .i32, .i32, .i32, .i64, .i32, .i32, .i32, .i32]) { host, a in
            guard case .responseOutparam = try host.table.remove(a.i32(0)) else { throw HostError("not a response-outparam") }
            if a.i32(1) == 0 {
                let response = try host.table.outgoingResponse(a.i32(2))
                try host.table.remove(a.i32(2))
                host.sendHead(response)
            } else {
                host.sendHead(status: 500, headers: [("content-type", "text/plain; charset=utf-8")])
                host.exchange?.responder.chunk(Array("the component answered with error-code \(a.i32(2))\n".utf8))
                host.exchange?.responder.end()
                host.exchange?.finished = true
            }
        },
        drop(WASIModule.httpTypes, "response-outparam"),
    ]
}

/// Which header fields `fields.from-list` and `append` refuse, as wasmtime does.
enum HeaderRules {
    /// Hop-by-hop fields the host manages itself.
    static let forbidden: Set<String> = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "http2-settings"]

    /// nil when allowed; else the `header-error` case (0 invalid-syntax, 1 forbidden).
    static func check(name: [UInt8], value: [UInt8]) -> UInt8? {
        let tokenPunctuation = Array("!#$%&'*+-.^_`|~".utf8)
        let validName = !name.isEmpty && name.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || tokenPunctuation.contains($0)
        }
        guard validName, !value.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) else { return 0 }
        return forbidden.contains(String(decoding: name, as: UTF8.self).lowercased()) ? 1 : nil
    }
}

extension WASIHost {
    /// `result<own<T>>` with an empty error: u8 at 0, handle at 4.
    func storeResultHandle(_ handle: Int32?, at address: Int32) throws {
        let memory = try guestMemory
        guard let handle else { return try memory.storeU8(1, at: address) }
        try memory.storeU8(0, at: address)
        try memory.storeI32(handle, at: address + 4)
    }

    /// The outparam got a response: status and headers go to the client, then anything
    /// the guest wrote to the body before this.
    func sendHead(_ response: OutgoingResponse) {
        let headers = response.headers.entries.map { ($0.name, String(decoding: $0.value, as: UTF8.self)) }
        sendHead(status: response.status, headers: headers)
        guard let body = response.body, let exchange else { return }
        body.isLive = true
        for chunk in body.pending { exchange.responder.chunk(chunk) }
        body.pending = []
        if body.finished { endResponse(body) }
    }

    func sendHead(status: Int, headers: [(String, String)]) {
        guard let exchange, !exchange.outparamSet else { return }
        exchange.outparamSet = true
        exchange.headSent = true
        exchange.responder.head(status, headers)
    }

    /// Bytes written to a response body: to the client at once, or held until the head.
    func sendBody(_ bytes: [UInt8], of body: OutgoingBody) {
        guard !bytes.isEmpty else { return }
        if body.isLive, let exchange { exchange.responder.chunk(bytes) } else { body.pending.append(bytes) }
    }

    func endResponse(_ body: OutgoingBody) {
        guard body.isLive, let exchange, !exchange.finished else { return }
        exchange.finished = true
        exchange.responder.end()
    }
}

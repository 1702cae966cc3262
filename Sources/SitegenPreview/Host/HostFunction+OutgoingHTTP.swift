import WasmKit

/// `wasi:http/outgoing-handler` and the outgoing-request side of `wasi:http/types`.
extension HostFunction {
    static let outgoingHTTP: [HostFunction] = request + options + response

    private static let request: [HostFunction] = [
        i32(WASIModule.httpTypes, "[constructor]outgoing-request", [.i32]) { host, a in
            let headers = try host.table.fields(a.i32(0))
            try host.table.remove(a.i32(0))
            headers.isImmutable = true
            return host.table.insert(.outgoingRequest(OutgoingRequest(headers: headers)))
        },
        procedure(WASIModule.httpTypes, "[method]outgoing-request.body", [.i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            guard request.body == nil else { return try host.storeResultHandle(nil, at: a.i32(1)) }
            let body = OutgoingBody(.request)
            request.body = body
            try host.storeResultHandle(host.table.insert(.outgoingBody(body)), at: a.i32(1))
        },
        // set-method(method): (self, discriminant, string pointer, string length) -> result
        i32(WASIModule.httpTypes, "[method]outgoing-request.set-method", [.i32, .i32, .i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            let discriminant = Int(a.i32(1))
            if discriminant < methods.count {
                request.method = methods[discriminant]
            } else {
                let name = try host.guestMemory.string(a.i32(2), a.i32(3))
                guard !name.isEmpty, HeaderRules.check(name: Array(name.utf8), value: []) != 0 else { return 1 }
                request.method = name
            }
            return 0
        },
        i32(WASIModule.httpTypes, "[method]outgoing-request.set-path-with-query", [.i32, .i32, .i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            guard a.i32(1) != 0 else {
                request.pathWithQuery = "/"
                return 0
            }
            let path = try host.guestMemory.string(a.i32(2), a.i32(3))
            guard path.hasPrefix("/"), !path.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return 1 }
            request.pathWithQuery = path
            return 0
        },
        // set-scheme(option<scheme>): (self, is-some, discriminant, string pointer, string length)
        i32(WASIModule.httpTypes, "[method]outgoing-request.set-scheme", [.i32, .i32, .i32, .i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            guard a.i32(1) != 0 else {
                request.scheme = "https"
                return 0
            }
            switch a.i32(2) {
            case 0: request.scheme = "http"
            case 1: request.scheme = "https"
            default:
                let scheme = try host.guestMemory.string(a.i32(3), a.i32(4)).lowercased()
                guard scheme == "http" || scheme == "https" else { return 1 }
                request.scheme = scheme
            }
            return 0
        },
        i32(WASIModule.httpTypes, "[method]outgoing-request.set-authority", [.i32, .i32, .i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            guard a.i32(1) != 0 else {
                request.authority = nil
                return 0
            }
            let authority = try host.guestMemory.string(a.i32(2), a.i32(3))
            guard !authority.utf8.contains(where: { $0 <= 0x20 || $0 == 0x2F || $0 == 0x7F }) else { return 1 }
            request.authority = authority
            return 0
        },
        drop(WASIModule.httpTypes, "outgoing-request"),
    ]

    private static let options: [HostFunction] = [
        i32(WASIModule.httpTypes, "[constructor]request-options", []) { host, _ in
            host.table.insert(.requestOptions(RequestOptions()))
        },
        i32(WASIModule.httpTypes, "[method]request-options.set-connect-timeout", [.i32, .i32, .i64]) { host, a in
            try host.table.requestOptions(a.i32(0)).connectTimeout = a.i32(1) != 0 ? a.u64(2) : nil
            return 0
        },
        i32(WASIModule.httpTypes, "[method]request-options.set-first-byte-timeout", [.i32, .i32, .i64]) { host, a in
            try host.table.requestOptions(a.i32(0)).firstByteTimeout = a.i32(1) != 0 ? a.u64(2) : nil
            return 0
        },
        i32(WASIModule.httpTypes, "[method]request-options.set-between-bytes-timeout", [.i32, .i32, .i64]) { host, a in
            try host.table.requestOptions(a.i32(0)).betweenBytesTimeout = a.i32(1) != 0 ? a.u64(2) : nil
            return 0
        },
        drop(WASIModule.httpTypes, "request-options"),
    ]

    private static let response: [HostFunction] = [
        // handle(request, option<request-options>) -> result<future-incoming-response, error-code>:
        // u8 at 0, handle at 8 (error-code is 8-aligned).
        procedure(WASIModule.outgoingHandler, "handle", [.i32, .i32, .i32, .i32]) { host, a in
            let request = try host.table.outgoingRequest(a.i32(0))
            try host.table.remove(a.i32(0))
            var options: RequestOptions?
            if a.i32(1) != 0 {
                options = try host.table.requestOptions(a.i32(2))
                try host.table.remove(a.i32(2))
            }
            let call = OutgoingCall(wakeup: host.wakeup)
            OutgoingHTTPClient.shared.start(request, options: options, body: request.body?.collected ?? [], call: call)
            let memory = try host.guestMemory
            try memory.storeU8(0, at: a.i32(3))
            try memory.storeI32(host.table.insert(.futureIncomingResponse(call)), at: a.i32(3) + 8)
        },
        i32(WASIModule.httpTypes, "[method]future-incoming-response.subscribe", [.i32]) { host, a in
            host.table.insert(.pollable(.call(try host.table.outgoingCall(a.i32(0)))))
        },
        // get() -> option<result<result<incoming-response, error-code>>>: u8 at 0 (some),
        // u8 at 8 (outer result), u8 at 16 (inner result), handle or error-code case at 24.
        procedure(WASIModule.httpTypes, "[method]future-incoming-response.get", [.i32, .i32]) { host, a in
            let call = try host.table.outgoingCall(a.i32(0))
            let memory = try host.guestMemory
            let ret = a.i32(1)
            guard let taken = call.take() else { return try memory.storeU8(0, at: ret) }
            try memory.storeU8(1, at: ret)
            guard let outcome = taken else { return try memory.storeU8(1, at: ret + 8) }
            try memory.storeU8(0, at: ret + 8)
            switch outcome {
            case .response(let response):
                try memory.storeU8(0, at: ret + 16)
                try memory.storeI32(host.table.insert(.incomingResponse(response)), at: ret + 24)
            case .failure(let code, let message):
                host.configuration.log("sitegen preview: outgoing request failed: " + message)
                try memory.storeU8(1, at: ret + 16)
                try memory.write([UInt8](repeating: 0, count: 24), at: ret + 24)
                try memory.storeU8(code, at: ret + 24)
            }
        },
        drop(WASIModule.httpTypes, "future-incoming-response"),
        i32(WASIModule.httpTypes, "[method]incoming-response.status", [.i32]) { host, a in
            Int32(try host.table.incomingResponse(a.i32(0)).status)
        },
        i32(WASIModule.httpTypes, "[method]incoming-response.headers", [.i32]) { host, a in
            host.table.insert(.fields(Fields(try host.table.incomingResponse(a.i32(0)).headers, immutable: true)))
        },
        procedure(WASIModule.httpTypes, "[method]incoming-response.consume", [.i32, .i32]) { host, a in
            let response = try host.table.incomingResponse(a.i32(0))
            try host.storeResultHandle(response.consumed ? nil : host.table.insert(.incomingBody(IncomingBody(response.body))), at: a.i32(1))
            response.consumed = true
        },
        drop(WASIModule.httpTypes, "incoming-response"),
    ]
}

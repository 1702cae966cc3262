// Imports used by server functions and suspense loaders: request bodies, the clock,
// random bytes and outgoing HTTP (key-value buckets: Imports+KeyValue*.swift). A site
// without functions never calls them, so wasm-ld drops them and the component does not
// import them.

// MARK: wasi:http/types@0.2.0 — request details and bodies

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.authority")
@_extern(c) func wasiIncomingRequestAuthority(_ request: Int32, _ ret: UnsafeMutableRawPointer)

// MARK: outgoing requests

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[constructor]outgoing-request")
@_extern(c) func wasiOutgoingRequestNew(_ headers: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-request.body")
@_extern(c) func wasiOutgoingRequestBody(_ request: Int32, _ ret: UnsafeMutableRawPointer)

/// `method` flattens to (discriminant, string pointer, string length).
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-request.set-method")
@_extern(c) func wasiOutgoingRequestSetMethod(_ request: Int32, _ discriminant: Int32, _ pointer: UnsafeRawPointer?, _ length: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-request.set-path-with-query")
@_extern(c) func wasiOutgoingRequestSetPathWithQuery(_ request: Int32, _ isSome: Int32, _ pointer: UnsafeRawPointer?, _ length: Int32) -> Int32

/// `option<scheme>` flattens to (is-some, scheme discriminant, string pointer, string length).
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-request.set-scheme")
@_extern(c) func wasiOutgoingRequestSetScheme(_ request: Int32, _ isSome: Int32, _ discriminant: Int32, _ pointer: UnsafeRawPointer?, _ length: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-request.set-authority")
@_extern(c) func wasiOutgoingRequestSetAuthority(_ request: Int32, _ isSome: Int32, _ pointer: UnsafeRawPointer?, _ length: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[constructor]request-options")
@_extern(c) func wasiRequestOptionsNew() -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]request-options.set-connect-timeout")
@_extern(c) func wasiRequestOptionsSetConnectTimeout(_ options: Int32, _ isSome: Int32, _ nanoseconds: Int64) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]request-options.set-first-byte-timeout")
@_extern(c) func wasiRequestOptionsSetFirstByteTimeout(_ options: Int32, _ isSome: Int32, _ nanoseconds: Int64) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]request-options.set-between-bytes-timeout")
@_extern(c) func wasiRequestOptionsSetBetweenBytesTimeout(_ options: Int32, _ isSome: Int32, _ nanoseconds: Int64) -> Int32

/// `option<request-options>` flattens to (is-some, handle).
@_extern(wasm, module: "wasi:http/outgoing-handler@0.2.0", name: "handle")
@_extern(c) func wasiOutgoingHandlerHandle(_ request: Int32, _ hasOptions: Int32, _ options: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]future-incoming-response.subscribe")
@_extern(c) func wasiFutureIncomingResponseSubscribe(_ future: Int32) -> Int32

/// `option<result<result<incoming-response, error-code>>>`: u8 at 0 (some), u8 at 8
/// (outer result), u8 at 16 (inner result), handle at 24 when ok.
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]future-incoming-response.get")
@_extern(c) func wasiFutureIncomingResponseGet(_ future: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[resource-drop]future-incoming-response")
@_extern(c) func wasiFutureIncomingResponseDrop(_ future: Int32)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-response.status")
@_extern(c) func wasiIncomingResponseStatus(_ response: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-response.consume")
@_extern(c) func wasiIncomingResponseConsume(_ response: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[resource-drop]incoming-response")
@_extern(c) func wasiIncomingResponseDrop(_ response: Int32)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]input-stream.read")
@_extern(c) func wasiInputStreamRead(_ stream: Int32, _ length: Int64, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]input-stream.subscribe")
@_extern(c) func wasiInputStreamSubscribe(_ stream: Int32) -> Int32

// MARK: wasi:clocks, wasi:random

@_extern(wasm, module: "wasi:clocks/monotonic-clock@0.2.0", name: "now")
@_extern(c) func wasiMonotonicNow() -> Int64

@_extern(wasm, module: "wasi:clocks/monotonic-clock@0.2.0", name: "subscribe-duration")
@_extern(c) func wasiSubscribeDuration(_ nanoseconds: Int64) -> Int32

@_extern(wasm, module: "wasi:random/random@0.2.0", name: "get-random-u64")
@_extern(c) func wasiRandomU64() -> Int64

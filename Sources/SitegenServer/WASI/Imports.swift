// The core-wasm imports of the site component, declared by hand against the canonical
// ABI (CanonicalABI.md: flattening, return areas). Each matches an item of wit/; a
// function returning more than one core value takes a `ret` pointer to a return area.
// Handles are i32 indices into the host's resource tables.

// MARK: wasi:http/types@0.2.0

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.method")
@_extern(c) func wasiIncomingRequestMethod(_ request: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.path-with-query")
@_extern(c) func wasiIncomingRequestPathWithQuery(_ request: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.headers")
@_extern(c) func wasiIncomingRequestHeaders(_ request: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.consume")
@_extern(c) func wasiIncomingRequestConsume(_ request: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[resource-drop]incoming-request")
@_extern(c) func wasiIncomingRequestDrop(_ request: Int32)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-body.stream")
@_extern(c) func wasiIncomingBodyStream(_ body: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[resource-drop]incoming-body")
@_extern(c) func wasiIncomingBodyDrop(_ body: Int32)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]fields.entries")
@_extern(c) func wasiFieldsEntries(_ fields: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[static]fields.from-list")
@_extern(c) func wasiFieldsFromList(_ entries: UnsafeRawPointer, _ count: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[resource-drop]fields")
@_extern(c) func wasiFieldsDrop(_ fields: Int32)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[constructor]outgoing-response")
@_extern(c) func wasiOutgoingResponseNew(_ headers: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-response.set-status-code")
@_extern(c) func wasiOutgoingResponseSetStatusCode(_ response: Int32, _ status: Int32) -> Int32

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-response.body")
@_extern(c) func wasiOutgoingResponseBody(_ response: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-body.write")
@_extern(c) func wasiOutgoingBodyWrite(_ body: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[static]outgoing-body.finish")
@_extern(c) func wasiOutgoingBodyFinish(_ body: Int32, _ hasTrailers: Int32, _ trailers: Int32, _ ret: UnsafeMutableRawPointer)

/// `response: result<outgoing-response, error-code>` flattens to a discriminant and
/// the joined payload slots of `error-code` (i32, i32, i64, i32, i32, i32, i32).
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[static]response-outparam.set")
@_extern(c) func wasiResponseOutparamSet(
    _ outparam: Int32, _ discriminant: Int32, _ a: Int32, _ b: Int32, _ c: Int64, _ d: Int32, _ e: Int32, _ f: Int32, _ g: Int32)

// MARK: wasi:io@0.2.0

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.check-write")
@_extern(c) func wasiOutputStreamCheckWrite(_ stream: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.write")
@_extern(c) func wasiOutputStreamWrite(_ stream: Int32, _ bytes: UnsafeRawPointer?, _ count: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.blocking-write-and-flush")
@_extern(c) func wasiOutputStreamBlockingWriteAndFlush(_ stream: Int32, _ bytes: UnsafeRawPointer?, _ count: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.flush")
@_extern(c) func wasiOutputStreamFlush(_ stream: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.blocking-flush")
@_extern(c) func wasiOutputStreamBlockingFlush(_ stream: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.subscribe")
@_extern(c) func wasiOutputStreamSubscribe(_ stream: Int32) -> Int32

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[resource-drop]output-stream")
@_extern(c) func wasiOutputStreamDrop(_ stream: Int32)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]input-stream.blocking-read")
@_extern(c) func wasiInputStreamBlockingRead(_ stream: Int32, _ length: Int64, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[resource-drop]input-stream")
@_extern(c) func wasiInputStreamDrop(_ stream: Int32)

@_extern(wasm, module: "wasi:io/poll@0.2.0", name: "[method]pollable.block")
@_extern(c) func wasiPollableBlock(_ pollable: Int32)

@_extern(wasm, module: "wasi:io/poll@0.2.0", name: "poll")
@_extern(c) func wasiPoll(_ pollables: UnsafeRawPointer, _ count: Int32, _ ret: UnsafeMutableRawPointer)

@_extern(wasm, module: "wasi:io/poll@0.2.0", name: "[resource-drop]pollable")
@_extern(c) func wasiPollableDrop(_ pollable: Int32)

@_extern(wasm, module: "wasi:io/error@0.2.0", name: "[resource-drop]error")
@_extern(c) func wasiErrorDrop(_ error: Int32)

// MARK: sitegen:site/assets@0.1.0

@_extern(wasm, module: "sitegen:site/assets@0.1.0", name: "read")
@_extern(c) func sitegenAssetsRead(_ path: UnsafeRawPointer?, _ pathLength: Int32, _ offset: Int64, _ length: Int32, _ ret: UnsafeMutableRawPointer)

// MARK: C shim (Runtime/shim.c)

@_extern(c, "sitegen_free") func cFree(_ pointer: UnsafeMutableRawPointer?)
@_extern(c, "sitegen_return_area") func cReturnArea() -> UnsafeMutableRawPointer
@_extern(c, "sitegen_manifest") func cSitegenManifest(_ length: UnsafeMutablePointer<UInt32>) -> UnsafePointer<UInt8>?
/// A preview build's generated manifest.c calls ``Site/refreshExternal()`` from here; every
/// other build links shim.c's empty default (the preview-only code is then left out).
@_extern(c, "sitegen_refresh_external_manifest") func cRefreshExternalManifest()
@_extern(c, "sitegen_log") func cSitegenLog(_ bytes: UnsafeRawPointer?, _ count: Int32)

// The hello-world baseline of the component benchmark (from the project research spike):
// one response with a fixed body and the path, no routing, a bump allocator.
let T = "wasi:http/types@0.2.0"
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[constructor]fields")
@_extern(c)
func fieldsNew() -> Int32
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[constructor]outgoing-response")
@_extern(c)
func outgoingResponseNew(_ headers: Int32) -> Int32
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-response.body")
@_extern(c)
func outgoingResponseBody(_ resp: Int32, _ ret: UnsafeMutableRawPointer)
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]outgoing-body.write")
@_extern(c)
func outgoingBodyWrite(_ body: Int32, _ ret: UnsafeMutableRawPointer)
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[static]outgoing-body.finish")
@_extern(c)
func outgoingBodyFinish(_ body: Int32, _ hasTrailers: Int32, _ trailers: Int32, _ ret: UnsafeMutableRawPointer)
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[static]response-outparam.set")
@_extern(c)
func responseOutparamSet(_ p: Int32, _ disc: Int32, _ a: Int32, _ b: Int32, _ c: Int64, _ d: Int32, _ e: Int32, _ f: Int32, _ g: Int32)
@_extern(wasm, module: "wasi:http/types@0.2.0", name: "[method]incoming-request.path-with-query")
@_extern(c)
func requestPath(_ req: Int32, _ ret: UnsafeMutableRawPointer)
@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[method]output-stream.blocking-write-and-flush")
@_extern(c)
func streamWriteFlush(_ s: Int32, _ ptr: UnsafeRawPointer, _ len: Int32, _ ret: UnsafeMutableRawPointer)
@_extern(wasm, module: "wasi:io/streams@0.2.0", name: "[resource-drop]output-stream")
@_extern(c)
func streamDrop(_ s: Int32)

@_expose(wasm, "wasi:http/incoming-handler@0.2.0#handle")
@_cdecl("handle")
public func handle(_ request: Int32, _ outparam: Int32) {
    var ret = (Int32(0), Int32(0), Int32(0), Int32(0))
    var path: [UInt8] = []
    withUnsafeMutableBytes(of: &ret) { requestPath(request, $0.baseAddress!) }
    if ret.0 == 1 {
        let p = UnsafePointer<UInt8>(bitPattern: Int(ret.1))!
        for i in 0..<Int(ret.2) { path.append(p[i]) }
    }
    let resp = outgoingResponseNew(fieldsNew())
    withUnsafeMutableBytes(of: &ret) { outgoingResponseBody(resp, $0.baseAddress!) }
    let body = ret.1
    withUnsafeMutableBytes(of: &ret) { outgoingBodyWrite(body, $0.baseAddress!) }
    let stream = ret.1
    responseOutparamSet(outparam, 0, resp, 0, 0, 0, 0, 0, 0)
    var msg: [UInt8] = Array("hello from embedded swift, path=".utf8)
    msg.append(contentsOf: path)
    msg.append(10)
    msg.withUnsafeBytes { b in
        withUnsafeMutableBytes(of: &ret) { streamWriteFlush(stream, b.baseAddress!, Int32(b.count), $0.baseAddress!) }
    }
    streamDrop(stream)
    withUnsafeMutableBytes(of: &ret) { outgoingBodyFinish(body, 0, 0, $0.baseAddress!) }
}


/// Writes tiny core wasm modules byte by byte, for guests that misbehave on purpose.
enum WasmAssembler {
    enum ValueType: UInt8 {
        case i32 = 0x7F
        case i64 = 0x7E
    }

    struct FunctionType {
        var parameters: [ValueType]
        var results: [ValueType]
    }

    struct Import {
        var module: String
        var name: String
        var type: Int
    }

    struct Function {
        var type: Int
        /// Instruction bytes, without the final `end`.
        var code: [UInt8]
        var export: String?
    }

    /// A module with one page of memory exported as `memory`.
    static func module(types: [FunctionType], imports: [Import], functions: [Function]) -> [UInt8] {
        var bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        bytes += section(1, vector(types.map { [0x60] + vector($0.parameters.map { [$0.rawValue] }) + vector($0.results.map { [$0.rawValue] }) }))
        bytes += section(2, vector(imports.map { name($0.module) + name($0.name) + [0x00] + leb($0.type) }))
        bytes += section(3, vector(functions.map { leb($0.type) }))
        bytes += section(5, vector([[0x00, 0x01]]))
        var exports: [[UInt8]] = [name("memory") + [0x02, 0x00]]
        for (index, function) in functions.enumerated() {
            if let export = function.export { exports.append(name(export) + [0x00] + leb(imports.count + index)) }
        }
        bytes += section(7, vector(exports))
        bytes += section(10, vector(functions.map { function in
            let body: [UInt8] = [0x00] + function.code + [0x0B]
            return leb(body.count) + body
        }))
        return bytes
    }

    /// `(i32 i32) -> ()` handle plus a `cabi_realloc` that always answers 1024.
    static func guest(importing imports: [Import], importTypes: [FunctionType] = [], handle code: [UInt8]) -> [UInt8] {
        let handleType = FunctionType(parameters: [.i32, .i32], results: [])
        let reallocType = FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])
        let base = importTypes.count
        return module(
            types: importTypes + [handleType, reallocType], imports: imports,
            functions: [
                Function(type: base, code: code, export: "wasi:http/incoming-handler@0.2.0#handle"),
                Function(type: base + 1, code: [0x41] + sleb(1024), export: "cabi_realloc"),
            ])
    }

    static func section(_ id: UInt8, _ content: [UInt8]) -> [UInt8] { [id] + leb(content.count) + content }
    static func vector(_ items: [[UInt8]]) -> [UInt8] { leb(items.count) + items.flatMap { $0 } }
    static func name(_ text: String) -> [UInt8] { leb(text.utf8.count) + Array(text.utf8) }

    static func leb(_ value: Int) -> [UInt8] {
        var value = UInt64(value)
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        } while value != 0
        return out
    }

    static func sleb(_ value: Int64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) {
                out.append(byte)
                return out
            }
            out.append(byte | 0x80)
        }
    }
}

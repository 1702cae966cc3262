import WasmKit

/// One core-wasm import the host implements: its module and name, its flattened
/// canonical-ABI signature and the implementation.
///
/// `HostFunction.all` is the host's whole import table. Instantiation defines exactly
/// these; `GuestModule` compares a module's imports against it, and a test checks a
/// real `site.core.wasm` against it, so host and runtime cannot drift apart.
struct HostFunction: Sendable {
    let module: String
    let name: String
    let parameters: [ValueType]
    let results: [ValueType]
    let body: @Sendable (WASIHost, Arguments) throws -> Value?

    /// The import's `module#name`.
    var key: String { module + "#" + name }

    /// Arguments as the guest passed them, read as the ABI's signed/unsigned integers.
    struct Arguments {
        let values: UnsafeBufferPointer<Value>

        func i32(_ index: Int) -> Int32 { Int32(bitPattern: values[index].i32) }
        func u64(_ index: Int) -> UInt64 { values[index].i64 }
    }

    /// Every function the host implements.
    static let all: [HostFunction] = http + outgoingHTTP + io + keyValue + system

    /// `module#name` → signature, for import checks.
    static let table: [String: HostFunction] = Dictionary(all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// Defines every host function for `host` in `store`.
    static func imports(for host: WASIHost, store: Store) -> Imports {
        var imports = Imports()
        for function in all {
            let body = function.body
            let hasResult = !function.results.isEmpty
            imports.define(module: function.module, name: function.name, Function(
                store: store, parameters: function.parameters, results: function.results,
                raw: { [unowned host] _, arguments, results in
                    let value = try body(host, Arguments(values: arguments))
                    if hasResult {
                        guard let value else { throw HostError("host function returned no value") }
                        results[0] = value
                    }
                }))
        }
        return imports
    }
}

// MARK: Building the table

/// Module names of the imports, as `wit/` spells them.
enum WASIModule {
    static let httpTypes = "wasi:http/types@0.2.0"
    static let outgoingHandler = "wasi:http/outgoing-handler@0.2.0"
    static let streams = "wasi:io/streams@0.2.0"
    static let poll = "wasi:io/poll@0.2.0"
    static let error = "wasi:io/error@0.2.0"
    static let monotonicClock = "wasi:clocks/monotonic-clock@0.2.0"
    static let random = "wasi:random/random@0.2.0"
    static let stderr = "wasi:cli/stderr@0.2.0"
    static let keyValueStore = "wasi:keyvalue/store@0.2.0-draft"
    static let keyValueAtomics = "wasi:keyvalue/atomics@0.2.0-draft"
    static let assets = "sitegen:site/assets@0.1.0"
}

extension HostFunction {
    /// A function without a core result (results go through a return area, or none).
    static func procedure(_ module: String, _ name: String, _ parameters: [ValueType],
                          _ body: @escaping @Sendable (WASIHost, Arguments) throws -> Void) -> HostFunction {
        HostFunction(module: module, name: name, parameters: parameters, results: []) { host, arguments in
            try body(host, arguments)
            return nil
        }
    }

    /// A function returning one i32 (a handle, a status, a flattened `result`).
    static func i32(_ module: String, _ name: String, _ parameters: [ValueType],
                    _ body: @escaping @Sendable (WASIHost, Arguments) throws -> Int32) -> HostFunction {
        HostFunction(module: module, name: name, parameters: parameters, results: [.i32]) { host, arguments in
            .i32(UInt32(bitPattern: try body(host, arguments)))
        }
    }

    /// A function returning one i64.
    static func i64(_ module: String, _ name: String, _ parameters: [ValueType],
                    _ body: @escaping @Sendable (WASIHost, Arguments) throws -> UInt64) -> HostFunction {
        HostFunction(module: module, name: name, parameters: parameters, results: [.i64]) { host, arguments in
            .i64(try body(host, arguments))
        }
    }

    /// `[resource-drop]<resource>`: removes the handle.
    static func drop(_ module: String, _ resource: String) -> HostFunction {
        procedure(module, "[resource-drop]" + resource, [.i32]) { host, a in
            try host.table.remove(a.i32(0))
        }
    }
}

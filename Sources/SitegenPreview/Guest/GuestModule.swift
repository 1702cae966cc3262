import Foundation
import WasmKit

/// The site component's core module (`components/site.core.wasm`), parsed once and
/// instantiated per worker.
///
/// Its import list is the contract between the runtime and this host: `init` refuses a
/// module importing something `HostFunction.all` lacks, naming what is missing, so a
/// runtime change that the host does not follow is a clear error, not a trap later.
final class GuestModule: @unchecked Sendable {
    let module: Module
    let engine: Engine
    /// The file it was read from, and a hash of its bytes (to tell a changed module).
    let path: String
    let digest: Int

    /// The entry point every site component exports.
    static let handleExport = "wasi:http/incoming-handler@0.2.0#handle"

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw HostError("cannot read \(path)") }
        let bytes = Array(data)
        module = try parseWasm(bytes: bytes)
        self.path = path
        var hasher = Hasher()
        hasher.combine(bytes)
        digest = hasher.finalize()
        let missing = Self.missingImports(of: module)
        guard missing.isEmpty else {
            throw HostError("the server component needs imports the preview host does not implement: " + missing.joined(separator: ", "))
        }
        let exports = Set(module.exports.map(\.name))
        for name in [Self.handleExport, "cabi_realloc", "memory"] where !exports.contains(name) {
            throw HostError("the server component does not export '\(name)'")
        }
        // Lazy compilation: an instance translates only the functions a request reaches
        // (hosts.md: 50–140 µs per instance instead of ~2.4 ms eagerly).
        engine = Engine(configuration: EngineConfiguration(compilationMode: .lazy))
    }

    /// `module#name` of each function import the host lacks, plus any non-function import.
    static func missingImports(of module: Module) -> [String] {
        module.imports.compactMap { item in
            let key = item.module + "#" + item.name
            guard case .function = item.descriptor else { return key + " (not a function)" }
            return HostFunction.table[key] == nil ? key : nil
        }
    }
}

import SitegenHTML

/// A server function: `POST /_sg/fn/<name>`.
public typealias ServerFunction = (Request) throws(FunctionError) -> Response

/// A suspense loader: gets the boundary's arguments and calls `done` once, now or later
/// (after an outgoing HTTP response, a timer). Loaders written as plain
/// `func name(_ arguments: Object) throws(FunctionError) -> Value` are wrapped into this.
public typealias Loader = (_ arguments: Object, _ done: @escaping (Result<Value, FunctionError>) -> Void) -> Void

/// The site's functions and loaders. `sitegen build` generates the code that fills it
/// from `functions/*.swift` (no hand registration).
public final class FunctionRegistry {
    nonisolated(unsafe) public static let shared = FunctionRegistry()

    public struct Entry {
        public var function: ServerFunction
        /// Public functions skip the same-origin (CSRF) check: for APIs called from elsewhere.
        public var isPublic: Bool
        public init(function: @escaping ServerFunction, isPublic: Bool) {
            self.function = function
            self.isPublic = isPublic
        }
    }

    // Keyed by bytes: `String` keys would link the Unicode tables into every component (`UTF8Key`).
    var functions: [UTF8Key: Entry] = [:]
    var loaders: [UTF8Key: Loader] = [:]
    var registered = false

    public init() {}

    /// Registers a function.
    public func add(function name: String, _ function: @escaping ServerFunction, isPublic: Bool = false) {
        functions[UTF8Key(name)] = Entry(function: function, isPublic: isPublic)
    }

    /// Registers a loader that answers later.
    public func add(loader name: String, _ loader: @escaping Loader) {
        loaders[UTF8Key(name)] = loader
    }
}

@_extern(c, "sitegen_site_register") func siteRegister()

extension FunctionRegistry {
    /// Runs the generated registration once per instance.
    func ensureRegistered() {
        if registered { return }
        registered = true
        siteRegister()
    }
}

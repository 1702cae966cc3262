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

    // Lists in registration order, searched by bytes (``Text/equal(_:_:)``; `String`'s
    // own `==` would link the Unicode tables). A site has a handful of each, and a fresh
    // instance (one per request under `wasmtime serve`) fills them on first use: a scan
    // costs less than hashing, and two dictionary types would add their generic code to
    // the component.
    private(set) var functions: [(name: String, entry: Entry)] = []
    private(set) var loaders: [(name: String, loader: Loader)] = []
    var registered = false

    public init() {}

    /// Installs the site's functions and loaders. The generated registration passes each
    /// list whole, as an array literal: appending entries one at a time would bring each
    /// list type's growth code into the component. Names are unique within a list (they are
    /// the names of Swift functions in one module).
    public func install(functions: [(name: String, entry: Entry)], loaders: [(name: String, loader: Loader)]) {
        self.functions = functions
        self.loaders = loaders
    }

    /// The function registered as `name`.
    func function(named name: String) -> Entry? {
        for item in functions where Text.equal(item.name, name) { return item.entry }
        return nil
    }

    /// The loader registered as `name`.
    func loader(named name: String) -> Loader? {
        for item in loaders where Text.equal(item.name, name) { return item.loader }
        return nil
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

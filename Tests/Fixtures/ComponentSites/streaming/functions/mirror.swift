// Loaders that answer their arguments as their data, for the island-compilation tests:
// the same data rendered by the component and by the native interpreter must match.
import SitegenHTML
import SitegenServer

/// Renders `islands/mirror.html`, which the build compiles to Swift.
func mirror(_ arguments: Object) throws(FunctionError) -> Value {
    .object(arguments)
}

/// Renders `islands/mirrored.html`, which defines a macro and so is left to the interpreter.
func mirrored(_ arguments: Object) throws(FunctionError) -> Value {
    .object(arguments)
}

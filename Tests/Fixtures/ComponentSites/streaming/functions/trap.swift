// A loader with a bug, for the fault tests: a trap cannot be caught inside the instance.
import SitegenHTML
import SitegenServer

/// Reads past the end of an array (index 7 of three): Embedded Swift traps (wasm
/// `unreachable`), which ends the component instance and the response it was streaming.
func trap(_ arguments: Object) throws(FunctionError) -> Value {
    let items = [1, 2, 3]
    let index = arguments["index"]?.intValue ?? 7
    return .int(items[index])
}

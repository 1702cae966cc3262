// Loaders with known timing, for the streaming tests.
import SitegenHTML
import SitegenServer

/// Answers after `ms` milliseconds with its `label` and how long it really waited.
func slow(_ arguments: Object, _ done: @escaping (Result<Value, FunctionError>) -> Void) {
    let milliseconds = arguments["ms"]?.intValue ?? 0
    let label = arguments["label"]?.stringValue ?? "?"
    let started = Scheduler.nowMilliseconds
    let timer = Scheduler.after(milliseconds: milliseconds) {
        let waited = Int(Scheduler.nowMilliseconds - started)
        done(.success(["label": .string(label), "waited": .int(waited)]))
    }
    if timer == nil { done(.failure(.server("no scheduler"))) }
}

/// Always fails: its section must become an error boundary while the others fill.
func broken(_ arguments: Object) throws(FunctionError) -> Value {
    throw .server("the broken loader fails on purpose")
}

import Dispatch

/// Maps `items` on all cores, keeping order. Rendering is CPU-bound and each item is
/// independent, so this is the whole of the build's concurrency.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let out = UncheckedBox(buffer)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            out.value[i] = transform(items[i])
        }
    }
    return results.map { $0! }
}

/// Lets each concurrent iteration write its own slot of a buffer (distinct indices, no overlap).
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

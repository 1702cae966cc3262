/// Timers and time for functions and loaders, on the request's poll executor.
public enum Scheduler {
    /// The executor of the request being handled.
    nonisolated(unsafe) static var current: Executor?

    /// A pending timer; `cancel()` it when it is no longer needed.
    public struct Timer {
        let pollable: Int32
        public func cancel() { Scheduler.current?.cancel(pollable) }
    }

    /// Calls `work` after `milliseconds` (a `wasi:clocks` pollable; other work goes on meanwhile).
    @discardableResult
    public static func after(milliseconds: Int, _ work: @escaping () -> Void) -> Timer? {
        guard let executor = current else {
            work()
            return nil
        }
        let pollable = wasiSubscribeDuration(Int64(max(0, milliseconds)) * 1_000_000)
        executor.wait(on: pollable, work)
        return Timer(pollable: pollable)
    }

    /// Monotonic time in milliseconds (for measuring, not for dates).
    public static var nowMilliseconds: Int64 { wasiMonotonicNow() / 1_000_000 }

    /// A random 64-bit number from the host (`wasi:random`).
    public static func randomUInt64() -> UInt64 { UInt64(bitPattern: wasiRandomU64()) }
}

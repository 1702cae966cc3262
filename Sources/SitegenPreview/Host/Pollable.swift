import Foundation

/// `wasi:io/poll.pollable`: what a guest can wait for.
enum Pollable {
    /// Always ready: output streams (the host buffers without limit), input streams
    /// (bodies are complete before the guest sees them).
    case ready
    /// A `monotonic-clock.subscribe-duration` timer, due at this `MonotonicClock` time.
    case deadline(UInt64)
    /// An outgoing HTTP call's `future-incoming-response`.
    case call(OutgoingCall)

    func isReady(now: UInt64) -> Bool {
        switch self {
        case .ready: true
        case .deadline(let due): now >= due
        case .call(let call): call.isReady
        }
    }

    var deadline: UInt64? {
        if case .deadline(let due) = self { return due }
        return nil
    }
}

/// `wasi:clocks/monotonic-clock`: nanoseconds since an arbitrary start.
enum MonotonicClock {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

/// Wakes a guest blocked in `poll` when something it waits for completes on another
/// thread (an outgoing HTTP response). One per instance.
final class Wakeup: @unchecked Sendable {
    private let condition = NSCondition()
    private var generation = 0

    func signal() {
        condition.lock()
        generation += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `signal()` or `deadline` (a `MonotonicClock` time), whichever is first.
    /// - Parameter seen: the value of `mark` read before checking readiness, so a signal
    ///   that came in between is not missed.
    func wait(after seen: Int, until deadline: UInt64?) {
        condition.lock()
        defer { condition.unlock() }
        guard generation == seen else { return }
        let now = MonotonicClock.now()
        let limit = deadline.map { $0 > now ? Double($0 - now) / 1e9 : 0 } ?? 1.0
        _ = condition.wait(until: Date().addingTimeInterval(min(limit, 1.0)))
    }

    /// The current signal count.
    var mark: Int {
        condition.lock()
        defer { condition.unlock() }
        return generation
    }
}

/// One outgoing HTTP call: filled in by the HTTP client's thread, read by the guest.
final class OutgoingCall: @unchecked Sendable {
    /// How a call ended.
    enum Outcome {
        case response(IncomingResponse)
        /// An `error-code` case (its discriminant) and a message for the log.
        case failure(code: UInt8, message: String)
    }

    private let lock = NSLock()
    private var outcome: Outcome?
    private var taken = false
    private let wakeup: Wakeup

    init(wakeup: Wakeup) {
        self.wakeup = wakeup
    }

    func complete(_ result: Outcome) {
        lock.withLock { if outcome == nil { outcome = result } }
        wakeup.signal()
    }

    var isReady: Bool { lock.withLock { outcome != nil } }

    /// `get`: nil while pending; `.some(nil)` once the result was already taken.
    func take() -> Outcome?? {
        lock.withLock {
            guard let outcome else { return nil }
            if taken { return .some(nil) }
            taken = true
            return .some(outcome)
        }
    }
}

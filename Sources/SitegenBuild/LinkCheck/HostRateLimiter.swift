import Foundation

/// Spaces requests to one host at least `interval` apart, so a page with fifty links to
/// one site does not hammer it; requests to different hosts go out concurrently.
actor HostRateLimiter {
    private let interval: Duration
    private var nextSlot: [String: ContinuousClock.Instant] = [:]

    init(interval: Duration) {
        self.interval = interval
    }

    /// Waits until a request to `host` may start, and reserves the slot after it.
    func wait(for host: String) async {
        let clock = ContinuousClock()
        let now = clock.now
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: clock) }
    }
}

import Foundation
import Synchronization

/// Turns a hang into a loud, reproducible failure: a background thread that, when one
/// input has run longer than the limit, prints the target, seed, input number and the
/// input, then aborts. (A hung input cannot be cancelled in-process; aborting is what
/// libFuzzer's `-timeout` does too.)
public final class FuzzWatchdog: Sendable {
    /// The one watchdog of the process.
    public static let shared = FuzzWatchdog()

    private struct Current {
        var target = ""
        var seed: UInt64 = 0
        var limitNanoseconds: UInt64 = 0
        var index: UInt64 = 0
        var startedAt: UInt64 = 0
        var input: [UInt8] = []
        var running = false
    }

    private let current = Mutex(Current())
    private let started = Mutex(false)

    private init() {}

    /// Watches the inputs of a run of `target`.
    func arm(target: String, seed: UInt64, limitSeconds: Double) {
        current.withLock {
            $0.target = target
            $0.seed = seed
            $0.limitNanoseconds = UInt64(limitSeconds * 1e9)
        }
        let first = started.withLock { wasStarted in
            defer { wasStarted = true }
            return !wasStarted
        }
        if first {
            let thread = Thread { [self] in watch() }
            thread.name = "fuzz-watchdog"
            thread.start()
        }
    }

    func disarm() { current.withLock { $0.running = false } }

    func begin(_ index: UInt64, input: [UInt8]) {
        Self.currentIndex = index
        let now = DispatchTime.now().uptimeNanoseconds
        current.withLock {
            $0.index = index
            $0.input = input
            $0.startedAt = now
            $0.running = true
        }
    }

    func end() { current.withLock { $0.running = false } }

    /// The input number being run now, for a crash handler's message. A plain word
    /// written before each input (no lock: a signal handler must not take one).
    nonisolated(unsafe) public static var currentIndex: UInt64 = 0

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let now = DispatchTime.now().uptimeNanoseconds
            let hung: Current? = current.withLock {
                // `begin` may have stamped an input after `now` was read: no underflow.
                $0.running && now > $0.startedAt && now - $0.startedAt > $0.limitNanoseconds ? $0 : nil
            }
            guard let hung else { continue }
            let message = """
                sitegen-fuzz: HANG in target '\(hung.target)': input #\(hung.index) still running after \
                \(hung.limitNanoseconds / 1_000_000_000) s
                  reproduce: swift run -c release sitegen-fuzz \(hung.target) --seed \(hung.seed) --start \(hung.index) --count 1
                  input (\(hung.input.count) bytes): \(FuzzRunner.printable(hung.input, limit: 2000))

                """
            FileHandle.standardError.write(Data(message.utf8))
            abort()
        }
    }
}

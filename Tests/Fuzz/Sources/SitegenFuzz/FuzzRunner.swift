import Foundation

/// Runs a target over a numbered range of inputs and reports what broke.
///
/// Inputs are numbered, and each is made from the run's seed and its number alone, so a
/// failure at input 812,344 is reproduced with `sitegen-fuzz <target> --seed S --start
/// 812344 --count 1`. A hang cannot be interrupted in-process, so the ``FuzzWatchdog``
/// prints the input and aborts when one input runs past ``hangSeconds``; inputs that
/// finish but take longer than ``slowSeconds`` are failures too.
public struct FuzzRunner: Sendable {
    /// The run's seed.
    public var seed: UInt64
    /// An input finishing after this long is reported as slow (a failure).
    public var slowSeconds: Double
    /// An input still running after this long aborts the process as a hang.
    public var hangSeconds: Double
    /// Stop after this many failures.
    public var maxFailures: Int

    /// Creates a runner.
    /// - Parameters:
    ///   - seed: The run's seed.
    ///   - slowSeconds: The per-input budget; generous, since CI machines are shared.
    ///   - hangSeconds: When the watchdog gives up on an input.
    ///   - maxFailures: Stop after this many failures.
    public init(seed: UInt64, slowSeconds: Double = 2, hangSeconds: Double = 30, maxFailures: Int = 20) {
        self.seed = seed
        self.slowSeconds = slowSeconds
        self.hangSeconds = hangSeconds
        self.maxFailures = maxFailures
    }

    /// One failing input.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The input number.
        public var index: UInt64
        /// What broke.
        public var message: String
        /// The input itself.
        public var input: [UInt8]

        public var description: String {
            "input #\(index): \(message.prefix(300))\n  input (\(input.count) bytes): \(FuzzRunner.printable(input, limit: 400))"
        }
    }

    /// What a run did.
    public struct Report: Sendable, CustomStringConvertible {
        public var target: String
        public var seed: UInt64
        public var start: UInt64
        public var count: UInt64
        public var seconds: Double
        public var slowestIndex: UInt64
        public var slowestSeconds: Double
        public var totalBytes: Int
        public var failures: [Failure]

        public var description: String {
            let rate = seconds > 0 ? Int(Double(count) / seconds) : 0
            var text = "\(target): \(count) inputs (seed \(seed), from #\(start)) in \(String(format: "%.1f", seconds)) s"
            text += ", \(rate)/s, \(totalBytes / max(Int(count), 1)) bytes on average"
            text += ", slowest #\(slowestIndex) \(String(format: "%.1f", slowestSeconds * 1000)) ms"
            text += failures.isEmpty ? ", no failures" : ", \(failures.count) failures"
            for failure in failures { text += "\n  " + failure.description }
            return text
        }
    }

    /// Runs `count` inputs of `target` starting at number `start`.
    /// - Parameters:
    ///   - target: What to fuzz.
    ///   - start: The first input number.
    ///   - count: How many inputs.
    ///   - progress: Called every 100,000 inputs with the number done.
    public func run(_ target: FuzzTarget, start: UInt64 = 0, count: UInt64,
                    progress: ((UInt64) -> Void)? = nil) -> Report {
        let watchdog = FuzzWatchdog.shared
        watchdog.arm(target: target.name, seed: seed, limitSeconds: hangSeconds)
        defer { watchdog.disarm() }
        var report = Report(target: target.name, seed: seed, start: start, count: 0, seconds: 0,
                            slowestIndex: start, slowestSeconds: 0, totalBytes: 0, failures: [])
        let began = DispatchTime.now().uptimeNanoseconds
        for index in start..<(start + count) {
            let input = target.input(at: index, seed: seed)
            watchdog.begin(index, input: input)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let message = target.check(input)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            watchdog.end()
            report.count += 1
            report.totalBytes += input.count
            if elapsed > report.slowestSeconds { (report.slowestIndex, report.slowestSeconds) = (index, elapsed) }
            if let message {
                report.failures.append(Failure(index: index, message: message, input: input))
            } else if elapsed > slowSeconds {
                report.failures.append(Failure(index: index, message: "took \(elapsed) s (budget \(slowSeconds) s)", input: input))
            }
            if report.failures.count >= maxFailures { break }
            if let progress, report.count % 100_000 == 0 { progress(report.count) }
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        return report
    }

    /// `bytes` as a Swift-like string literal, printable ASCII kept and the rest escaped.
    /// - Parameters:
    ///   - bytes: The input.
    ///   - limit: Bytes shown before `…`.
    public static func printable(_ bytes: [UInt8], limit: Int = .max) -> String {
        var text = "\""
        for byte in bytes.prefix(limit) {
            switch byte {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x20..<0x7F: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text + (bytes.count > limit ? "\"…" : "\"")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

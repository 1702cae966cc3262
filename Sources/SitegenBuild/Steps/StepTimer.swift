/// Times the named steps of a build (`sitegen build -v` and the preview's log show them).
///
/// ```swift
/// let step = StepTimer()
/// let site = step("Load content") { loader.load() }
/// print(step.steps)  // [("Load content", 0.012)]
/// ```
final class StepTimer {
    private let clock = ContinuousClock()
    private(set) var steps: [(String, Double)] = []

    func callAsFunction<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let value = try body()
        steps.append((name, Self.seconds(clock.now - start)))
        return value
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

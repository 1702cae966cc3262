/// One thing to fuzz: how its inputs are made and what must hold for each.
///
/// `check` runs one input. Crashing (a trap, an overflow, an out-of-bounds index) or
/// running past the hang budget is always a failure; `check` returns a message for any
/// other property the input broke (a round trip that differs, a 5xx, a header with a
/// line break), or `nil` when all is well.
///
/// ```swift
/// let report = FuzzRunner(seed: 1).run(.json, count: 5_000)
/// #expect(report.failures.isEmpty)
/// ```
public struct FuzzTarget: Sendable {
    /// The name used on the command line (`json`, `router`…).
    public var name: String
    /// What the target exercises, for `sitegen-fuzz --list` and the report.
    public var summary: String
    /// Makes the inputs.
    public var mutator: Mutator
    /// Runs one input; a message describes a broken property.
    public var check: @Sendable ([UInt8]) -> String?

    /// Creates a target.
    /// - Parameters:
    ///   - name: The command-line name.
    ///   - summary: One line on what is exercised.
    ///   - seeds: Valid inputs to mutate.
    ///   - tokens: Fragments meaningful to the parser.
    ///   - maxLength: The longest input.
    ///   - check: Runs one input and returns a message for a broken property.
    public init(name: String, summary: String, seeds: [[UInt8]], tokens: [[UInt8]], maxLength: Int = 4096,
                check: @escaping @Sendable ([UInt8]) -> String?) {
        self.name = name
        self.summary = summary
        self.mutator = Mutator(seeds: seeds, tokens: tokens, maxLength: maxLength)
        self.check = check
    }

    /// The input number `index` of a run with `seed`.
    /// - Parameters:
    ///   - index: The input number.
    ///   - seed: The run's seed.
    public func input(at index: UInt64, seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(seed: seed, index: index)
        return mutator.input(&random)
    }

    /// Every target, in the order the issue lists them.
    public static let all: [FuzzTarget] = [.frontMatter, .dataFile, .template, .json, .requestTarget, .router, .form, .islandSignature]

    /// The target called `name`, if any.
    /// - Parameter name: A command-line name.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

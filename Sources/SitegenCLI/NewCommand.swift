import ArgumentParser
import Foundation

/// `sitegen new`: scaffolding.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a new site or page.",
        subcommands: [NewSiteCommand.self, NewPageCommand.self])
}

/// `sitegen new site NAME`.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a site folder that builds at once: config, posts, an island with its server function.",
        discussion: "The site uses the default theme that comes with sitegen (theme = \"default\"); copy it into themes/default to change it.")

    @Argument(help: "The folder to create (its name becomes the title).") var name: String
    @Option(help: "The site's title (default: from the folder name).") var title: String?

    func run() throws {
        let folderName = URL(fileURLWithPath: name).lastPathComponent
        let scaffold = SiteScaffold(title: title ?? PageScaffold(path: folderName).title)
        do throws(SiteScaffold.Problem) {
            try scaffold.write(to: name)
        } catch {
            switch error {
            case .folderNotEmpty(let folder):
                Console.err("error: '" + folder + "' already exists and is not empty")
                Console.err("  fix: choose another name, or remove the folder first")
            case .cannotWrite(let path):
                Console.err("error: cannot write '" + path + "'")
                Console.err("  fix: check that the parent folder exists and is writable")
            }
            throw ExitCode(1)
        }
        print("Created the site '" + scaffold.title + "' in " + name + "/")
        print("")
        print("  sitegen build --source " + name + "      # into " + name + "/dist")
        print("  sitegen preview --source " + name + "    # http://127.0.0.1:1313, rebuilds on change")
        print("  sitegen new page posts/my-post.md --source " + name)
    }
}

/// `sitegen new page PATH`.
struct NewPageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Create a Markdown page under content/ with a title, today's date and draft: true.",
        discussion: "PATH is relative to content/ (posts/my-post.md); end it with / for a page bundle (posts/trip/ → posts/trip/index.md). An existing file is never overwritten.")

    @Argument(help: "The page, relative to content/ (posts/my-post.md).") var path: String
    @Option(name: .shortAndLong, help: "The site folder, holding sitegen.toml.") var source: String = "."

    func run() throws {
        let page = PageScaffold(path: path)
        do throws(PageScaffold.Problem) {
            let written = try page.write(inSite: source)
            print("Created " + (source == "." ? "" : source + "/") + written + " (draft: \"" + page.title + "\")")
        } catch {
            switch error {
            case .exists(let file):
                Console.err("error: '" + file + "' already exists")
                Console.err("  fix: choose another name, or delete the file first; sitegen new never overwrites")
            case .noSite(let folder):
                Console.err("error: no sitegen.toml in '" + folder + "'")
                Console.err("  fix: run in a site folder, pass --source DIR, or create one with 'sitegen new site NAME'")
            case .outsideContent(let path):
                Console.err("error: '" + path + "' is not a path inside content/")
                Console.err("  expected: a relative path such as posts/my-post.md")
            case .cannotWrite(let file):
                Console.err("error: cannot write '" + file + "'")
                Console.err("  fix: check that the folder is writable")
            }
            throw ExitCode(1)
        }
    }
}

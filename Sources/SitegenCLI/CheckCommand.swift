import ArgumentParser
import Dispatch
import Foundation
import SitegenBuild

/// `sitegen check`: build into a temporary folder and report broken links by page.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site into a temporary folder and report broken links (dist/ is not touched).",
        discussion: """
            Internal links to content files and #anchors (the warnings every build prints) and root-relative \
            links such as /about/ are always checked. With --external, http(s) links are requested too: \
            concurrently, --per-host-delay apart per host, each with a --timeout. Working URLs are remembered \
            in <source>/.sitegen/linkcheck.json for --cache-hours, so reruns skip them. Exits with 1 when \
            anything is broken.
            """)

    @Option(name: .shortAndLong, help: "The site folder, holding sitegen.toml.")
    var source: String = "."

    @Flag(help: "Also check external http(s) links over the network.")
    var external = false

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Option(help: "Seconds to wait for each external link.")
    var timeout: Double = 10

    @Option(help: "External requests in flight at once.")
    var concurrency = 8

    @Option(name: .customLong("per-host-delay"), help: "Least milliseconds between two requests to one host.")
    var perHostDelay = 250

    @Option(name: .customLong("cache-hours"), help: "Hours a working external link is not checked again (0: always check).")
    var cacheHours: Double = 24

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("'--timeout \(timeout)' must be more than 0 seconds") }
        guard concurrency >= 1 else { throw ValidationError("'--concurrency \(concurrency)' must be at least 1") }
        guard perHostDelay >= 0, cacheHours >= 0 else { throw ValidationError("delays and hours cannot be negative") }
    }

    func run() throws {
        var options = LinkCheckOptions(source: source)
        options.build.includeDrafts = drafts
        options.external = external
        options.timeout = timeout
        options.concurrency = concurrency
        options.perHostInterval = .milliseconds(perHostDelay)
        options.cacheTTL = Int(cacheHours * 3600)
        let checker = LinkChecker(options: options)
        let report = Blocking.wait { await checker.run() }
        guard report.buildErrors.isEmpty else {
            Console.report(report.buildErrors)
            Console.err("error: the site did not build, so no link was checked")
            throw ExitCode(1)
        }
        print(report.formatted, terminator: "")
        var summary = "Checked " + Console.count(report.internalLinksChecked, "internal link")
        if external {
            summary += " and " + Console.count(report.externalLinksChecked, "external link")
            if report.cachedURLs > 0 { summary += " (" + String(report.cachedURLs) + " from the cache)" }
        }
        if report.isClean {
            print(summary + ": none broken")
            return
        }
        print(summary + ": " + Console.count(report.problemCount, "broken link") + " in " + Console.count(report.pages.count, "page"))
        throw ExitCode(1)
    }
}

/// Runs async work to completion from a synchronous command. The root command stays a
/// `ParsableCommand`: argument-parser picks its synchronous `main()` from another
/// module on Linux, so an async root would refuse to start.
enum Blocking {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}

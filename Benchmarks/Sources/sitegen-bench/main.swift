// sitegen-bench: micro-benchmarks run by Benchmarks/run (never by the test suite).
//
//   sitegen-bench templates [--iterations 10000] [--repetitions 5] [--warmup 1000] [--json] [--print]
//
// Kept out of the product: it links only SitegenHTML and SitegenTemplates.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let usage = """
    usage: sitegen-bench templates [--iterations N] [--repetitions N] [--warmup N] [--json] [--print]

      templates   compile base.html + list.html (extends base; a 50-item for loop with
                  title, date | date('%B %e, %Y'), tags | join, summary, loop.index and an if)
                  and render list.html N times per repetition after a warmup.
                  Prints min/median/max microseconds per rendered page.

      --iterations N   renders per repetition (default 10000)
      --repetitions N  timed repetitions (default 5)
      --warmup N       untimed renders first (default 1000)
      --json           print one JSON object instead of text
      --print          print the rendered page once and exit (to check the output)
    """

func fail(_ message: String) -> Never {
    printError("Error: " + message + "\n" + usage)
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("missing command") }
arguments.removeFirst()

switch command {
case "templates":
    var options = TemplateBenchmark.Options()
    var i = 0
    func intValue(_ flag: String) -> Int {
        i += 1
        guard i < arguments.count, let n = Int(arguments[i]), n >= 0 else { fail(flag + " expects a number") }
        return n
    }
    while i < arguments.count {
        switch arguments[i] {
        case "--iterations": options.iterations = max(1, intValue("--iterations"))
        case "--repetitions": options.repetitions = max(1, intValue("--repetitions"))
        case "--warmup": options.warmup = intValue("--warmup")
        case "--json": options.json = true
        case "--print": options.printOnly = true
        default: fail("unknown option '" + arguments[i] + "'")
        }
        i += 1
    }
    exit(TemplateBenchmark(options: options).run())
case "-h", "--help", "help":
    print(usage)
default:
    fail("unknown command '" + command + "'")
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SitegenHTML
import SitegenTemplates

/// `sitegen-bench templates`: compile once, then time `list.html` renders.
///
/// Each repetition renders `iterations` pages back to back into a fresh `HTMLWriter`
/// (as the build does per output file) and reports the mean time per page; the
/// min/median/max are over repetitions. The bytes are summed so the work cannot be
/// optimised away.
struct TemplateBenchmark {
    struct Options {
        var iterations = 10_000
        var repetitions = 5
        var warmup = 1_000
        var json = false
        var printOnly = false
    }

    let options: Options

    func run() -> Int32 {
        let clock = ContinuousClock()
        var templates: [Template] = []
        let compileStart = clock.now
        for (name, source) in [("base.html", BenchTemplates.base), ("list.html", BenchTemplates.list)] {
            let result = TemplateCompiler.compile(source, name: name)
            for d in result.diagnostics { printError(d.formatted) }
            guard let template = result.template else { return 1 }
            templates.append(template)
        }
        let compileMicros = (clock.now - compileStart).microseconds
        let engine = TemplateEngine(library: TemplateLibrary(templates))
        let context = BenchContext.make(pages: 50)

        func renderOnce() throws(TemplateError) -> Int {
            var writer = HTMLWriter()
            try engine.render("list.html", context: context, into: &writer)
            return writer.bytes.count
        }

        let pageBytes: Int
        do throws(TemplateError) {
            pageBytes = try renderOnce()
            if options.printOnly {
                print(try engine.render("list.html", context: context).html)
                return 0
            }
            var sink = 0
            for _ in 0..<options.warmup { sink &+= try renderOnce() }
            var perPage: [Double] = []
            for _ in 0..<options.repetitions {
                let t0 = clock.now
                for _ in 0..<options.iterations { sink &+= try renderOnce() }
                perPage.append((clock.now - t0).microseconds / Double(options.iterations))
            }
            if sink == 42 { print("") }  // keeps `sink` alive
            report(Samples(perPage), compileMicros: compileMicros, pageBytes: pageBytes)
        } catch {
            printError("error: render failed: " + error.message)
            return 1
        }
        return 0
    }

    func report(_ s: Samples, compileMicros: Double, pageBytes: Int) {
        if options.json {
            let runs = s.values.map { fixed($0, 3) }.joined(separator: ", ")
            print("""
                {"benchmark": "templates", "template": "list.html extends base.html, 50-item for loop", \
                "items": 50, "iterations": \(options.iterations), "repetitions": \(options.repetitions), \
                "warmup": \(options.warmup), "page_bytes": \(pageBytes), "compile_us": \(fixed(compileMicros, 1)), \
                "us_per_page": {"min": \(fixed(s.min, 3)), "median": \(fixed(s.median, 3)), "max": \(fixed(s.max, 3))}, \
                "pages_per_s_median": \(fixed(1e6 / s.median, 0)), "runs_us_per_page": [\(runs)]}
                """)
        } else {
            print("templates: list.html (extends base.html, 50-item loop), \(pageBytes) bytes/page")
            print("  compile (2 templates): \(fixed(compileMicros, 1)) µs")
            print("  \(options.repetitions) × \(options.iterations) renders after \(options.warmup) warmup")
            print("  µs/page  min \(fixed(s.min, 2))  median \(fixed(s.median, 2))  max \(fixed(s.max, 2))"
                + "  (\(fixed(1e6 / s.median, 0)) pages/s, \(fixed(s.median / 50, 3)) µs/item)")
        }
    }
}

import SitegenHTML

/// The fixed context of the `templates` benchmark: a section of 50 pages shaped like
/// what the build passes (`section.pages[*]` with title, date, permalink, draft,
/// taxonomies.tags, summary), plus `config`, `now`, `current_path` and `current_url`.
/// Deterministic: a small linear congruential generator, no randomness.
enum BenchContext {
    static let words = [
        "build", "pipeline", "cache", "template", "page", "section", "taxonomy", "renderer", "parser",
        "compiler", "incremental", "parallel", "lazy", "static", "fast", "deterministic", "stream", "index",
        "feed", "sitemap", "escapes", "renders", "resolves", "loads", "writes", "<html>", "Fish & Chips",
    ]
    static let tags = [
        "swift", "go", "rust", "python", "performance", "testing", "templates", "static-sites", "ci",
        "markdown", "html", "css", "caching", "profiling", "tooling",
    ]

    static func make(pages count: Int = 50) -> Value {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func phrase(_ n: Int) -> String {
            var s = ""
            for k in 0..<n { s += (k == 0 ? "" : " ") + words[next(words.count)] }
            return s
        }
        var pages: [Value] = []
        for i in 0..<count {
            let title = phrase(3 + next(4))
            let slug = "post-" + String(i + 1)
            let day = 1 + next(28), month = 1 + next(12), year = 2014 + next(11)
            let date = String(year) + "-" + pad(month) + "-" + pad(day) + "T" + pad(next(24)) + ":" + pad(next(60)) + ":00Z"
            var pageTags: [Value] = []
            let first = next(tags.count)
            for k in 0..<(2 + next(4)) { pageTags.append(.string(tags[(first + k * 4) % tags.count])) }
            var page = Object()
            page["title"] = .string(title)
            page["permalink"] = .string("https://bench.example.org/posts/" + slug + "/")
            page["path"] = .string("/posts/" + slug + "/")
            page["date"] = .string(date)
            page["draft"] = .bool(i % 17 == 5)
            page["summary"] = .string(phrase(14 + next(12)) + ".")
            page["taxonomies"] = ["tags": .array(pageTags)]
            page["content"] = .html("<p>" + phrase(200) + "</p>")
            page["weight"] = .null
            pages.append(.object(page))
        }
        let menu: Value = [
            ["name": "Blog", "url": "/posts/", "weight": 1],
            ["name": "Docs", "url": "/docs/", "weight": 2],
            ["name": "Tags", "url": "/tags/", "weight": 3],
        ]
        let config: Value = [
            "title": "Sitegen Benchmark Site", "base_url": "https://bench.example.org", "language": "en",
            "menu": ["main": menu],
        ]
        let section: Value = [
            "title": "Blog", "permalink": "https://bench.example.org/posts/", "path": "/posts/",
            "content": .html("<p>All blog posts.</p>\n"), "pages": .array(pages), "subsections": [],
        ]
        return [
            "config": config, "now": "2026-11-25T12:00:00Z", "section": section,
            "current_path": "/posts/", "current_url": "https://bench.example.org/posts/",
        ]
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}

import Foundation
import Testing

/// Traversal and oversize requests sent byte for byte (a raw socket: URLSession would
/// normalize `..` and `%2e`): each is answered 4xx, never with a file outside the site,
/// never 5xx, and the server keeps serving afterwards.
@Suite("Hostile requests", HostTools.required, .timeLimit(.minutes(10)))
struct HostileRequestTests {
    /// Request target → the status the server must answer.
    static let textTargets: [(String, Int)] = [
        ("/../etc/passwd", 400),
        ("/%2e%2e/%2e%2e/etc/passwd", 400),
        ("/%2E%2E/%2E%2E/etc/passwd", 400),
        ("/posts/../../etc/passwd", 400),
        ("/posts/..%2f..%2f", 400),
        ("/posts/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400),
        ("/.%2e/etc/passwd", 400),
        ("/%2e%2e", 400),
        ("/./index.html", 400),
        ("/_sg/../../etc/passwd", 400),
        ("/%00", 400),
        ("/index.html%00.png", 400),
        ("/a%5cb", 400),
        ("/a%5Cb", 400),
        ("/..%5c..%5cetc%5cpasswd", 400),
        ("/a\\b", 400),
        ("/..\\..\\etc\\passwd", 400),
        ("/posts\\..\\..\\etc\\passwd", 400),
        ("/%c0%ae%c0%ae/etc/passwd", 400),  // overlong UTF-8 for '.'
        ("/%ff", 400),
        ("/%zz", 400),
        ("/a%", 400),
        ("/%1b[31m", 400),
        ("*", 400),
        ("http://127.0.0.1/../../etc/passwd", 400),
        ("/" + String(repeating: "a/", count: 65), 414),  // more than 64 segments
        ("/" + String(repeating: "a", count: 3000), 414),
        ("/?" + String(repeating: "q", count: 9000), 414),
        ("/posts/%252e%252e/%252e%252e/etc/passwd", 404),  // double encoding is a literal name
        ("//etc/passwd", 404),  // empty segments are dropped: still inside the site
        ("/etc/passwd", 404),
    ]

    /// Request target bytes → status, including raw bytes no String literal can carry.
    static let targets: [([UInt8], Int)] = textTargets.map { (Array($0.0.utf8), $0.1) } + [
        ([0x2F, 0xFF, 0xFE], 400),  // raw bytes that are not UTF-8 (hyper refuses the URI)
        (Array("/caf".utf8) + [0xC3, 0xA9], 404),  // raw UTF-8 passes hyper: a name that is not in the site
    ]

    /// Oversized header fields → 431.
    static let headerCases: [(String, [(String, String)])] = [
        ("one 20 KB header", [("x-big", String(repeating: "a", count: 20 * 1024))]),
        ("one 9 KB header", [("x-big", String(repeating: "a", count: 9 * 1024))]),
        ("20 headers of 1 KB", (0..<20).map { ("x-h\($0)", String(repeating: "b", count: 1024)) }),
    ]

    /// Markers of files outside the site: /etc/passwd, and a canary beside `dist/`.
    static let canary = "sitegen-e2e canary: outside the site"

    @Test("traversal and malformed targets are 4xx and never leak a file", arguments: Backend.allCases)
    func hostileTargets(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        // A file next to dist/ (the preopen's parent): reachable only by escaping the site.
        let outside = URL(fileURLWithPath: site.dist).deletingLastPathComponent().path
        try Self.canary.write(toFile: outside + "/canary.txt", atomically: true, encoding: .utf8)
        let canaryTargets: [([UInt8], Int)] = ["/../canary.txt", "/%2e%2e/canary.txt", "/..%2fcanary.txt", "/..\\canary.txt",
                                               "/posts/../../canary.txt", "/canary.txt"].map { (Array($0.utf8), $0 == "/canary.txt" ? 404 : 400) }
        let passwd = FileManager.default.contents(atPath: "/etc/passwd").map { Array($0) } ?? []
        try withWasmtime(site) { server in
            for (target, status) in Self.targets + canaryTargets {
                let response = try RawHTTPClient.request("GET", target, port: server.port)
                let shown = String(decoding: target.prefix(80), as: UTF8.self) + (target.count > 80 ? "…(\(target.count) bytes)" : "")
                let context = Comment(rawValue: "GET \(shown) → \(response.summary)\n" + server.logComment)
                #expect(response.status == status, context)
                #expect((400..<500).contains(response.status), context)
                #expect(!response.text.contains("root:"), context)
                #expect(!response.text.contains(Self.canary), context)
                #expect(passwd.isEmpty || response.body != passwd, context)
            }
            try Self.expectStillServing(server, site)
        }
    }

    @Test("oversized headers are 431, never 5xx", arguments: Backend.allCases)
    func oversizedHeaders(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for (name, headers) in Self.headerCases {
                let response = try server.get("/", headers)
                let context = Comment(rawValue: "\(name) → \(response.summary)\n" + server.logComment)
                #expect(response.status == 431, context)
                #expect(response.text.contains("431 Request Header Fields Too Large"), context)
            }
            // Just under the limits is fine.
            let ok = try server.get("/", [("x-fits", String(repeating: "c", count: 8 * 1024 - 64))])
            #expect(ok.status == 200, "an 8 KB header must pass: \(ok.summary)")
            try Self.expectStillServing(server, site)
        }
    }

    @Test("methods and targets together: a hostile POST is 4xx", arguments: Backend.allCases)
    func hostileMethods(_ backend: Backend) throws {
        let site = try BlogSite.built(backend)
        try withWasmtime(site) { server in
            for (method, target) in [("POST", "/../etc/passwd"), ("DELETE", "/%2e%2e/"), ("PUT", "/a%5cb"), ("HEAD", "/../etc/passwd")] {
                let response = try server.request(method, target, [], body: method == "PUT" ? Array("x".utf8) : [])
                let context = Comment(rawValue: "\(method) \(target) → \(response.summary)")
                #expect(response.status == 400, context)
                #expect(method != "HEAD" || response.body.isEmpty, context)
            }
            try Self.expectStillServing(server, site)
        }
    }

    /// `/` still answers 200 with the home page.
    static func expectStillServing(_ server: ServerProcess, _ site: BuiltSite) throws {
        let home = try server.get("/")
        #expect(home.status == 200, "the server stopped serving / after hostile requests: \(home.summary)\n\(server.logComment)")
        #expect(home.body == site.file("index.html"))
    }
}

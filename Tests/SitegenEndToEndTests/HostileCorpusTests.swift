import Foundation
import SitegenFuzz
import Synchronization
import Testing

/// Issue 8: a generated corpus of 10,500 malformed or malicious requests (see
/// ``HostileCorpus``) against the streaming fixture's real component on `wasmtime
/// serve`, four connections at a time. Every answer is a 4xx — never a 5xx, never a
/// trap, never bytes of a file outside the site — except the redirect-injection cases,
/// which must redirect and stay on the site; and normal requests (a page, a server
/// function call, a signed island) keep working throughout, one every 25 hostile ones.
@Suite("Hostile request corpus", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct HostileCorpusTests {
    static let count = 10_500
    static let workers = 4
    static let healthEvery = 25
    static let seed: UInt64 = 8

    struct Outcome: Sendable {
        var statuses: [String: [Int: Int]] = [:]
        var violations: [String] = []
        var healthChecks = 0
    }

    @Test("10,500 hostile requests: all refused with a 4xx (redirects stay on the site), the site keeps serving")
    func corpus() throws {
        let site = try StreamingSite.built()
        let island = try IslandEndpointTests.source(in: site, page: "one/index.html")
        let outside = URL(fileURLWithPath: site.dist).deletingLastPathComponent().path
        try HostileRequestTests.canary.write(toFile: outside + "/canary.txt", atomically: true, encoding: .utf8)
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
        let outcome = Mutex(Outcome())
        let started = Date()
        try withWasmtime(site) { server in
            let corpus = HostileCorpus(port: server.port, islandURL: island)
            DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
                var sent = 0
                for index in stride(from: worker, to: Self.count, by: Self.workers) {
                    let request = corpus.request(index, seed: Self.seed)
                    let verdict = Self.check(request, server: server, passwd: passwd)
                    outcome.withLock { outcome in
                        outcome.statuses[request.kind, default: [:]][verdict.status, default: 0] += 1
                        if let problem = verdict.problem { outcome.violations.append("#\(index) \(request.summary) → \(problem)") }
                    }
                    sent += 1
                    if sent % Self.healthEvery == 0 {
                        let problem = Self.healthCheck(server, island: island, round: sent / Self.healthEvery)
                        outcome.withLock { outcome in
                            outcome.healthChecks += 1
                            if let problem { outcome.violations.append("after #\(index): \(problem)") }
                        }
                    }
                }
            }
        }
        let result = outcome.withLock { $0 }
        let table = result.statuses.sorted { $0.key < $1.key }.map { kind, statuses in
            kind + ": " + statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        }.joined(separator: "\n")
        let summary = "\(Self.count) hostile requests and \(result.healthChecks) health checks in "
            + String(format: "%.1f", Date().timeIntervalSince(started)) + " s\n" + table
        print(summary)
        #expect(result.statuses.values.reduce(0) { $0 + $1.values.reduce(0, +) } == Self.count)
        #expect(result.healthChecks >= Self.count / Self.healthEvery - Self.workers)
        #expect(result.violations.isEmpty, Comment(rawValue: "\(result.violations.count) violations:\n"
            + result.violations.prefix(40).joined(separator: "\n") + "\n" + summary))
    }

    /// The status (0: no response) and what was wrong with the answer, if anything.
    static func check(_ request: HostileRequest, server: ServerProcess, passwd: String) -> (status: Int, problem: String?) {
        let response: HTTPResponse
        do {
            response = try RawHTTPClient.exchange(request.bytes, port: server.port, halfClose: request.truncated)
        } catch {
            return (0, "no response: \(error)")
        }
        let status = response.status
        if status >= 500 { return (status, "server error \(response.summary) \(response.text.prefix(200))") }
        if response.text.contains(HostileRequestTests.canary) || response.text.contains(passwd) {
            return (status, "the body holds a file from outside the site")
        }
        switch request.expectation {
        case .refused:
            if !(400..<500).contains(status) { return (status, "expected a 4xx, got \(response.summary)") }
        case .sameSiteRedirect:
            guard status == 303 || status == 308, let location = response.header("location") else {
                return (status, "expected a redirect, got \(response.summary)")
            }
            let bytes = Array(location.utf8)
            if bytes.first != UInt8(ascii: "/") || bytes.count > 1 && (bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\")) {
                return (status, "redirect leaves the site: location '\(location)'")
            }
            if response.header("set-cookie") != nil || bytes.contains(where: { $0 < 0x20 }) {
                return (status, "a header was injected: \(response.summary)")
            }
        }
        return (status, nil)
    }

    /// A page, a server-function call and a signed island still answer normally.
    static func healthCheck(_ server: ServerProcess, island: String, round: Int) -> String? {
        do {
            let home = try server.get("/")
            guard home.status == 200, home.text.contains("</html>") else { return "GET / → \(home.summary)" }
            if round % 4 == 0 {
                let headers = [("origin", "http://127.0.0.1:\(server.port)"), ("content-type", "application/json"), ("accept", "application/json")]
                let echo = try server.request("POST", "/_sg/fn/echo", headers, body: Array(#"{"n":\#(round),"word":"ok"}"#.utf8))
                guard echo.status == 200, echo.text.contains("\"n\":\(round)") else { return "echo → \(echo.summary) \(echo.text)" }
            }
            if round % 4 == 2 {
                let loaded = try server.get(island)
                guard loaded.status == 200, loaded.text.contains("loaded") else { return "island → \(loaded.summary)" }
            }
            return nil
        } catch {
            return "health check failed: \(error)"
        }
    }
}

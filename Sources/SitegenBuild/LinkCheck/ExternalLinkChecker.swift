import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Checks external `http(s)` URLs: concurrently, at most one request per `perHostInterval`
/// to any one host, each with a timeout. `HEAD` first; servers that refuse `HEAD` (405,
/// 501, or a 403 from a bot filter) get a `GET`. Redirects are followed and the final
/// status counts.
struct ExternalLinkChecker: Sendable {
    var timeout: Double = 10
    var concurrency = 8
    var perHostInterval: Duration = .milliseconds(250)

    /// How one URL fared.
    enum Outcome: Equatable, Sendable {
        /// The final HTTP status.
        case status(Int)
        /// No answer: a timeout, a refused connection, an unknown host.
        case failed(String)

        var isBroken: Bool {
            if case .status(let code) = self { return code >= 400 }
            return true
        }

        /// `404 Not Found`, `timed out after 10 s`.
        var reason: String {
            switch self {
            case .status(let code): return String(code) + " " + HTTPURLResponse.localizedString(forStatusCode: code).capitalized
            case .failed(let why): return why
            }
        }
    }

    func check(_ urls: [String]) async -> [String: Outcome] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "sitegen-check/0.1 (+https://sitegen.dev/docs/cli/)"]
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let limiter = HostRateLimiter(interval: perHostInterval)
        var results: [String: Outcome] = [:]
        await withTaskGroup(of: (String, Outcome).self) { group in
            var pending = urls[...]
            func startNext() {
                guard let url = pending.popFirst() else { return }
                group.addTask { (url, await self.check(url, session: session, limiter: limiter)) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (url, outcome) = await group.next() {
                results[url] = outcome
                startNext()
            }
        }
        return results
    }

    func check(_ string: String, session: URLSession, limiter: HostRateLimiter) async -> Outcome {
        guard let url = URL(string: string), let host = url.host, ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            return .failed("not a valid http(s) URL")
        }
        await limiter.wait(for: host)
        let head = await request(url, method: "HEAD", session: session)
        guard case .status(let code) = head, [403, 405, 501].contains(code) else { return head }
        await limiter.wait(for: host)
        return await request(url, method: "GET", session: session)
    }

    func request(_ url: URL, method: String, session: URLSession) async -> Outcome {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .failed("not an HTTP response") }
            return .status(http.statusCode)
        } catch let error as URLError where error.code == .timedOut {
            return .failed("timed out after " + Self.seconds(timeout))
        } catch let error as URLError {
            return .failed(Self.describe(error))
        } catch {
            return .failed(String(describing: error))
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) + " s" : String(s) + " s"
    }

    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "connection refused"
        case .httpTooManyRedirects: return "too many redirects"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return "TLS failed: " + error.localizedDescription
        case .notConnectedToInternet: return "no network connection"
        default: return error.localizedDescription
        }
    }
}

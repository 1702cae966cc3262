import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `wasi:http/outgoing-handler` on URLSession: a real HTTP client for loaders and
/// functions, as `wasmtime serve` gives them one.
///
/// Like wasmtime's handler it does not follow redirects (the guest sees the 3xx) and
/// reads the whole body before the guest gets the response, which is fine for the
/// small JSON bodies loaders fetch (the runtime caps them at 4 MiB anyway).
final class OutgoingHTTPClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    static let shared = OutgoingHTTPClient()

    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    /// Largest body kept; beyond it the call fails with `HTTP-response-body-size`.
    static let maximumBodySize = 16 << 20

    /// Starts `request`; `call` completes on another thread.
    func start(_ request: OutgoingRequest, options: RequestOptions?, body: [UInt8], call: OutgoingCall) {
        guard let authority = request.authority, !authority.isEmpty,
              let url = URL(string: request.scheme + "://" + authority + request.pathWithQuery) else {
            // error-code 19: HTTP-request-URI-invalid
            return call.complete(.failure(code: 19, message: "invalid URL for an outgoing request"))
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers.entries {
            urlRequest.addValue(String(decoding: value, as: UTF8.self), forHTTPHeaderField: name)
        }
        if !body.isEmpty { urlRequest.httpBody = Data(body) }
        let timeouts = [options?.connectTimeout, options?.firstByteTimeout, options?.betweenBytesTimeout].compactMap { $0 }
        urlRequest.timeoutInterval = timeouts.max().map { max(0.001, Double($0) / 1e9) } ?? 60
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                return call.complete(.failure(code: Self.errorCode(error), message: error.localizedDescription))
            }
            guard let http = response as? HTTPURLResponse else {
                return call.complete(.failure(code: 25, message: "no HTTP response"))  // HTTP-response-incomplete
            }
            let bytes = data.map { Array($0) } ?? []
            guard bytes.count <= Self.maximumBodySize else {
                return call.complete(.failure(code: 28, message: "response body over \(Self.maximumBodySize) bytes"))
            }
            var headers: [(name: String, value: [UInt8])] = []
            for (key, value) in http.allHeaderFields {
                headers.append((String(describing: key).lowercased(), Array(String(describing: value).utf8)))
            }
            headers.sort { $0.name < $1.name }
            call.complete(.response(IncomingResponse(status: http.statusCode, headers: headers, body: bytes)))
        }
        task.resume()
    }

    /// The guest sees redirects as they are (no following), like wasmtime's client.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    /// The `error-code` case for a URLSession error.
    static func errorCode(_ error: any Error) -> UInt8 {
        guard let urlError = error as? URLError else { return 38 }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed: return 1         // DNS-error
        case .cannotConnectToHost: return 6                       // connection-refused
        case .networkConnectionLost: return 7                     // connection-terminated
        case .timedOut: return 8                                  // connection-timeout
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot: return 13  // TLS-certificate-error
        case .badURL, .unsupportedURL: return 19                  // HTTP-request-URI-invalid
        default: return 38                                        // internal-error
        }
    }
}

import Foundation
import SitegenTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as it came off the socket, with the body de-chunked and the arrival time
/// of each read, so tests can see streaming.
struct TestResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Seconds after the request was sent at which each piece of the raw response arrived.
    var arrivals: [Double]

    func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
}

typealias TestClientError = EndToEndError

/// The shared raw client (`SitegenTestSupport.RawHTTPClient`) with the preview tests'
/// defaults: `Int` ports, an optional `host` field, and a long time limit (a request may
/// wait for a whole build).
enum TestHTTPClient {
    static func request(_ method: String, _ target: String, port: Int, headers: [(String, String)] = [],
                        body: [UInt8] = [], host: String? = nil, timeout: Double = 600) throws -> TestResponse {
        var bytes = Array("\(method) \(target) HTTP/1.1\r\nhost: \(host ?? "127.0.0.1:\(port)")\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if !body.isEmpty { bytes += Array("content-length: \(body.count)\r\n".utf8) }
        bytes += Array("connection: close\r\n\r\n".utf8) + body
        let timed = try RawHTTPClient.timedExchange(bytes, port: UInt16(port), isHead: method == "HEAD", timeout: timeout)
        return TestResponse(status: timed.response.status, headers: timed.response.headers, body: timed.response.body,
                            arrivals: timed.arrivals.map(\.seconds))
    }

    static func get(_ target: String, port: Int, headers: [(String, String)] = [("accept", "text/html")]) throws -> TestResponse {
        try request("GET", target, port: port, headers: headers)
    }

    /// A port that was free a moment ago.
    static func freePort() throws -> Int { Int(try RawHTTPClient.freePort()) }

    static func isListening(port: Int) -> Bool { RawHTTPClient.isListening(port: UInt16(port)) }
}

/// Reads a Server-Sent Events stream on a background thread.
final class EventStreamReader: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var text = ""
    private var open = true

    init(port: Int, path: String = "/_sg/preview/events") throws {
        fd = try RawHTTPClient.openConnection(port: UInt16(port), receiveTimeout: 0.2)
        try RawHTTPClient.sendAll(fd, Array("GET \(path) HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\naccept: text/event-stream\r\n\r\n".utf8))
        // The reader thread owns the descriptor and closes it when it stops. Closed from
        // another thread, its number could be reused (by a test's next connection) before
        // this loop's last `recv`, which would then read that connection's response.
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while lock.withLock({ open }) {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    lock.withLock { text += String(decoding: buffer[0..<n], as: UTF8.self) }
                } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    break
                }
            }
            Glibc.close(fd)
        }
        thread.start()
    }

    /// Everything received so far.
    var received: String { lock.withLock { text } }

    /// Waits until an `event: name` line has arrived (after `after` characters).
    func waitFor(event name: String, after offset: Int = 0, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if received.dropFirst(offset).contains("event: \(name)\n") { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Stops reading: the reader thread sees the shut-down socket and closes it.
    func close() {
        guard lock.withLock({ () -> Bool in
            defer { open = false }
            return open
        }) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
    }

    deinit { close() }
}

import Foundation

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

struct TestClientError: Error, CustomStringConvertible {
    var description: String
}

/// A minimal HTTP/1.1 client over POSIX sockets (`connection: close`), bounded in time.
enum TestHTTPClient {
    static func request(_ method: String, _ target: String, port: Int, headers: [(String, String)] = [],
                        body: [UInt8] = [], host: String? = nil, timeout: Double = 600) throws -> TestResponse {
        var bytes = Array("\(method) \(target) HTTP/1.1\r\nhost: \(host ?? "127.0.0.1:\(port)")\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if !body.isEmpty { bytes += Array("content-length: \(body.count)\r\n".utf8) }
        bytes += Array("connection: close\r\n\r\n".utf8) + body
        let fd = try connect(port: port)
        defer { close(fd) }
        try send(fd, bytes)
        let start = Date()
        var received: [UInt8] = []
        var arrivals: [Double] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                received += buffer[0..<n]
                arrivals.append(Date().timeIntervalSince(start))
            } else if n == 0 {
                break
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard Date().timeIntervalSince(start) < timeout else {
                    throw TestClientError(description: "\(method) \(target): no complete response in \(timeout) s (\(received.count) bytes)")
                }
            } else {
                break
            }
        }
        return try parse(received, arrivals: arrivals, isHead: method == "HEAD")
    }

    static func get(_ target: String, port: Int, headers: [(String, String)] = [("accept", "text/html")]) throws -> TestResponse {
        try request("GET", target, port: port, headers: headers)
    }

    /// A port that was free a moment ago.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestClientError(description: "bind failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func isListening(port: Int) -> Bool {
        guard let fd = try? connect(port: port) else { return false }
        close(fd)
        return true
    }

    // MARK: Sockets

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestClientError(description: "socket failed") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: UInt16(port))
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw TestClientError(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw TestClientError(description: "send failed: errno \(errno)") }
            sent += n
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    // MARK: Parsing

    static func parse(_ data: [UInt8], arrivals: [Double], isHead: Bool) throws -> TestResponse {
        guard let end = index(of: [13, 10, 13, 10], in: data[...]) else {
            throw TestClientError(description: "no end of head in \(data.count) bytes")
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestClientError(description: "bad status line \(lines[0])") }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(data[(end + 4)...])
        if !isHead, headers.contains(where: { $0.0 == "transfer-encoding" && $0.1.contains("chunked") }) { body = try dechunk(body) }
        return TestResponse(status: status, headers: headers, body: body, arrivals: arrivals)
    }

    static func dechunk(_ data: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var rest = data[...]
        while true {
            guard let lineEnd = index(of: [13, 10], in: rest),
                  let size = Int(String(decoding: rest[rest.startIndex..<lineEnd], as: UTF8.self), radix: 16) else {
                throw TestClientError(description: "bad chunk")
            }
            if size == 0 { return out }
            let start = lineEnd + 2
            guard start + size <= rest.endIndex else { throw TestClientError(description: "truncated chunk") }
            out += rest[start..<(start + size)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
    }

    static func index(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// Reads a Server-Sent Events stream on a background thread.
final class EventStreamReader: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var text = ""
    private var open = true

    init(port: Int, path: String = "/_sg/preview/events") throws {
        fd = try TestHTTPClient.connect(port: port)
        try TestHTTPClient.send(fd, Array("GET \(path) HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\naccept: text/event-stream\r\n\r\n".utf8))
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

    func close() {
        guard lock.withLock({ () -> Bool in
            defer { open = false }
            return open
        }) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }

    deinit { close() }
}

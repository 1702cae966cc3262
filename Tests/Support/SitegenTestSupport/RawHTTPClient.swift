import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response exactly as it came off the socket: status, header fields in order (names
/// lower-cased) and the body bytes after the blank line (de-chunked when the server
/// chunked it). For HEAD, 304 and 308 the body is whatever followed the head, so tests
/// can assert it is empty.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The first value of `name` (lower case), or nil.
    public func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }

    /// How many times `name` occurs.
    public func count(of name: String) -> Int { headers.filter { $0.0 == name }.count }

    /// The body as UTF-8 text (lossy).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// `200 content-type=… content-length=… (N body bytes)`, for failure messages.
    public var summary: String {
        "\(status) \(reason) [" + headers.map { "\($0.0): \($0.1)" }.joined(separator: "; ") + "] (\(body.count) body bytes)"
    }
}

/// A failure of the test harness itself (no response, a host that did not start, a
/// failed build), with the detail needed to diagnose it.
public struct EndToEndError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// A minimal HTTP/1.1 client over a POSIX socket. Unlike URLSession it sends the request
/// target byte for byte (no `..` removal, no re-encoding of `%2e`, raw backslashes and
/// non-UTF-8 bytes allowed), which is the point of a traversal test.
///
/// Every request carries `Connection: close`; the response is read until the server
/// closes, bounded by `timeout`.
public enum RawHTTPClient {
    /// One request line + headers (+ body) built from parts.
    /// - Parameters:
    ///   - method: The method token.
    ///   - target: The request target bytes, sent as is.
    ///   - headers: Extra header fields, in order.
    ///   - body: A request body; a `content-length` is added when non-empty.
    ///   - port: The loopback port.
    public static func request(
        _ method: String, _ target: [UInt8], headers: [(String, String)] = [], body: [UInt8] = [], port: UInt16,
        timeout: TimeInterval = 15
    ) throws -> HTTPResponse {
        var bytes = Array((method + " ").utf8) + target + Array(" HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if !body.isEmpty { bytes += Array("content-length: \(body.count)\r\n".utf8) }
        bytes += Array("connection: close\r\n\r\n".utf8) + body
        return try exchange(bytes, port: port, isHead: method == "HEAD", timeout: timeout)
    }

    /// `request` with a String target.
    public static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [], port: UInt16
    ) throws -> HTTPResponse {
        try request(method, Array(target.utf8), headers: headers, body: body, port: port)
    }

    /// Sends raw request bytes and parses the response.
    /// - Parameters:
    ///   - bytes: The complete request.
    ///   - isHead: Whether the request was HEAD (a chunked head is then not decoded).
    ///   - halfClose: Shut down the sending side once the bytes are out, so a body shorter
    ///     than its `content-length` ends there instead of keeping the server waiting.
    public static func exchange(_ bytes: [UInt8], port: UInt16, isHead: Bool = false, timeout: TimeInterval = 15,
                         halfClose: Bool = false) throws -> HTTPResponse {
        try timedExchange(bytes, port: port, isHead: isHead, timeout: timeout, halfClose: halfClose).response
    }

    /// `exchange`, also telling when each piece of the response arrived.
    public static func timedExchange(_ bytes: [UInt8], port: UInt16, isHead: Bool = false, timeout: TimeInterval = 15,
                              halfClose: Bool = false) throws -> TimedResponse {
        trace("request to \(port)")
        let fd = try connected(port: port, timeout: 2)
        defer { close(fd) }
        setTimeout(fd, SO_RCVTIMEO, seconds: 1)
        setTimeout(fd, SO_SNDTIMEO, seconds: timeout)

        // A server may answer (431, 414) and close before it read everything: a failed
        // send is not an error as long as a response arrives.
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }

        if halfClose { shutdown(fd, Int32(SHUT_WR)) }

        let sentAt = Date()
        var received: [UInt8] = []
        var arrivals: [TimedResponse.Arrival] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                received += buffer[0..<n]
                arrivals.append(TimedResponse.Arrival(seconds: Date().timeIntervalSince(sentAt), end: received.count))
            } else if n == 0 {
                break
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard Date() < deadline else {
                    throw EndToEndError(description: "no complete response within \(timeout) s; got \(received.count) bytes")
                }
            } else {
                break  // ECONNRESET after the response: keep what arrived
            }
        }
        trace("response of \(received.count) bytes on \(port)")
        return TimedResponse(response: try parse(received, isHead: isHead), raw: received, arrivals: arrivals)
    }

    /// Whether something accepts connections on the port now.
    public static func isListening(port: UInt16) -> Bool {
        guard let fd = try? connected(port: port, timeout: 1) else { return false }
        close(fd)
        return true
    }

    /// A port that was free a moment ago (bind to 0, read it back, close).
    public static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EndToEndError(description: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw EndToEndError(description: "bind() failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    // MARK: - Sockets

    /// A connection to the loopback port, for a caller that reads a stream itself (an
    /// event stream); each `recv` gives up after `receiveTimeout`.
    public static func openConnection(port: UInt16, receiveTimeout: TimeInterval) throws -> Int32 {
        let fd = try connected(port: port, timeout: 2)
        setTimeout(fd, SO_RCVTIMEO, seconds: receiveTimeout)
        return fd
    }

    /// Sends all of `bytes`; throws when the connection fails first.
    public static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw EndToEndError(description: "send failed: errno \(errno)") }
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

    private static func connected(port: UInt16, timeout: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EndToEndError(description: "socket() failed: errno \(errno)") }
        setTimeout(fd, SO_SNDTIMEO, seconds: TimeInterval(timeout))
        var address = loopback(port: port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw EndToEndError(description: "connect to 127.0.0.1:\(port) failed: errno \(code)")
        }
        return fd
    }

    private static func setTimeout(_ fd: Int32, _ option: Int32, seconds: TimeInterval) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    // MARK: - Parsing

    public static func parse(_ data: [UInt8], isHead: Bool) throws -> HTTPResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = firstIndex(of: separator, in: data[...]) else {
            throw EndToEndError(description: "no end of head in \(data.count) bytes: " + String(decoding: data.prefix(200), as: UTF8.self))
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw EndToEndError(description: "bad status line '\(lines[0])'")
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw EndToEndError(description: "bad header line '\(line)'") }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(data[(end + 4)...])
        let chunked = headers.contains { $0.0 == "transfer-encoding" && $0.1.lowercased().contains("chunked") }
        if chunked && !isHead && status != 304 && status != 204 { body = try dechunk(body) }
        return HTTPResponse(status: status, reason: statusParts.count > 2 ? statusParts[2] : "", headers: headers, body: body)
    }

    public static func dechunk(_ data: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var rest = data[...]
        while true {
            guard let lineEnd = firstIndex(of: [13, 10], in: rest) else { throw EndToEndError(description: "truncated chunk size") }
            let sizeText = String(decoding: rest[rest.startIndex..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw EndToEndError(description: "bad chunk size '\(sizeText)'")
            }
            let start = lineEnd + 2
            if size == 0 { return out }
            guard start + size <= rest.endIndex else { throw EndToEndError(description: "truncated chunk") }
            out += rest[start..<(start + size)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
    }

    public static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// With `SITEGEN_E2E_TRACE` set, prints a timestamped line to stderr (where time goes:
/// builds, host start and stop, each request).
public func trace(_ message: String) {
    if ProcessInfo.processInfo.environment["SITEGEN_E2E_TRACE"] != nil {
        FileHandle.standardError.write(Data("[e2e \(Date().timeIntervalSince1970)] \(message)\n".utf8))
    }
}

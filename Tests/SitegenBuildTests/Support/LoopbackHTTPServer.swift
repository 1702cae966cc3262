import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests that must not reach the internet
/// (`sitegen check --external`). Each request gets `route(method, path)`'s answer
/// after its delay, with `Connection: close`.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Answer {
        var status: Int
        var headers: [(String, String)] = []
        var delay: Double = 0
    }

    let port: Int
    private let socket: Int32
    private let route: @Sendable (String, String) -> Answer
    private let lock = NSLock()
    private var log: [String] = []
    private var stopped = false
    private var socketClosed = false

    /// `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:" + String(port) }

    /// Requests served so far, as `METHOD /path`.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    init(route: @escaping @Sendable (String, String) -> Answer) throws {
        self.route = route
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        self.socket = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting: the accept thread sees the shut-down socket and closes it.
    ///
    /// The descriptor is closed exactly once, by that thread, and never touched after.
    /// (`stop()` used to close it, and `deinit` called `stop()` again: the second `close`
    /// hit whatever descriptor had been given that number meanwhile, in a test process
    /// that runs the preview's server, its guests and `Process` pipes on other threads.)
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if !socketClosed { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            DispatchQueue.global().async { [self] in serve(client) }
        }
        lock.withLock {
            socketClosed = true
            close(socket)
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { return }
            request.append(contentsOf: buffer[0..<n])
        }
        let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2 else { return }
        let method = String(line[0]), path = String(line[1])
        lock.lock()
        log.append(method + " " + path)
        lock.unlock()
        let answer = route(method, path)
        if answer.delay > 0 { Thread.sleep(forTimeInterval: answer.delay) }
        var head = "HTTP/1.1 " + String(answer.status) + " " + "Reason\r\n"
        for (name, value) in answer.headers { head += name + ": " + value + "\r\n" }
        head += "Content-Length: 0\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8)
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }
}

extension [UInt8] {
    fileprivate var containsHeaderEnd: Bool {
        count >= 4 && (0...(count - 4)).contains { self[$0] == 0x0D && self[$0 + 1] == 0x0A && self[$0 + 2] == 0x0D && self[$0 + 3] == 0x0A }
    }
}

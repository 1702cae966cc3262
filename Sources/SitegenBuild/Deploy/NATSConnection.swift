import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Just enough of the NATS client protocol to drive a wasmCloud host's control plane:
/// CONNECT, SUB, PUB with a reply inbox, and reading MSG frames, over a blocking TCP socket.
///
/// wash 2.x ships no command that sends scheduler messages (in a cluster they come from the
/// Kubernetes runtime-operator), and the project takes no new package dependencies, so the
/// dozen lines of the text protocol live here.
package final class NATSConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var nextSubscription = 1

    /// Connects to `nats://host:port` (IPv4 or a name that resolves to it).
    package init(url: String, timeout: TimeInterval = 5) throws(DeployError) {
        let address = url.hasPrefix("nats://") ? String(url.dropFirst(7)) : url
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else {
            throw .nats("'" + url + "' is not a NATS URL like nats://127.0.0.1:4222")
        }
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(String(parts[0]), String(port), &hints, &info) == 0, let first = info else {
            throw .nats("cannot resolve '" + String(parts[0]) + "'")
        }
        defer { freeaddrinfo(info) }
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0, connect(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            if socket >= 0 { close(socket) }
            throw .nats("cannot connect to " + url + " (is nats-server running?)")
        }
        setTimeout(timeout)
        _ = try readLine()  // INFO {…}
        try send("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"sitegen\"}\r\n")
    }

    deinit { close(socket) }

    /// Sends `payload` to `subject` and waits up to `timeout` for the first reply.
    package func request(_ subject: String, _ payload: [UInt8], timeout: TimeInterval) throws(DeployError) -> [UInt8] {
        let inbox = "_INBOX.sitegen." + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let sid = subscribe(inbox)
        try send("SUB " + inbox + " \(sid)\r\nPUB " + subject + " " + inbox + " \(payload.count)\r\n", payload + Array("\r\n".utf8))
        setTimeout(timeout)
        guard let message = try nextMessage(until: Date().addingTimeInterval(timeout)) else {
            throw .nats("no reply on '" + subject + "' within \(Int(timeout)) s")
        }
        return message.payload
    }

    /// Collects messages on `subject` (wildcards allowed) until `deadline`, or until `enough` says stop.
    package func collect(_ subject: String, until deadline: Date, enough: ([(subject: String, payload: [UInt8])]) -> Bool)
        throws(DeployError) -> [(subject: String, payload: [UInt8])]
    {
        let sid = subscribe(subject)
        try send("SUB " + subject + " \(sid)\r\n")
        var messages: [(subject: String, payload: [UInt8])] = []
        while Date() < deadline, !enough(messages) {
            setTimeout(max(0.05, deadline.timeIntervalSinceNow))
            guard let message = try nextMessage(until: deadline) else { break }
            messages.append(message)
        }
        return messages
    }

    private func subscribe(_ subject: String) -> Int {
        defer { nextSubscription += 1 }
        return nextSubscription
    }

    /// The next MSG frame (answering PINGs on the way), or nil when `deadline` passes first.
    private func nextMessage(until deadline: Date) throws(DeployError) -> (subject: String, payload: [UInt8])? {
        while Date() < deadline {
            guard let line = try readLine() else { return nil }
            if line.hasPrefix("PING") { try send("PONG\r\n"); continue }
            if line.hasPrefix("-ERR") { throw .nats(line) }
            guard line.hasPrefix("MSG ") else { continue }
            let fields = line.split(separator: " ")
            guard fields.count >= 4, let size = Int(fields[fields.count - 1]) else { throw .nats("malformed frame '" + line + "'") }
            guard let payload = try readBytes(size + 2) else { return nil }
            return (String(fields[1]), Array(payload.prefix(size)))
        }
        return nil
    }

    private func send(_ text: String, _ bytes: [UInt8] = []) throws(DeployError) {
        let data = Array(text.utf8) + bytes
        var sent = 0
        while sent < data.count {
            let n = data[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw .nats("the connection was closed") }
            sent += n
        }
    }

    /// One CRLF-terminated line, or nil on timeout.
    private func readLine() throws(DeployError) -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                buffer.removeSubrange(...end)
                return line
            }
            guard try fill() else { return nil }
        }
    }

    private func readBytes(_ count: Int) throws(DeployError) -> [UInt8]? {
        while buffer.count < count { guard try fill() else { return nil } }
        defer { buffer.removeFirst(count) }
        return Array(buffer.prefix(count))
    }

    /// Reads what the socket has; false on timeout.
    private func fill() throws(DeployError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if n > 0 { buffer += chunk[..<n]; return true }
        if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return false }
        throw .nats("the connection was closed")
    }

    private func setTimeout(_ seconds: TimeInterval) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}

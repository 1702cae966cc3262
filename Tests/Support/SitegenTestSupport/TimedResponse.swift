import Foundation

/// A response with the times its bytes came off the socket, for tests of streaming:
/// when the first byte arrived, and when each HTTP/1.1 chunk of the body was complete.
public struct TimedResponse: Sendable {
    /// One `recv`: when it returned (seconds after the request was sent) and how many
    /// bytes of the response had arrived by then.
    public struct Arrival: Sendable {
        public var seconds: TimeInterval
        public var end: Int
    }

    /// One chunk of a chunked body: its bytes and when its last byte arrived.
    public struct Chunk: Sendable {
        public var seconds: TimeInterval
        public var bytes: [UInt8]
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    public var response: HTTPResponse
    /// The response as received (head and chunk framing included).
    public var raw: [UInt8]
    public var arrivals: [Arrival]

    /// Seconds from sending the request to the first byte of the response.
    public var firstByte: TimeInterval { arrivals.first?.seconds ?? .infinity }

    /// Seconds from sending the request to the last byte.
    public var total: TimeInterval { arrivals.last?.seconds ?? .infinity }

    /// When the byte at `offset` of `raw` arrived.
    public func arrival(of offset: Int) -> TimeInterval {
        arrivals.first { $0.end > offset }?.seconds ?? .infinity
    }

    /// The body's chunks in the order the server wrote them, each with its arrival time;
    /// empty when the body was not chunked.
    public var chunks: [Chunk] {
        guard let head = RawHTTPClient.firstIndex(of: [13, 10, 13, 10], in: raw[...]),
            response.header("transfer-encoding")?.lowercased().contains("chunked") == true
        else { return [] }
        var result: [Chunk] = []
        var position = head + 4
        while let lineEnd = RawHTTPClient.firstIndex(of: [13, 10], in: raw[position...]) {
            let sizeText = String(decoding: raw[position..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= raw.count else { break }
            result.append(Chunk(seconds: arrival(of: start + size - 1), bytes: Array(raw[start..<(start + size)])))
            position = start + size + 2
            guard position < raw.count else { break }
        }
        return result
    }

    /// Each chunk as `+12.3 ms: 1234 bytes "<template id=…"`, for failure messages.
    public var timeline: String {
        "first byte at \(Self.ms(firstByte)), last at \(Self.ms(total))\n" + chunks.map {
            "  \(Self.ms($0.seconds)): \($0.bytes.count) bytes " + String($0.text.prefix(70)).debugDescription
        }.joined(separator: "\n")
    }

    public static func ms(_ seconds: TimeInterval) -> String { String(format: "%.1f ms", seconds * 1000) }
}


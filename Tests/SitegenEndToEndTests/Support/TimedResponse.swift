import Foundation

/// A response with the times its bytes came off the socket, for tests of streaming:
/// when the first byte arrived, and when each HTTP/1.1 chunk of the body was complete.
struct TimedResponse: Sendable {
    /// One `recv`: when it returned (seconds after the request was sent) and how many
    /// bytes of the response had arrived by then.
    struct Arrival: Sendable {
        var seconds: TimeInterval
        var end: Int
    }

    /// One chunk of a chunked body: its bytes and when its last byte arrived.
    struct Chunk: Sendable {
        var seconds: TimeInterval
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    var response: HTTPResponse
    /// The response as received (head and chunk framing included).
    var raw: [UInt8]
    var arrivals: [Arrival]

    /// Seconds from sending the request to the first byte of the response.
    var firstByte: TimeInterval { arrivals.first?.seconds ?? .infinity }

    /// Seconds from sending the request to the last byte.
    var total: TimeInterval { arrivals.last?.seconds ?? .infinity }

    /// When the byte at `offset` of `raw` arrived.
    func arrival(of offset: Int) -> TimeInterval {
        arrivals.first { $0.end > offset }?.seconds ?? .infinity
    }

    /// The body's chunks in the order the server wrote them, each with its arrival time;
    /// empty when the body was not chunked.
    var chunks: [Chunk] {
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
    var timeline: String {
        "first byte at \(Self.ms(firstByte)), last at \(Self.ms(total))\n" + chunks.map {
            "  \(Self.ms($0.seconds)): \($0.bytes.count) bytes " + String($0.text.prefix(70)).debugDescription
        }.joined(separator: "\n")
    }

    static func ms(_ seconds: TimeInterval) -> String { String(format: "%.1f ms", seconds * 1000) }
}

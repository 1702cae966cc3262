/// Decodes the bodies HTML forms send: `application/x-www-form-urlencoded` and the text
/// fields of `multipart/form-data` (file parts are skipped). Never traps on bad input:
/// malformed bodies are a `FormError` naming the problem, which becomes a 400.
public enum FormDecoder {
    /// `a=1&b=two+words&c=%C3%A9` → [("a","1"), ("b","two words"), ("c","é")].
    public static func urlEncoded(_ body: [UInt8]) throws(FormError) -> [(String, String)] {
        var fields: [(String, String)] = []
        var index = 0
        while let pair = ASCII.nextPiece(of: body[...], separatedBy: UInt8(ascii: "&"), from: &index) {
            if pair.isEmpty { continue }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let name = try decodeComponent(pair[..<equals])
            let value = equals < pair.endIndex ? try decodeComponent(pair[(equals + 1)...]) : ""
            if name.isEmpty { throw FormError("a form field has an empty name") }
            fields.append((name, value))
        }
        return fields
    }

    /// Percent-decoding with `+` as space; invalid escapes or invalid UTF-8 are errors.
    static func decodeComponent(_ bytes: ArraySlice<UInt8>) throws(FormError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) else {
                    throw FormError("a form field has an invalid percent escape")
                }
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw FormError("a form field is not valid UTF-8") }
        return text
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }

    /// The text fields of a `multipart/form-data` body with the given boundary.
    public static func multipart(_ body: [UInt8], boundary: String) throws(FormError) -> [(String, String)] {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { throw FormError("the multipart boundary is missing or too long") }
        let delimiter: [UInt8] = Array("--".utf8) + Array(boundary.utf8)
        guard var position = find(delimiter, in: body, from: 0) else {
            throw FormError("the multipart body does not contain its boundary")
        }
        var fields: [(String, String)] = []
        while true {
            position += delimiter.count
            // `--` after a delimiter ends the body.
            if position + 1 < body.count, body[position] == 0x2D, body[position + 1] == 0x2D { return fields }
            guard position + 1 < body.count, body[position] == 0x0D, body[position + 1] == 0x0A else {
                throw FormError("a multipart boundary is not followed by a line break")
            }
            position += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position) else {
                throw FormError("a multipart part has no end of headers")
            }
            let headers = Array(body[position..<headerEnd])
            let contentStart = headerEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else {
                throw FormError("a multipart part is not terminated by its boundary")
            }
            let disposition = headerValue("content-disposition", in: headers) ?? ""
            if let name = parameter("name", in: disposition), parameter("filename", in: disposition) == nil {
                guard let value = String(validating: body[contentStart..<next], as: UTF8.self) else {
                    throw FormError(ASCII.join("the multipart field '", name, "' is not valid UTF-8"))
                }
                fields.append((name, value))
            }
            position = next + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The value of a header line in a part's header block (case-insensitive name).
    static func headerValue(_ name: String, in block: [UInt8]) -> String? {
        var index = 0
        while let line = ASCII.nextPiece(of: block[...], separatedBy: 0x0A, from: &index) {
            let trimmed = line.last == 0x0D ? line.dropLast() : line[...]
            guard let colon = trimmed.firstIndex(of: UInt8(ascii: ":")) else { continue }
            if ASCII.equalsIgnoringCase(trimmed[trimmed.startIndex..<colon], name) {
                return ASCII.decode(ASCII.trimmed(trimmed[(colon + 1)...]))
            }
        }
        return nil
    }

    /// The media type of a `Content-Type` value without its parameters, trimmed and in
    /// lower case (ASCII only: media types are ASCII, and `lowercased()` would link the
    /// Unicode case tables into the server component).
    public static func mediaType(_ contentType: String) -> String {
        let bytes = Array(contentType.utf8)
        var index = 0
        var type: [UInt8] = []
        for byte in ASCII.trimmed(ASCII.nextPiece(of: bytes[...], separatedBy: UInt8(ascii: ";"), from: &index) ?? []) {
            type.append(ASCII.lowercased(byte))
        }
        return ASCII.decode(type)
    }

    /// `name="x"` in a header value such as `form-data; name="x"; filename="a.txt"`.
    public static func parameter(_ name: String, in value: String) -> String? {
        let bytes = Array(value.utf8)
        var index = 0
        while let part = ASCII.nextPiece(of: bytes[...], separatedBy: UInt8(ascii: ";"), from: &index) {
            let item = ASCII.trimmed(part[...])
            guard let eq = item.firstIndex(of: UInt8(ascii: "=")),
                  ASCII.equalsIgnoringCase(ASCII.trimmed(item[item.startIndex..<eq]), name) else { continue }
            var raw = ASCII.trimmed(item[(eq + 1)...])
            if raw.count >= 2, raw.first == 0x22, raw.last == 0x22 { raw = raw.dropFirst().dropLast() }
            return ASCII.decode(raw)
        }
        return nil
    }
}

/// A malformed form body: the message says what was wrong, for a 400 response.
public struct FormError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Signed island requests: `GET /_sg/island/<loader>?a=<arguments>&s=<signature>`.
///
/// The build signs each boundary's arguments (the JSON text, base64url-encoded) with
/// HMAC-SHA-256 over `loader + "\n" + a`, so a client cannot ask a loader for inputs the
/// site never rendered. Several keys are accepted at once (the first signs): during a
/// rolling deploy, pages signed with the old key keep working.
public enum IslandSignature {
    /// The hex signature of `encodedArguments` for `loader`.
    public static func sign(loader: String, encodedArguments: String, key: [UInt8]) -> String {
        hex(HMAC.sha256(key: key, message: Array(loader.utf8) + [0x0A] + Array(encodedArguments.utf8)))
    }

    /// Whether `signature` is valid for any of `keys`.
    public static func verify(loader: String, encodedArguments: String, signature: String, keys: [[UInt8]]) -> Bool {
        guard let given = unhex(signature), given.count == 32 else { return false }
        let message = Array(loader.utf8) + [0x0A] + Array(encodedArguments.utf8)
        var valid = false
        for key in keys where HMAC.equal(HMAC.sha256(key: key, message: message), given) { valid = true }
        return valid
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out += [digits[Int(b >> 4)], digits[Int(b & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }

    static func unhex(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let hi = FormDecoder.hex(bytes[i]), let lo = FormDecoder.hex(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

/// Base64url without padding (RFC 4648 §5), for arguments in island URLs.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A: values.append(b - 0x41)
            case 0x61...0x7A: values.append(b - 0x61 + 26)
            case 0x30...0x39: values.append(b - 0x30 + 52)
            case 0x2D: values.append(62)
            case 0x5F: values.append(63)
            default: return nil
            }
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            var n: UInt32 = 0
            for (k, v) in chunk.enumerated() { n |= UInt32(v) << (18 - 6 * UInt32(k)) }
            out.append(UInt8(n >> 16 & 0xFF))
            if chunk.count > 2 { out.append(UInt8(n >> 8 & 0xFF)) }
            if chunk.count > 3 { out.append(UInt8(n & 0xFF)) }
            i += 4
        }
        return out
    }
}

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
        return ASCII.decode(out)
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
        return ASCII.decode(out)
    }

    /// The bytes of base64url text (no padding); nil for any other character or a length
    /// that leaves a lone character. Bits left over after the last byte are ignored.
    public static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8]?
        ASCII.withBytes(text) { bytes = decode(bytes: $0) }
        return bytes
    }

    private static func decode(bytes input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3 + 2)
        var buffer: UInt32 = 0, bits: UInt32 = 0
        for b in input {
            let value: UInt8
            switch b {
            case 0x41...0x5A: value = b - 0x41
            case 0x61...0x7A: value = b - 0x61 + 26
            case 0x30...0x39: value = b - 0x30 + 52
            case 0x2D: value = 62
            case 0x5F: value = 63
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> bits))
            }
        }
        return out
    }
}

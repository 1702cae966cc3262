/// Serializes compiled templates to bytes and back, so the build can embed island
/// templates in the wasm component (which has no compiler).
///
/// The format is a tagged pre-order walk: one byte per node or expression kind,
/// LEB128 integers, length-prefixed UTF-8 strings. It starts with the magic `SGT1`.
/// Decoding checks every length and tag and never traps on bad input.
public enum TemplateCodec {
    static let magic: [UInt8] = [0x53, 0x47, 0x54, 0x31]

    /// Encodes templates (typically a whole library) to bytes.
    public static func encode(_ templates: [Template]) -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: magic)
        w.uint(templates.count)
        for t in templates {
            w.string(t.name)
            w.optionalString(t.parent)
            w.nodes(t.nodes)
        }
        return w.bytes
    }

    /// Decodes what `encode` wrote.
    public static func decode(_ bytes: [UInt8]) throws(TemplateError) -> [Template] {
        var r = ByteReader(bytes: bytes)
        for m in magic where r.byte() != m { throw ByteReader.corrupt }
        var templates: [Template] = []
        for _ in 0..<r.count() {
            let name = r.string()
            let parent = r.optionalString()
            templates.append(Template(name: name, parent: parent, nodes: r.nodes()))
        }
        guard !r.failed, r.offset == bytes.count else { throw ByteReader.corrupt }
        return templates
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func uint(_ n: Int) {
        var v = UInt64(UInt(bitPattern: n))
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            bytes.append(b)
        } while v != 0
    }

    mutating func int64(_ n: Int64) {
        var v = UInt64(bitPattern: (n << 1) ^ (n >> 63))
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            bytes.append(b)
        } while v != 0
    }

    mutating func fixed64(_ v: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (UInt64(i) * 8))) }
    }

    mutating func string(_ s: String) {
        uint(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func optionalString(_ s: String?) {
        if let s {
            bytes.append(1)
            string(s)
        } else {
            bytes.append(0)
        }
    }

    mutating func span(_ s: Span) {
        uint(s.line)
        uint(s.column)
    }
}

/// Reads what `ByteWriter` wrote. It never throws: the first problem sets `failed`, every
/// later read gives zero or empty (so counts are 0 and tags are leaves, and the walk ends at
/// once), and `TemplateCodec.decode` throws `corrupt` when it sees the flag. Without
/// `try` on every argument the decoder is a third of its size in the wasm component.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var depth = 0
    var failed = false

    static let corrupt = TemplateError("compiled template data is corrupt", fix: "rebuild the site with the same sitegen version")

    mutating func fail() {
        failed = true
        offset = bytes.count
    }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else {
            fail()
            return 0
        }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func uint() -> Int {
        let n = uint64()
        guard let i = Int(exactly: n) else {
            fail()
            return 0
        }
        return i
    }

    mutating func uint64() -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while !failed {
            let b = byte()
            guard shift < 64 else {
                fail()
                return 0
            }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        return failed ? 0 : result
    }

    /// A count of following items; each needs at least one byte, which bounds it.
    mutating func count() -> Int {
        let n = uint()
        guard n >= 0, n <= bytes.count - offset else {
            fail()
            return 0
        }
        return n
    }

    mutating func int64() -> Int64 {
        let z = uint64()
        return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
    }

    mutating func fixed64() -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(byte()) << (UInt64(i) * 8) }
        return v
    }

    mutating func string() -> String {
        let n = count()
        let s = String(decoding: bytes[offset..<(offset + n)], as: UTF8.self)
        offset += n
        return s
    }

    mutating func optionalString() -> String? {
        byte() == 0 ? nil : string()
    }

    mutating func span() -> Span {
        Span(line: uint(), column: uint())
    }

    /// Enters one level of nesting; false (and failed) past 256 levels.
    mutating func nested() -> Bool {
        depth += 1
        if depth >= 256 { fail() }
        return !failed
    }
}

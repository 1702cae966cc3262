import Foundation
import SitegenHTML

/// Step "Copy static files": the theme's `static/` then the site's (the site wins), with
/// theme CSS and JS fingerprinted (`style.3f2a9c1b.css`) so they can be cached forever.
struct StaticAssets: Sendable {
    /// Output path → source file.
    var files: [String: String] = [:]
    /// Logical path (`style.css`) → fingerprinted output path (`style.3f2a9c1b.css`).
    var fingerprinted: [String: String] = [:]

    init(themeStatic: String?, siteStatic: String) {
        if let themeStatic {
            for path in Self.files(in: themeStatic) {
                let source = themeStatic + "/" + path
                if path.hasSuffix(".css") || path.hasSuffix(".js"), let bytes = FileManager.default.contents(atPath: source) {
                    let hash = ContentHash.hex(Array(bytes), digits: 8)
                    let dot = path.lastIndex(of: ".")!
                    let output = String(path[..<dot]) + "." + hash + String(path[dot...])
                    fingerprinted[path] = output
                    files[output] = source
                } else {
                    files[path] = source
                }
            }
        }
        for path in Self.files(in: siteStatic) {
            files[path] = siteStatic + "/" + path
            fingerprinted[path] = nil
        }
    }

    /// The URL path for a static file, fingerprinted when it was.
    func url(_ path: String) -> String? {
        let clean = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if let f = fingerprinted[clean] { return "/" + f }
        if files[clean] != nil { return "/" + clean }
        return nil
    }

    /// `style.3f2a9c1b.css`: a name with an 8-hex-digit fingerprint before the extension.
    static func isFingerprinted(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".")
        guard parts.count >= 3 else { return false }
        let hash = parts[parts.count - 2]
        return hash.count == 8 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    static func files(in directory: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let name = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue,
               !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                result.append(name)
            }
        }
        return result.sorted()
    }
}

/// FNV-1a, 64-bit: a fast, stable content hash for fingerprints and ETags (not for security).
enum ContentHash {
    static func value(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// A quick hash of a large blob, 8 bytes at a time: a change stamp (the preview's
    /// manifest stamp), not a stored ETag or fingerprint.
    static func stamp(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x100_0000_01b3
                h ^= h >> 29
                i += 8
            }
            while i < raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3
                i += 1
            }
            return h
        }
    }

    static func hex(_ bytes: [UInt8], digits: Int = 16) -> String {
        hex(value(bytes), digits: digits)
    }

    static func hex(_ value: UInt64, digits: Int = 16) -> String {
        let s = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - s.count)) + s
        return String(padded.prefix(digits))
    }
}

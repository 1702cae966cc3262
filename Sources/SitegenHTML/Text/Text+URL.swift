extension Text {
    /// A URL slug, as Zola's `slugify = "safe"`: lower-case ASCII letters and digits, other
    /// letters lower-cased and kept, everything else (spaces, punctuation, `_`) collapsed to
    /// single dashes, no dash at either end ("Hello, World!" → "hello-world"). The one
    /// slug function of sitegen: page slugs, heading ids, terms and `| slugify`.
    public static func slugify(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let isASCIIAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A)
            let isUpper = v >= 0x41 && v <= 0x5A
            if isASCIIAlnum || isUpper || v > 0x7F && isLetterLike(v) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                if isUpper {
                    out.append(Unicode.Scalar(v + 0x20)!)
                } else if v > 0x7F {
                    out.append(contentsOf: CaseMapping.lowercase(String(scalar)).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }

    /// Non-ASCII scalars that are kept in slugs: letters, marks and digits. Decided by
    /// block rather than by Unicode properties, so Embedded builds need no property
    /// tables: Latin-1 punctuation, General Punctuation, currency, arrows, maths,
    /// box drawing and dingbats, CJK punctuation, full-width punctuation and emoji
    /// are separators.
    static func isLetterLike(_ v: UInt32) -> Bool {
        let separator = v == 0xA0 || (v >= 0xA1 && v <= 0xBF && v != 0xAA && v != 0xB5 && v != 0xBA) || v == 0xD7 || v == 0xF7
            || (v >= 0x2000 && v <= 0x2BFF) || (v >= 0x2E00 && v <= 0x2E7F) || (v >= 0x3000 && v <= 0x303F)
            || (v >= 0xFE30 && v <= 0xFE4F) || v == 0xFEFF || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20)
            || (v >= 0x1F000 && v <= 0x1FAFF) || (v >= 0xE000 && v <= 0xF8FF)
        return !separator
    }

    /// Percent-encodes everything but unreserved characters and `/` (for `| urlencode`).
    public static func percentEncode(_ s: String, keepSlash: Bool = true) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in s.utf8 {
            let unreserved = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E || (keepSlash && b == 0x2F)
            if unreserved {
                out.append(b)
            } else {
                out.append(0x25)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
        return Text.decode(out)
    }
}

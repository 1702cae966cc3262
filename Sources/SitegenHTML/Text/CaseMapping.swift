/// Unicode case mapping for the `upper`, `lower`, `capitalize`, `title` and `slugify`
/// filters and for case-insensitive suggestions.
///
/// `String.lowercased()` and `uppercased()` need the standard library's case tables:
/// about 16 KB of data in the wasm component, plus the code that reads them. Natively
/// they are always used. In Embedded Swift they are used only after
/// ``installUnicode()``: the component's generated site code calls it when one of its
/// island templates uses one of those filters (the build sees every template the
/// component can render), so other sites do not link the tables. Without it, ASCII letters
/// are mapped and other text is left as it is, which only suggestions in error messages
/// can then meet.
public enum CaseMapping {
    #if hasFeature(Embedded)
    nonisolated(unsafe) static var unicode: (lower: (String) -> String, upper: (String) -> String)? = nil
    #else
    nonisolated(unsafe) static var unicode: (lower: (String) -> String, upper: (String) -> String)? = ({ $0.lowercased() }, { $0.uppercased() })
    #endif

    /// Uses the standard library's full Unicode mapping (links its case tables in Embedded Swift).
    public static func installUnicode() {
        unicode = ({ $0.lowercased() }, { $0.uppercased() })
    }

    /// `s` in lower case.
    public static func lowercase(_ s: String) -> String {
        if let unicode { return unicode.lower(s) }
        return flippingASCIICase(s, from: 0x41, through: 0x5A)
    }

    /// `s` with only its ASCII letters in lower case, whatever is installed (for protocol
    /// tokens such as media types).
    public static func asciiLowercase(_ s: String) -> String {
        flippingASCIICase(s, from: 0x41, through: 0x5A)
    }

    /// `s` in upper case.
    public static func uppercase(_ s: String) -> String {
        if let unicode { return unicode.upper(s) }
        return flippingASCIICase(s, from: 0x61, through: 0x7A)
    }

    /// `s` with the case of the ASCII letters in `first...last` flipped (one case's range).
    private static func flippingASCIICase(_ s: String, from first: UInt8, through last: UInt8) -> String {
        var out = Array(s.utf8)
        for i in out.indices where out[i] >= first && out[i] <= last { out[i] ^= 0x20 }
        return Text.decode(out)
    }

    /// The filters whose output needs the Unicode mapping.
    public static let filters = ["capitalize", "lower", "slugify", "title", "upper"]
}

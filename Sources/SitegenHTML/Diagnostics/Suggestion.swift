/// Near-miss suggestions for names the author mistyped ("did you mean 'upper'?").
public enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is within 2 edits
    /// (or a case-only difference). Of equally close candidates, the first in code-point
    /// order (``Text/compare(_:_:)``) wins, so the answer does not depend on the order of
    /// `candidates` (a dictionary's keys need no sort).
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = lowercaseScalars(name)
        var best: (String, Int)? = nil
        for candidate in candidates {
            let distance = editDistance(target, lowercaseScalars(candidate))
            guard distance <= 2, distance < max(target.count, 2) else { continue }
            if let (current, least) = best, distance > least || (distance == least && Text.compare(candidate, current) >= 0) { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// The Unicode scalars of `s` in lower case (``CaseMapping/lowercase(_:)``), decoded from
    /// its UTF-8 by hand: in the wasm component, `Array(s.unicodeScalars)` links a kilobyte
    /// of generic collection code for an error message.
    static func lowercaseScalars(_ s: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        Text.withBytes(CaseMapping.lowercase(s)) { bytes in
            scalars.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {  // a String's UTF-8 is valid: lead byte, then continuation bytes
                let lead = UInt32(bytes[i])
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = length == 1 ? lead : lead & (0x7F >> UInt32(length))
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                i += length
            }
        }
        return scalars
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = [Int](repeating: 0, count: b.count + 1)
        for j in previous.indices { previous[j] = j }
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

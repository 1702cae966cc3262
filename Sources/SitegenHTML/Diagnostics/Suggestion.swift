/// Near-miss suggestions for names the author mistyped ("did you mean 'upper'?").
public enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is within 2 edits
    /// (or a case-only difference). Of equally close candidates, the first in code-point
    /// order (``Text/compare(_:_:)``) wins, so the answer does not depend on the order of
    /// `candidates` (a dictionary's keys need no sort).
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(CaseMapping.lowercase(name).unicodeScalars)
        var best: (String, Int)? = nil
        for candidate in candidates {
            let distance = editDistance(target, Array(CaseMapping.lowercase(candidate).unicodeScalars))
            guard distance <= 2, distance < max(target.count, 2) else { continue }
            if let (current, least) = best, distance > least || (distance == least && Text.compare(candidate, current) >= 0) { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
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

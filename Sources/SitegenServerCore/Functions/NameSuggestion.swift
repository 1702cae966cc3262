/// "Did you mean" for a server function the request names but the site does not have.
///
/// The same answer as SitegenHTML's `Suggestion.nearest` for ASCII names, which are the
/// only names the function endpoint accepts: the candidate within two edits of `name`
/// (ignoring ASCII case), the closest, and of equally close ones the first in byte order.
/// It compares bytes instead of lower-cased Unicode scalars, which takes the server
/// component about 1.5 KB less code for one error message (`NameSuggestionTests` checks
/// the two agree).
public enum NameSuggestion {
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.utf8)
        var best: (name: String, bytes: [UInt8], distance: Int)? = nil
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            let distance = editDistance(target, bytes)
            guard distance <= 2, distance < max(target.count, 2) else { continue }
            if let best, distance > best.distance || (distance == best.distance && !precedes(bytes, best.bytes)) { continue }
            best = (candidate, bytes, distance)
        }
        return best?.name
    }

    /// Levenshtein distance over bytes, ASCII letters compared without case.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        var current = previous
        for i in 0..<a.count {
            current[0] = i + 1
            for j in 0..<b.count {
                let cost = ASCII.lowercased(a[i]) == ASCII.lowercased(b[j]) ? 0 : 1
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Whether `a` sorts before `b`, byte by byte (code-point order for UTF-8).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
        return a.count < b.count
    }
}

import Foundation
import Testing

/// Compares whole output files with an expected dictionary (Publish's style): for each
/// path, the exact text; a mismatch prints a line diff.
func expectFiles(_ site: BuiltSite, _ expected: [String: String],
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for path in expected.keys.sorted() {
        guard let actual = site.text(path) else {
            recordIssue("missing output file '\(path)'; the output has:\n  " + site.files.joined(separator: "\n  "),
                         sourceLocation: sourceLocation)
            continue
        }
        let want = expected[path]!
        if actual != want {
            recordIssue("'\(path)' differs (- expected, + actual):\n" + lineDiff(want, actual), sourceLocation: sourceLocation)
        }
    }
}

/// Checks that the output holds exactly these files (the listing, not their contents).
func expectFileList(_ site: BuiltSite, _ expected: [String],
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let actual = site.files
    if actual != expected.sorted() {
        recordIssue("output files differ (- expected, + actual):\n"
                     + lineDiff(expected.sorted().joined(separator: "\n"), actual.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
}

/// A minimal line diff (longest common subsequence): unchanged lines start with two
/// spaces, removed ones with "- ", added ones with "+ ". Whitespace at line ends is made visible.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    func show(_ line: String) -> String { line.hasSuffix(" ") || line.hasSuffix("\t") ? line + "⏎" : line }
    var out: [String] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] {
            out.append("  " + show(a[i])); i += 1; j += 1
        } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
            out.append("+ " + show(b[j])); j += 1
        } else {
            out.append("- " + show(a[i])); i += 1
        }
    }
    return out.joined(separator: "\n")
}

/// Whether `SITEGEN_RECORD=1` asks for baselines to be rewritten.
var isRecording: Bool { ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" }

/// Compares `actual` with the baseline file at `path`. With `SITEGEN_RECORD=1` it writes
/// the file instead and fails with "Recorded new baseline", so a re-record is never silent.
func assertBaseline(_ actual: String, at path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let relative = path.hasPrefix(Repo.root + "/") ? String(path.dropFirst(Repo.root.count + 1)) : path
    if isRecording {
        try! Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        recordIssue("Recorded new baseline: \(relative)", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        recordIssue("no baseline at \(relative); run with SITEGEN_RECORD=1 to record it. Actual:\n\(actual)",
                     sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        recordIssue("\(relative) differs (- expected, + actual); re-record with SITEGEN_RECORD=1 if the change is intended:\n"
                     + lineDiff(expected, actual), sourceLocation: sourceLocation)
    }
}

/// `Issue.record` for a message built at run time.
func recordIssue(_ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

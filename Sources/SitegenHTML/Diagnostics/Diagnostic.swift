/// Something a site author caused, reported like compiler output.
///
/// Every module reports errors and warnings as `Diagnostic` values (never a crash), so
/// the build can collect them, sort them in file order and print them together:
///
/// ```text
/// themes/default/templates/page.html:12:7: error: unknown filter 'uper'
///    12 |   {{ title | uper }}
///       |              ^~~~
///   expected: a filter such as 'upper', 'lower', 'default'
///   fix: did you mean 'upper'?
/// ```
public struct Diagnostic: Equatable, Sendable {
    /// How bad it is.
    public enum Severity: String, Equatable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// Where; `nil` for problems with no single place (a missing folder).
    public var location: SourceLocation?
    /// One line, lower case, no final period.
    public var message: String
    /// What was expected there, in concrete terms.
    public var expected: String?
    /// An imperative fix ("did you mean 'upper'?").
    public var fix: String?
    /// Context: which step, which page.
    public var notes: [String]
    /// The text of the offending line, for the excerpt with a caret.
    public var sourceLine: String?
    /// How many columns the caret underline spans (at least 1).
    public var length: Int

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        expected: String? = nil, fix: String? = nil, notes: [String] = [],
        sourceLine: String? = nil, length: Int = 1
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.expected = expected
        self.fix = fix
        self.notes = notes
        self.sourceLine = sourceLine
        self.length = length
    }

    /// The printed form: `file:line:col: severity: message`, the excerpt, then
    /// `expected:`, `fix:` and `note:` lines.
    public var formatted: String {
        var out = ""
        if let location { out += location.description + ": " }
        out += severity.rawValue + ": " + message + "\n"
        if let location, let sourceLine {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " " + number + " | " + sourceLine + "\n"
            var marker = " " + gutter + " | "
            var col = 1
            for scalar in sourceLine.unicodeScalars {
                if col >= location.column { break }
                marker += scalar == "\t" ? "\t" : " "
                col += 1
            }
            while col < location.column { marker += " "; col += 1 }
            marker += "^"
            if length > 1 { marker += String(repeating: "~", count: length - 1) }
            out += marker + "\n"
        }
        if let expected { out += "  expected: " + expected + "\n" }
        if let fix { out += "  fix: " + fix + "\n" }
        for note in notes { out += "  note: " + note + "\n" }
        return out
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, then line, then column; ones without a place come first.
    public static func fileOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case (nil, nil): return a.message < b.message
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?):
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            return x.column < y.column
        }
    }
}

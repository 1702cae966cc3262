import SitegenHTML

/// A `[permalinks]` pattern from `sitegen.toml`, such as `/:year/:month/:slug/`: literal
/// text and tokens that a page fills in.
///
/// ```swift
/// let pattern = try PermalinkPattern(parsing: "/:year/:slug/")   // or the unknown token
/// pattern.path(for: PermalinkPattern.Fields(slug: "hello", date: DateValue(iso: "2024-05-01")))
/// // "/2024/hello/"
/// ```
/// Pages are always written as `<path>/index.html`, so the result starts and ends with
/// `/`, and empty segments (a `:section` of a top-level page) collapse.
struct PermalinkPattern: Sendable, Equatable {
    enum Token: String, Sendable, CaseIterable {
        case year, month, day, slug, title, section, sections, filename
    }

    enum Part: Sendable, Equatable {
        case literal(String)
        case token(Token)
    }

    /// The pattern as written, for messages.
    let source: String
    let parts: [Part]

    /// A token the pattern names that does not exist: its name (without `:`), where it
    /// starts (a scalar offset into the pattern), and its length including the `:`.
    struct UnknownToken: Error, Equatable {
        var name: String
        var offset: Int
        var length: Int
    }

    /// Every token name, with its colon, in the order messages list them.
    static let tokenNames = Token.allCases.map { ":" + $0.rawValue }

    init(parsing text: String) throws(UnknownToken) {
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            var j = i + 1
            while j < scalars.count, Self.isNameScalar(scalars[j]) { j += 1 }
            guard c == ":", j > i + 1 else {
                literal.unicodeScalars.append(c)
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
            guard let token = Token(rawValue: name) else { throw UnknownToken(name: name, offset: i, length: j - i) }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.token(token))
            i = j
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.source = text
        self.parts = parts
    }

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    /// `:year`, `:month` or `:day`: the page needs a date.
    var needsDate: Bool {
        parts.contains { part in
            if case .token(let t) = part { return t == .year || t == .month || t == .day }
            return false
        }
    }

    /// What a page gives the pattern.
    struct Fields {
        /// Front matter `slug`, or the slugified file (or bundle folder) name.
        var slug: String
        /// The file (or bundle folder) name without `.md`, slugified.
        var filename: String = ""
        /// The slugified title; `:title` falls back to the slug when it is empty.
        var title: String = ""
        /// The folder the page sits in, under `content/` (`docs/guide`; `""` at the top).
        var sections: String = ""
        var date: DateValue?
    }

    /// The URL path for a page, with a leading and a trailing `/`. Date tokens of a page
    /// without a date are empty; the loader reports that before calling this.
    func path(for fields: Fields) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let s): text += s
            case .token(let token): text += Self.value(of: token, fields)
            }
        }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true)
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    private static func value(of token: Token, _ fields: Fields) -> String {
        switch token {
        case .year: fields.date.map { pad($0.year, 4) } ?? ""
        case .month: fields.date.map { pad($0.month, 2) } ?? ""
        case .day: fields.date.map { pad($0.day, 2) } ?? ""
        case .slug: fields.slug
        case .title: fields.title.isEmpty ? fields.slug : fields.title
        case .section: String(fields.sections.split(separator: "/").first ?? "")
        case .sections: fields.sections
        case .filename: fields.filename
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

import SitegenContent
import SitegenHTML

/// One line of `[permalinks]`: the pages of a folder of `content/` (and of its subfolders
/// without a line of their own) get their URL from `pattern`.
struct PermalinkRule: Sendable, Equatable {
    /// The folder under `content/`, without slashes at either end (`posts`, `docs/guide`).
    var section: String
    var pattern: PermalinkPattern
    /// Where the key and the pattern were written, for diagnostics.
    var keyPlace: DataFile.Place?
    var valuePlace: DataFile.Place?
}

extension SiteConfig {
    /// Reads `[permalinks]`: folder = "pattern". Unknown tokens are located errors; whether
    /// the folders exist is checked once the content is loaded.
    static func permalinkRules(_ reader: inout ConfigReader) -> [PermalinkRule] {
        guard let value = reader.value(["permalinks"]) else { return [] }
        guard case .object(let table) = value else {
            reader.wrongType(["permalinks"], expected: "a table like [permalinks] with posts = \"/:year/:month/:slug/\"")
            return []
        }
        var rules: [PermalinkRule] = []
        for key in table.keys {
            guard let text = reader.string(["permalinks", key]) else { continue }
            let valuePlace = reader.data.place(ofValue: ["permalinks", key])
            let section = String(key.drop { $0 == "/" }.reversed().drop { $0 == "/" }.reversed())
            do {
                let pattern = try PermalinkPattern(parsing: text)
                rules.append(PermalinkRule(section: section, pattern: pattern, keyPlace: reader.data.place(ofKey: ["permalinks", key]),
                                           valuePlace: valuePlace))
            } catch {
                reader.diagnostics.append(.unknownPermalinkToken(error.name, section: key, at: valuePlace, offset: error.offset, length: error.length))
            }
        }
        return rules
    }

    /// The rule for pages in `folder` (`docs/guide/advanced`): its own, else the nearest parent folder's.
    func permalinkRule(forFolder folder: String) -> PermalinkRule? {
        var current = folder
        while true {
            if let rule = permalinks.first(where: { $0.section == current }) { return rule }
            if current.isEmpty { return nil }
            current = ContentLoader.directory(of: current)
        }
    }
}

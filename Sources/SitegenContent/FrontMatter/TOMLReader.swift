import SitegenHTML
import TOMLKit

/// Reads TOML into a `LocatedTree` with TOMLKit; key positions come from `TOMLKeyLocator`.
///
/// Dates and times become ISO 8601 strings (`2024-05-01`, `2024-05-01T10:00:00Z`),
/// the same form YAML front matter gives, so later steps see one kind of date.
enum TOMLReader {
    /// Parses `text` (front matter or a data file).
    ///
    /// - Throws: A located diagnostic for TOML syntax errors, including duplicate keys.
    static func read(_ text: String, source: SourceText) throws(DiagnosticError) -> LocatedTree {
        // toml++ aborts on a few malformed shapes instead of reporting them; refuse those first.
        if let problem = TOMLPreflight.problem(in: text) {
            throw DiagnosticError(diagnostic: .invalidTOML(
                problem.message, at: source.location(line: problem.line, column: problem.column),
                sourceLine: source.lineText(problem.line)))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw DiagnosticError(diagnostic: .invalidTOML(
                error.description, at: source.location(line: line, column: error.source.begin.column),
                sourceLine: source.lineText(line)))
        } catch {
            throw DiagnosticError(diagnostic: .invalidTOML(
                String(describing: error), at: source.location(line: 1, column: 1), sourceLine: source.lineText(1)))
        }
        let positions = TOMLKeyLocator.positions(in: text)
        return LocatedTree(value: .object(object(table, path: [], positions: positions)), positions: positions)
    }

    /// The table's entries in the order they were written (toml++ sorts them by key).
    private static func object(_ table: TOMLTable, path: [String], positions: [[String]: KeyPosition]) -> Object {
        let keys = table.keys.sorted { a, b in
            switch (positions[path + [a]], positions[path + [b]]) {
            case (let x?, let y?):
                return (x.keyLine, x.keyColumn, a) < (y.keyLine, y.keyColumn, b)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        var object = Object()
        for key in keys {
            guard let item = table[key] else { continue }
            object[key] = value(item, path: path + [key], positions: positions)
        }
        return object
    }

    private static func value(_ item: TOMLValueConvertible, path: [String], positions: [[String]: KeyPosition]) -> Value {
        switch item.type {
        case .table:
            return item.table.map { .object(object($0, path: path, positions: positions)) } ?? .null
        case .array:
            guard let array = item.array else { return .array([]) }
            return .array(array.enumerated().map { index, element in
                value(element, path: path + [String(index)], positions: positions)
            })
        case .string: return item.string.map(Value.string) ?? .null
        case .int: return item.int.map(Value.int) ?? .null
        case .double: return item.double.map(Value.double) ?? .null
        case .bool: return item.bool.map(Value.bool) ?? .null
        case .date:
            guard let date = item.date else { return .null }
            return .string(ISODate(year: date.year, month: date.month, day: date.day).description)
        case .time:
            guard let time = item.time else { return .null }
            let iso = ISODate(year: 2000, month: 1, day: 1, time: isoTime(time)).description
            return .string(String(iso.dropFirst("2000-01-01T".count)))
        case .dateTime:
            guard let dateTime = item.dateTime else { return .null }
            return .string(ISODate(
                year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day,
                time: isoTime(dateTime.time), offsetMinutes: dateTime.offset?.offset
            ).description)
        }
    }

    private static func isoTime(_ time: TOMLTime) -> ISODate.Time {
        ISODate.Time(hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanoSecond)
    }
}

/// A calendar date and time read from an ISO 8601 string or a Unix timestamp, for `| date`.
///
/// Foundation-free on purpose: the same formatting runs at build time and in the component.
/// Times keep the offset they were written with (no time-zone database).
public struct DateValue: Equatable, Sendable {
    public var year: Int, month: Int, day: Int
    public var hour = 0, minute = 0, second = 0
    /// Offset from UTC in minutes, when the text gave one.
    public var offsetMinutes: Int?

    /// Reads `2024-05-01`, `2024-05-01T10:00:00Z`, `2024-05-01 10:00:00+02:00` (fractions ignored),
    /// or an integer Unix timestamp (UTC).
    public init?(_ value: Value) {
        switch value {
        case .int(let seconds): self.init(unixTime: seconds)
        case .string(let s), .html(let s): self.init(iso: s)
        default: return nil
        }
    }

    /// Reads an ISO 8601 date or date-time.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var n = 0
            for i in at..<(at + count) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard b.count >= 10, let y = number(0, 4), b[4] == 0x2D, let m = number(5, 2), b[7] == 0x2D,
              let d = number(8, 2), m >= 1, m <= 12, d >= 1, d <= DateValue.daysIn(month: m, year: y) else { return nil }
        year = y; month = m; day = d
        var i = 10
        if i < b.count {
            guard b[i] == 0x54 || b[i] == 0x20 || b[i] == 0x74, let h = number(i + 1, 2), b.count > i + 3, b[i + 3] == 0x3A,
                  let mi = number(i + 4, 2), h < 24, mi < 60 else { return nil }
            hour = h; minute = mi
            i += 6
            if i < b.count, b[i] == 0x3A {
                guard let s = number(i + 1, 2), s < 61 else { return nil }
                second = s
                i += 3
                if i < b.count, b[i] == 0x2E {
                    i += 1
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                }
            }
            if i < b.count {
                if b[i] == 0x5A || b[i] == 0x7A {
                    offsetMinutes = 0
                    i += 1
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    guard let oh = number(i + 1, 2), b.count > i + 3 else { return nil }
                    var j = i + 3
                    if b[j] == 0x3A { j += 1 }
                    guard let om = number(j, 2) else { return nil }
                    offsetMinutes = (b[i] == 0x2D ? -1 : 1) * (oh * 60 + om)
                    i = j + 2
                } else {
                    return nil
                }
            }
            if i != b.count { return nil }
        }
    }

    /// A UTC date from seconds since 1970-01-01.
    public init(unixTime seconds: Int) {
        var days = seconds / 86400
        var rest = seconds % 86400
        if rest < 0 { rest += 86400; days -= 1 }
        // Howard Hinnant's days-from-civil inverse.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        offsetMinutes = 0
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let w = (days + 4) % 7
        return w < 0 ? w + 7 : w
    }
}

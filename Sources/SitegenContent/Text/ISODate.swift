/// A calendar date, optionally with a time of day and a UTC offset, as written in
/// front matter: `2024-05-01`, `2024-05-01T10:00:00Z`, `2024-05-01 10:00+02:00`.
///
/// Parsing is strict about the calendar (no February 30th) and lenient about the
/// spelling YAML and TOML allow (a space or `t` instead of `T`, no seconds). Its
/// ``description`` is the normalised ISO 8601 form pages store and sort by.
///
/// ```swift
/// ISODate("2024-05-01 10:00")?.description   // "2024-05-01T10:00:00"
/// ISODate("tomorrow")                         // nil
/// ```
public struct ISODate: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The year, four digits as written.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int
    /// The time of day, when one was given.
    public var time: Time?
    /// Minutes east of UTC (`Z` is 0); `nil` for a local ("floating") date or time.
    public var offsetMinutes: Int?

    /// A time of day.
    public struct Time: Equatable, Hashable, Sendable {
        /// 0 to 23.
        public var hour: Int
        /// 0 to 59.
        public var minute: Int
        /// 0 to 60 (a leap second).
        public var second: Int
        /// Fractional seconds in nanoseconds.
        public var nanosecond: Int

        /// Creates a time of day.
        public init(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    /// Creates a date from its parts; the parts are not validated.
    public init(year: Int, month: Int, day: Int, time: Time? = nil, offsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or `t` or a space), `HH:MM`,
    /// optional `:SS` and fraction, and an optional `Z` or `±HH:MM` offset.
    ///
    /// - Parameter text: The date as written; surrounding whitespace is ignored.
    /// - Returns: `nil` when `text` is not such a date or names an impossible day or time.
    public init?(_ text: String) {
        var reader = DigitReader(text)
        guard let parsed = reader.readDate(), reader.isAtEnd else { return nil }
        self = parsed
    }

    /// The normalised ISO 8601 form: `2024-05-01` or `2024-05-01T10:00:00[.5][Z|+02:00]`.
    public var description: String {
        var out = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        guard let time else { return out }
        out += "T" + Self.pad(time.hour, 2) + ":" + Self.pad(time.minute, 2) + ":" + Self.pad(time.second, 2)
        if time.nanosecond > 0 {
            var fraction = Self.pad(time.nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            out += "." + fraction
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                out += "Z"
            } else {
                let magnitude = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes
                out += (offsetMinutes < 0 ? "-" : "+") + Self.pad(magnitude / 60, 2) + ":" + Self.pad(magnitude % 60, 2)
            }
        }
        return out
    }

    /// Seconds since 1970-01-01T00:00:00Z; a date or time without an offset counts as UTC.
    public var secondsSince1970: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        var seconds = days * 86_400
        if let time { seconds += time.hour * 3600 + time.minute * 60 + time.second }
        return seconds - (offsetMinutes ?? 0) * 60
    }

    /// The number of days in `month` of `year` (proleptic Gregorian calendar).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

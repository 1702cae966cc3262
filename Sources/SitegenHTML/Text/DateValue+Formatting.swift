extension DateValue {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Formats with strftime conversions: `%Y %y %m %d %e %B %b %A %a %H %I %M %S %p %j %F %T %z %%`.
    /// Unknown conversions are written as they are.
    public func formatted(_ format: String) -> String {
        var out = ""
        var percent = false
        for scalar in format.unicodeScalars {
            guard percent else {
                if scalar == "%" { percent = true } else { out.unicodeScalars.append(scalar) }
                continue
            }
            percent = false
            switch scalar {
            case "Y": out += String(year)
            case "y": out += Self.pad(year % 100)
            case "m": out += Self.pad(month)
            case "d": out += Self.pad(day)
            case "e": out += String(day)
            case "B": out += Self.monthNames[month - 1]
            case "b": out += String(Self.monthNames[month - 1].utf8.prefix(3))!
            case "A": out += Self.dayNames[weekday]
            case "a": out += String(Self.dayNames[weekday].utf8.prefix(3))!
            case "H": out += Self.pad(hour)
            case "I": out += Self.pad(hour % 12 == 0 ? 12 : hour % 12)
            case "M": out += Self.pad(minute)
            case "S": out += Self.pad(second)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "j": out += Self.pad(dayOfYear, width: 3)
            case "F": out += String(year) + "-" + Self.pad(month) + "-" + Self.pad(day)
            case "T": out += Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second)
            case "z":
                let offset = offsetMinutes ?? 0
                out += (offset < 0 ? "-" : "+") + Self.pad(abs(offset) / 60) + Self.pad(abs(offset) % 60)
            case "%": out += "%"
            default:
                out += "%"
                out.unicodeScalars.append(scalar)
            }
        }
        if percent { out += "%" }
        return out
    }

    /// RFC 3339 (`2024-05-01T10:00:00Z`), as Atom feeds and sitemaps want.
    public var rfc3339: String {
        var s = formatted("%Y-%m-%dT%H:%M:%S")
        let offset = offsetMinutes ?? 0
        if offset == 0 { s += "Z" } else { s += (offset < 0 ? "-" : "+") + Self.pad(abs(offset) / 60) + ":" + Self.pad(abs(offset) % 60) }
        return s
    }

    /// RFC 822 (`Wed, 01 May 2024 10:00:00 +0000`), as RSS 2.0 wants.
    public var rfc822: String { formatted("%a, %d %b %Y %H:%M:%S %z") }

    var dayOfYear: Int {
        var n = day
        for m in 1..<month { n += Self.daysIn(month: m, year: year) }
        return n
    }

    static func pad(_ n: Int, width: Int = 2) -> String {
        var s = String(n)
        while s.utf8.count < width { s = Text.join("0", s) }
        return s
    }
}

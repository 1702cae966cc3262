/// Reads an ISO 8601 date scalar by scalar; written by hand so `ISODate` stays
/// Foundation-free and does not depend on the current locale or calendar.
struct DigitReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        self.scalars = Array(scalars[start...])
    }

    var isAtEnd: Bool { index == scalars.count }

    mutating func readDate() -> ISODate? {
        guard let year = number(digits: 4), take("-"),
            let month = number(digits: 2), take("-"),
            let day = number(digits: 2),
            (1...12).contains(month), (1...ISODate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var date = ISODate(year: year, month: month, day: day)
        guard !isAtEnd else { return date }
        guard take("T") || take("t") || take(" ") else { return nil }
        guard let time = readTime() else { return nil }
        date.time = time
        if isAtEnd { return date }
        if take("Z") || take("z") {
            date.offsetMinutes = 0
            return date
        }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), take(":"), let minutes = number(digits: 2),
            hours < 24, minutes < 60
        else { return nil }
        date.offsetMinutes = sign * (hours * 60 + minutes)
        return date
    }

    private mutating func readTime() -> ISODate.Time? {
        guard let hour = number(digits: 2), take(":"), let minute = number(digits: 2),
            hour < 24, minute < 60
        else { return nil }
        var time = ISODate.Time(hour: hour, minute: minute)
        guard take(":") else { return time }
        // 60 allows a leap second, as RFC 3339 does.
        guard let second = number(digits: 2), second <= 60 else { return nil }
        time.second = second
        if take(".") {
            var nanos = 0
            var scale = 100_000_000
            var count = 0
            while let digit = peekDigit() {
                index += 1
                count += 1
                nanos += digit * scale
                scale /= 10
            }
            guard count > 0 else { return nil }
            time.nanosecond = nanos
        }
        return time
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == scalar else { return false }
        index += 1
        return true
    }

    private func peekDigit() -> Int? {
        guard index < scalars.count, ("0"..."9").contains(scalars[index]) else { return nil }
        return Int(scalars[index].value - 48)
    }

    private mutating func number(digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let digit = peekDigit() else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return value
    }
}

import Foundation

/// A date as written in content: `YYYY-MM-DD` or an ISO 8601 date-time such as `2024-10-24T09:30:00+09:00`.
///
/// It is shown as the calendar date the author wrote (no time-zone conversion, so a page never shows a different
/// day than the file says) and sorted by the instant it denotes (a date alone counts as midnight UTC).
public struct ContentDate: Hashable, Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Seconds since 1970-01-01T00:00:00Z.
    public let instant: Int64
    /// The text as written, for `<time datetime>`.
    public let iso: String

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[start..<(start + count)] {
                guard let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              (1...12).contains(month), day >= 1, day <= ContentDate.daysIn(month: month, year: year)
        else { return nil }
        var seconds = 0
        var offset = 0
        if scalars.count > 10 {
            // Time part: THH:MM[:SS[.fff]] followed by Z, ±HH:MM or nothing (read as UTC).
            guard scalars[10] == "T" || scalars[10] == " ", let hour = digits(11, 2), scalars.count >= 16, scalars[13] == ":",
                  let minute = digits(14, 2), hour < 24, minute < 60
            else { return nil }
            var index = 16
            var second = 0
            if index < scalars.count, scalars[index] == ":" {
                guard let value = digits(index + 1, 2), value < 61 else { return nil }
                second = value
                index += 3
                if index < scalars.count, scalars[index] == "." || scalars[index] == "," {
                    index += 1
                    while index < scalars.count, scalars[index].properties.numericType == .decimal { index += 1 }
                }
            }
            if index < scalars.count {
                switch scalars[index] {
                case "Z", "z":
                    index += 1
                case "+", "-":
                    let sign = scalars[index] == "-" ? -1 : 1
                    guard let offsetHours = digits(index + 1, 2) else { return nil }
                    var offsetMinutes = 0
                    index += 3
                    if index < scalars.count, scalars[index] == ":" {
                        guard let value = digits(index + 1, 2) else { return nil }
                        offsetMinutes = value
                        index += 3
                    } else if let value = digits(index, 2) {
                        offsetMinutes = value
                        index += 2
                    }
                    offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
                default:
                    return nil
                }
            }
            guard index == scalars.count else { return nil }
            seconds = hour * 3600 + minute * 60 + second
        }
        self.year = year
        self.month = month
        self.day = day
        self.instant = Int64(ContentDate.daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(seconds - offset)
        self.iso = text
    }

    /// "23 October 2024".
    public var long: String { "\(day) \(ContentDate.monthNames[month - 1]) \(year)" }

    /// "2024-10-23".
    public var short: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.instant, lhs.iso) < (rhs.instant, rhs.iso)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

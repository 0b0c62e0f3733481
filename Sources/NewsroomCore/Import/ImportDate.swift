import Foundation

/// The date formats of export files, read by hand: the few fixed layouts exporters write, without `DateFormatter`'s
/// locale and thread-safety questions. Every reader answers nil for what is not a real date.
enum ImportDate {
    /// Vietnam's time, UTC+7 all year (no daylight saving), as a fixed offset so no tz database is needed.
    static let vietnam = TimeZone(secondsFromGMT: 7 * 3600) ?? TimeZone(identifier: "UTC") ?? .current

    /// WordPress's MySQL layout, "2024-03-01 09:30:00", read in `timeZone`. WordPress writes "0000-00-00 00:00:00"
    /// for a date it does not have (the GMT date of a draft): nil.
    static func wordPress(_ text: String, in timeZone: TimeZone) -> Date? {
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" || $0 == "T" })
        guard fields.count == 6 || fields.count == 5 else { return nil }
        let numbers = fields.compactMap { Int($0) }
        guard numbers.count == fields.count, fields[0].count == 4 else { return nil }
        let second = numbers.count == 6 ? numbers[5] : 0
        guard let naive = utc(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], second) else { return nil }
        let offset = timeZone.secondsFromGMT(for: naive)
        let date = naive.addingTimeInterval(TimeInterval(-offset))
        // Around a daylight-saving change the offset at the instant itself is the one that applies.
        let actual = timeZone.secondsFromGMT(for: date)
        return actual == offset ? date : naive.addingTimeInterval(TimeInterval(-actual))
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7,
    ]

    /// RSS's RFC 822 dates, "Fri, 01 Mar 2024 02:30:00 +0000" (weekday optional, seconds optional). Old WordPress
    /// wrote "Wed, 30 Nov -0001 00:00:00 +0000" for drafts: a year before 1 is no date.
    static func rfc822(_ text: String) -> Date? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let comma = rest.firstIndex(of: ",") { rest = rest[rest.index(after: comma)...] }
        let words = rest.split(whereSeparator: \.isWhitespace)
        guard words.count == 4 || words.count == 5, let day = Int(words[0]), var year = Int(words[2]),
            let month = months.firstIndex(of: words[1].prefix(3).lowercased())
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard year >= 1, time.count == 2 || time.count == 3 else { return nil }
        var offset = 0
        if words.count == 5 {
            let zone = words[4]
            if let hours = zones[zone.lowercased()] {
                offset = hours * 3600
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
            } else {
                return nil
            }
        }
        let second = time.count == 3 ? time[2] : 0
        return utc(year, month + 1, day, time[0], time[1], second)?.addingTimeInterval(TimeInterval(-offset))
    }

    /// ISO 8601 as Disqus writes it, "2013-05-17T12:00:00Z", also with an offset ("+07:00", "+0700", "+07"), with
    /// fractional seconds, or with no zone at all (read as UTC, as Disqus's own samples have it).
    static func iso8601(_ text: String) -> Date? {
        let scalars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<index + digits] {
                guard let digit = scalar.decimalDigitValue else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2) else { return nil }
        guard skip("T") || skip("t") || skip(" "), let hour = number(2), skip(":"), let minute = number(2) else { return nil }
        let second = skip(":") ? number(2) : 0
        guard let second else { return nil }
        var fraction = 0.0
        if skip(".") || skip(",") {
            var scale = 0.1
            let start = index
            while index < scalars.count, let digit = scalars[index].decimalDigitValue {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        if skip("Z") || skip("z") || index == scalars.count {
            offset = 0
        } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            let sign = scalars[index] == "-" ? -1 : 1
            index += 1
            guard let hours = number(2) else { return nil }
            var minutes = 0
            if index < scalars.count {
                _ = skip(":")
                guard let value = number(2) else { return nil }
                minutes = value
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == scalars.count else { return nil }
        return utc(year, month, day, hour, minute, second)?.addingTimeInterval(fraction - TimeInterval(offset))
    }

    /// The instant of a UTC wall-clock time, nil when a field is out of range (month 0, 31 April, 25 o'clock).
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}

import Foundation

/// How numbers and times are written for Vietnamese readers.
public enum VietnameseFormat {
    /// Vietnam keeps one offset all year (no daylight saving), so a fixed GMT+7 zone is exact and needs no tzdata.
    public static let timeZone = TimeZone(secondsFromGMT: 7 * 3600)!

    /// A whole number with "." between thousands: 1612 → "1.612".
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    private static let weekdays = ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"]

    /// A moment's date and time on the clock in Vietnam.
    struct LocalTime: Equatable {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// 0 is Sunday.
        var weekday: Int
    }

    /// GMT+7 has no daylight saving, so local time is plain arithmetic on the seconds since 1970 (Howard Hinnant's
    /// days-to-civil algorithm). `Calendar` would give the same answer at a hundred times the cost, and dates are
    /// formatted for every comment on every page.
    static func localTime(_ date: Date, offsetHours: Int = 7) -> LocalTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offsetHours * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        return LocalTime(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60, weekday: weekday)
    }

    /// An article's date line, as Vietnamese papers print it: "Chủ nhật, 29/11/2026, 16:41 (GMT+7)".
    public static func dateLine(_ date: Date) -> String {
        let time = localTime(date)
        return "\(weekdays[time.weekday]), \(pad(time.day))/\(pad(time.month))/\(time.year), \(pad(time.hour)):\(pad(time.minute)) (GMT+7)"
    }

    /// A short time for a comment: "16:41 29/11/2026".
    public static func shortDateTime(_ date: Date) -> String {
        let time = localTime(date)
        return "\(pad(time.hour)):\(pad(time.minute)) \(pad(time.day))/\(pad(time.month))/\(time.year)"
    }

    /// ISO 8601 with the GMT+7 offset, for APIs and `<time datetime>`: "2026-11-29T16:41:05+07:00".
    public static func iso8601(_ date: Date) -> String {
        let time = localTime(date)
        let year = time.year < 1000 ? String(repeating: "0", count: 4 - String(time.year).count) + String(time.year) : String(time.year)
        return "\(year)-\(pad(time.month))-\(pad(time.day))T\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))+07:00"
    }

    /// RFC 822 with the GMT+7 offset, as RSS wants it (English names, by the standard): "Sun, 29 Nov 2026 16:41:05 +0700".
    public static func rfc822(_ date: Date) -> String { englishDate(date, offsetHours: 7, zone: "+0700") }

    /// An HTTP date (`Last-Modified`), always in GMT: "Sun, 29 Nov 2026 09:41:05 GMT".
    public static func httpDate(_ date: Date) -> String { englishDate(date, offsetHours: 0, zone: "GMT") }

    private static func englishDate(_ date: Date, offsetHours: Int, zone: String) -> String {
        let time = localTime(date, offsetHours: offsetHours)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let clock = "\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
        return "\(days[time.weekday]), \(pad(time.day)) \(months[time.month - 1]) \(time.year) \(clock) \(zone)"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

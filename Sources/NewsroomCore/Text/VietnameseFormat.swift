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

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// An article's date line, as Vietnamese papers print it: "Chủ nhật, 29/11/2026, 16:41 (GMT+7)".
    public static func dateLine(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute], from: date)
        let weekday = weekdays[(parts.weekday ?? 1) - 1]
        return "\(weekday), \(pad(parts.day))/\(pad(parts.month))/\(parts.year ?? 0), "
            + "\(pad(parts.hour)):\(pad(parts.minute)) (GMT+7)"
    }

    /// A short time for a comment: "16:41 29/11/2026".
    public static func shortDateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return "\(pad(parts.hour)):\(pad(parts.minute)) \(pad(parts.day))/\(pad(parts.month))/\(parts.year ?? 0)"
    }

    /// ISO 8601 with the GMT+7 offset, for APIs and `<time datetime>`: "2026-11-29T16:41:05+07:00".
    public static func iso8601(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = String(format: "%04d", parts.year ?? 0)
        return "\(year)-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))+07:00"
    }

    private static func pad(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}

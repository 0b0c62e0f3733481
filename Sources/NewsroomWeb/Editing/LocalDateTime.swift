import Foundation

/// The value of an `<input type="datetime-local">`, read and written as Vietnam's time (GMT+7, no daylight saving).
enum LocalDateTime {
    static let offset: TimeInterval = 7 * 3600

    /// `2026-11-29T08:30` or `2026-11-29T08:30:15` → the instant; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "T")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0.prefix(2)) }
        guard date.count == 3, (2...3).contains(time.count) else { return nil }
        var components = DateComponents()
        components.year = date[0]
        components.month = date[1]
        components.day = date[2]
        components.hour = time[0]
        components.minute = time[1]
        components.second = time.count == 3 ? time[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        // Years a newspaper has (no year 292,277,026,596), and a day the month has: no 31 February turned into March.
        guard (1900...9999).contains(date[0]), (1...12).contains(date[1]), (1...31).contains(date[2]), (0...23).contains(time[0]),
            (0...59).contains(time[1]), (0...59).contains(components.second ?? 0), let utc = calendar.date(from: components),
            calendar.component(.day, from: utc) == date[2]
        else { return nil }
        return utc.addingTimeInterval(-offset)
    }

    /// The instant as the input shows it, to the second: `2026-11-29T08:30:15`.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offset))!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }
}

import Foundation
import Testing

@testable import NewsroomCore

@Suite("Vietnamese number and date formats")
struct VietnameseFormatTests {
    /// 2026-11-29 09:41:05 UTC, a Sunday: 16:41:05 in Hanoi.
    static let sundayAfternoon = Date(timeIntervalSince1970: 1_795_945_265)
    /// 2024-01-01 17:30:00 UTC, a Monday: already Tuesday 00:30 in Hanoi.
    static let mondayEveningUTC = Date(timeIntervalSince1970: 1_704_130_200)

    @Test(
        "numbers are grouped by thousands with dots",
        arguments: [
            (0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1500, "1.500"), (1612, "1.612"), (10_000, "10.000"),
            (123_456, "123.456"), (1_500_000, "1.500.000"), (-1612, "-1.612"), (-999, "-999"),
            (Int.max, "9.223.372.036.854.775.807"), (Int.min, "-9.223.372.036.854.775.808"),
        ])
    func number(value: Int, expected: String) {
        #expect(VietnameseFormat.number(value) == expected)
    }

    @Test("the date line gives the Vietnamese weekday and the GMT+7 time")
    func dateLine() {
        #expect(VietnameseFormat.dateLine(Self.sundayAfternoon) == "Chủ nhật, 29/11/2026, 16:41 (GMT+7)")
    }

    @Test("the +7 hours can move the date to the next day")
    func dateLineCrossesMidnight() {
        #expect(VietnameseFormat.dateLine(Self.mondayEveningUTC) == "Thứ ba, 02/01/2024, 00:30 (GMT+7)")
        #expect(VietnameseFormat.shortDateTime(Self.mondayEveningUTC) == "00:30 02/01/2024")
    }

    @Test("each day of a week gets its own weekday name")
    func weekdays() {
        // Monday 2024-01-01 00:00 in Hanoi, then noon of each following day.
        let monday = Date(timeIntervalSince1970: 1_704_042_000)
        let names = (0..<7).map { day in
            let line = VietnameseFormat.dateLine(monday.addingTimeInterval(Double(day) * 86_400 + 12 * 3600))
            return String(line.prefix { $0 != "," })
        }
        #expect(names == ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"])
    }

    @Test("the date line zero-pads day, month, hour and minute")
    func dateLinePadding() {
        // 2000-01-01 06:59:59 in Hanoi, a Saturday; seconds are not shown.
        #expect(VietnameseFormat.dateLine(Date(timeIntervalSince1970: 946_684_799)) == "Thứ bảy, 01/01/2000, 06:59 (GMT+7)")
    }

    @Test("the short date-time of a comment")
    func shortDateTime() {
        #expect(VietnameseFormat.shortDateTime(Self.sundayAfternoon) == "16:41 29/11/2026")
    }

    @Test("ISO 8601 is written in GMT+7 with its offset")
    func iso8601() {
        let text = VietnameseFormat.iso8601(Self.sundayAfternoon)
        #expect(text.hasSuffix("+07:00"))
        #expect(text == "2026-11-29T16:41:05+07:00")
        #expect(VietnameseFormat.iso8601(Self.mondayEveningUTC) == "2024-01-02T00:30:00+07:00")
    }

    @Test("ISO 8601 output reads back as the same instant")
    func iso8601RoundTrip() throws {
        for date in [Self.sundayAfternoon, Self.mondayEveningUTC, Date(timeIntervalSince1970: 946_684_799)] {
            let parsed = try #require(ISO8601DateFormatter().date(from: VietnameseFormat.iso8601(date)))
            #expect(parsed == date)
        }
    }

    @Test("the time zone is a fixed GMT+7 all year")
    func timeZone() {
        #expect(VietnameseFormat.timeZone.secondsFromGMT(for: Self.sundayAfternoon) == 7 * 3600)
        #expect(VietnameseFormat.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_719_792_000)) == 7 * 3600)
    }
}

@Suite struct LocalTimeArithmeticTests {
    /// The arithmetic agrees with Foundation's calendar in GMT+7 across centuries, leap days and negative times.
    @Test func agreesWithTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        var generator = SystemRandomNumberGenerator()
        var moments: [TimeInterval] = [0, -1, 951_782_400, 951_868_799, 4_107_542_399, -2_208_988_800]
        moments += (0..<2000).map { _ in TimeInterval(Int64.random(in: -4_000_000_000...6_000_000_000, using: &generator)) }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let time = VietnameseFormat.localTime(date)
            #expect(
                [time.year, time.month, time.day, time.hour, time.minute, time.second, time.weekday + 1]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.weekday].map { $0 ?? -1 },
                "\(seconds)")
        }
    }
}

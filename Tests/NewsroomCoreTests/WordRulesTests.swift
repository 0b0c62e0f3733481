import Foundation
import Testing

@testable import NewsroomCore

/// The word rules against an evasion corpus, and against innocent Vietnamese and English they must leave alone.
@Suite struct WordRulesTests {
    let rules = CommentRules(words: DefaultWords.rules)

    func kinds(_ text: String) -> [WordKind] { rules.words.matches(in: text).map(\.kind) }

    @Test(arguments: [
        "Đồ địt mẹ nhà mày",  // as written
        "dit me nha may",  // diacritics removed: held, see below
        "Đ.M bài viết gì thế",  // dotted
        "đ m tác giả",  // spaced
        "d-m-m",  // dashed
        "vcl thật",  // abbreviation
        "v.c.l",  // dotted abbreviation
        "V C L luôn",  // spaced capitals
        "vclllll",  // repeated letters
        "đmmmmm",
        "CLGT???",
        "lồồồồn",
        "l0n",  // digit for a letter
        "đi\u{0323}t",  // NFD: i, then the dot below
        "Đi\u{0323}t",  // NFD
        "c.ặ.c",
        "Đéo hiểu nổi",
    ])
    func evasionIsCaught(_ text: String) {
        #expect(!kinds(text).isEmpty, "\(text)")
    }

    @Test func wordsTypedWithTheirDiacriticsAreRefusedAndWithoutThemHeld() {
        #expect(kinds("đồ lồn") == [.banned])
        #expect(kinds("do lon") == [.suspect], "without diacritics it might be \"lớn\": held, not refused")
        #expect(kinds("Lon bia này lớn quá") == [], "a writer who types diacritics means the unmarked word: a can")
        #expect(kinds("Địt") == [.banned])
        #expect(kinds("dm") == [.banned], "đ alone is no ambiguity: dm is only ever the insult")
        #expect(rules.verdict(for: "Bài này viết vcl") == .refuse(reason: "Từ bị cấm: «vcl»", words: ["vcl"]))
    }

    @Test(arguments: [
        "Trời hôm nay lớn gió, lon nước ngọt bay khắp phố.",  // lớn, lon (can) — not lồn
        "Tôi đeo kính cận từ nhỏ.",  // đeo — not đéo
        "Admin ơi, trang bị lỗi rồi.",  // "dm" inside admin
        "Đi đâu mà vội mà vàng, đường còn dài lắm.",
        "Cục cặn trong ấm đun nước cần được làm sạch.",
        "Đọc mãi vẫn thấy hay, đúng là bài viết chất lượng.",
        "Buổi sáng ở Đà Lạt rất lạnh.",  // buổi — not buồi
        "Đĩa hát cũ vẫn còn nghe được.",  // đĩa — not đĩ
        "Câu cá ở hồ Tây vào cuối tuần.",
        "The committee met in the district of Dumfries; classic lcd cables were sold.",
        "I love this article, thanks for the details on the economy.",
        "Số liệu 2023 - 2027 rất ấn tượng: tăng 14,8%.",
        "Thủ đô Hà Nội, thành phố Đà Nẵng và Cần Thơ.",
        "Con cá lớn nhất chợ.",
        "D.M.C là tên công ty tôi.",  // three letters: not "dm"
    ])
    func innocentTextIsLeftAlone(_ text: String) {
        #expect(rules.verdict(for: text) == .accept, "\(text): \(rules.words.matches(in: text).map { text[$0.range] })")
    }

    @Test func suspectWordsAndLinksHold() {
        guard case .hold(let reason, let words) = rules.verdict(for: "Thằng này ngu thật") else {
            Issue.record("expected a hold")
            return
        }
        #expect(words == ["ngu"])
        #expect(reason.contains("«ngu»"))
        #expect(rules.verdict(for: "Xem http://a.vn và https://b.vn và www.c.com").isHold)
        #expect(rules.verdict(for: "Xem http://a.vn và https://b.vn") == .accept)
    }

    @Test func capitalsAndTextWithoutDiacriticsHoldOnlyWhenAsked() {
        let strict = CommentRules(words: [], holdAllCaps: true, holdWithoutDiacritics: true)
        #expect(strict.verdict(for: "TÔI KHÔNG ĐỒNG Ý VỚI BÀI VIẾT NÀY").isHold)
        #expect(strict.verdict(for: "Toi khong dong y voi bai viet nay va cac y kien cua ban").isHold)
        #expect(strict.verdict(for: "I do not agree with this article at all, sorry") == .accept)
        #expect(strict.verdict(for: "Tôi không đồng ý với bài viết này.") == .accept)
        #expect(CommentRules(words: []).verdict(for: "TÔI KHÔNG ĐỒNG Ý VỚI BÀI VIẾT NÀY") == .accept)
    }

    @Test func theMatchedWordsAreReportedAsTheReaderWroteThem() {
        let text = "Hay lắm, nhưng mà V.C.L thật"
        let match = try? #require(rules.words.matches(in: text).first)
        #expect(match.map { String(text[$0.range]) } == "V.C.L")
    }
}

extension CommentRules.Verdict {
    var isHold: Bool { if case .hold = self { true } else { false } }
}

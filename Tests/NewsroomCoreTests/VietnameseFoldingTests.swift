import Foundation
import Testing

@testable import NewsroomCore

@Suite("Vietnamese text: folding and slugs")
struct VietnameseFoldingTests {
    // MARK: Folding

    @Test(
        "folding drops marks, maps đ to d and lowercases",
        arguments: [
            ("Đà Lạt", "da lat"),
            ("ĐẶNG", "dang"),
            ("đường", "duong"),
            ("Hà Nội", "ha noi"),
            ("Thành phố Hồ Chí Minh", "thanh pho ho chi minh"),
            ("Quảng Ngãi", "quang ngai"),
            ("NGƯỜI ĐỌC", "nguoi doc"),
            ("2023 - năm", "2023 - nam"),
        ])
    func folds(text: String, expected: String) {
        #expect(VietnameseText.folded(text) == expected)
    }

    @Test("letters with two marks fold to their base letter")
    func foldsTwoMarks() {
        #expect(VietnameseText.folded("ệ ộ ữ ẫ ở ằ") == "e o u a o a")
        #expect(VietnameseText.folded("Ệ Ộ Ữ Ẫ Ở Ằ") == "e o u a o a")
        #expect(VietnameseText.folded("Nguyễn Thị Hồng Nhung") == "nguyen thi hong nhung")
    }

    /// Every vowel of the Vietnamese alphabet with each of the six tones, lower and upper case, built from
    /// scalars so that the test does not depend on how this file's literals are stored.
    @Test("every toned vowel folds to its ASCII base, from NFC and from NFD")
    func foldsWholeAlphabet() {
        let vowels: [(String, String)] = [
            ("a", "a"), ("a\u{0306}", "a"), ("a\u{0302}", "a"), ("e", "e"), ("e\u{0302}", "e"), ("i", "i"),
            ("o", "o"), ("o\u{0302}", "o"), ("o\u{031B}", "o"), ("u", "u"), ("u\u{031B}", "u"), ("y", "y"),
        ]
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        var checked = 0
        for (base, ascii) in vowels {
            for tone in tones {
                let decomposed = base + tone
                let composed = decomposed.precomposedStringWithCanonicalMapping
                for letter in [composed, decomposed, composed.uppercased(), nfd(composed.uppercased())] {
                    #expect(VietnameseText.folded(letter) == ascii, "\(scalars(letter))")
                    checked += 1
                }
            }
        }
        #expect(checked == 12 * 6 * 4)
    }

    @Test("NFD input folds exactly as NFC input does")
    func nfdFoldsLikeNFC() {
        let text = "Đặng Thùy Trâm ở Quảng Ngãi: “Nhật ký” — 1968"
        let folded = VietnameseText.folded(text)
        #expect(Array(VietnameseText.folded(nfd(text)).utf8) == Array(folded.utf8))
        #expect(folded == "dang thuy tram o quang ngai: “nhat ky” — 1968")
    }

    @Test("the look-alike African D folds to d too")
    func foldsAfricanD() {
        #expect(VietnameseText.folded("\u{0189}\u{0256}\u{00E0}") == "dda")
    }

    // MARK: Slugs

    @Test(
        "slugs are folded ASCII words joined by one dash",
        arguments: [
            ("2025 - mùa lúa bội thu ở Đồng Tháp", "2025-mua-lua-boi-thu-o-dong-thap"),
            ("Đường sắt Bắc – Nam: khởi công?", "duong-sat-bac-nam-khoi-cong"),
            ("  Đà Lạt  ", "da-lat"),
            ("ĐẶNG Văn Ngữ", "dang-van-ngu"),
            ("Giá xăng giảm 1.000 đồng/lít", "gia-xang-giam-1-000-dong-lit"),
            ("“Mùa thu Hà Nội” 🍂", "mua-thu-ha-noi"),
            ("COVID-19", "covid-19"),
        ])
    func slugs(title: String, expected: String) {
        #expect(VietnameseText.slug(title) == expected)
    }

    @Test("a title typed in NFD gives the same slug")
    func slugOfNFD() {
        #expect(VietnameseText.slug(nfd("2025 - mùa lúa bội thu ở Đồng Tháp")) == "2025-mua-lua-boi-thu-o-dong-thap")
    }

    @Test("a title with no letter or digit gives bai-viet", arguments: ["", "   ", "!!! ??? …", "🎉🇻🇳👍🏽", "— · —", "\u{200B}"])
    func fallbackSlug(title: String) {
        #expect(VietnameseText.slug(title) == "bai-viet")
    }

    @Test("a long title is cut at a word boundary, at most 80 characters")
    func longTitleCutAtWordBoundary() throws {
        let title = Array(repeating: "Quốc hội thảo luận dự án luật đất đai sửa đổi", count: 4).joined(separator: " ")
        let full = VietnameseText.slug(title, maxLength: 1000)
        let slug = VietnameseText.slug(title)
        #expect(full.count > 80)
        #expect(slug.count <= 80)
        #expect(slug.count > 70)
        #expect(full.hasPrefix(slug))
        #expect(!slug.hasSuffix("-"))
        // The cut falls between two words of the full slug.
        let next = full[full.index(full.startIndex, offsetBy: slug.count)]
        #expect(next == "-")
    }

    @Test("a slug that ends exactly on a word at the limit keeps that word")
    func cutExactlyAtWordEnd() {
        // 8 words of 9 letters and 7 dashes: 79 characters, then "-" and one more word.
        let words = Array(repeating: "abcdefghi", count: 8)
        let exact = words.joined(separator: "-")
        #expect(exact.count == 79)
        #expect(VietnameseText.slug(exact + " tiếp", maxLength: 79) == exact)
        #expect(VietnameseText.slug(exact + " x", maxLength: 80) == exact)
        #expect(VietnameseText.slug(exact, maxLength: 79) == exact)
    }

    @Test("one word longer than the limit is cut to the limit")
    func longSingleWord() {
        let word = String(repeating: "đ", count: 120)
        #expect(VietnameseText.slug(word) == String(repeating: "d", count: 80))
    }

    @Test("slugs contain only a-z, 0-9 and single inner dashes")
    func slugAlphabet() {
        let titles = ["Ý kiến bạn đọc: “Đừng để rác thải nhựa…”", "Ƀ ǅ Ⅻ ½ 𝔸 ①", "a--b__c  d", "-Tin nóng-"]
        for title in titles {
            let slug = VietnameseText.slug(title)
            #expect(slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(slug)")
        }
        #expect(VietnameseText.slug("a--b__c  d") == "a-b-c-d")
        #expect(VietnameseText.slug("-Tin nóng-") == "tin-nong")
    }
}

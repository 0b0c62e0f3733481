import Foundation
import Testing

@testable import NewsroomCore

/// Issue 14, "Rules that see what the reader sees": a word the reader can read is a word the rules can read, whatever
/// invisible or look-alike characters carry it; stored text loses what no reader sees; a letter buried under marks
/// is refused. Vietnamese text must come through all of it untouched.
@Suite("Rules see what the reader sees")
struct VisibleTextTests {
    let rules = CommentRules(words: DefaultWords.rules)

    /// Every Vietnamese letter: the twelve vowels under each of the six tones (none included), both cases, and đ, Đ;
    /// precomposed (NFC).
    static let vietnameseLetters: [String] = {
        let vowels = ["a", "a\u{0306}", "a\u{0302}", "e", "e\u{0302}", "i", "o", "o\u{0302}", "o\u{031B}", "u", "u\u{031B}", "y"]
        let tones = ["", "\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}"]
        let lower = vowels.flatMap { vowel in tones.map { (vowel + $0).precomposedStringWithCanonicalMapping } } + ["đ"]
        return lower + lower.map { $0.uppercased() }
    }()

    /// The code points of Unicode's Default_Ignorable_Code_Point set, each range's ends and a few between.
    static let ignorables: [UInt32] = [
        0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x202A, 0x202E, 0x2060, 0x2063, 0x2064, 0x2065, 0x2066, 0x2069, 0x206F, 0x3164, 0xFE00, 0xFE0E, 0xFE0F, 0xFEFF, 0xFFA0,
        0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF,
    ]

    static func submission(author: String = "Lê Minh Khuê", body: String) -> CommentSubmission {
        CommentSubmission(author: author, body: body)
    }

    static func rejection(_ submission: CommentSubmission) -> NewsroomError? { CommentValidationTests.rejection(submission) }

    @Test("the list of Vietnamese letters is complete and every one of them is one precomposed scalar")
    func vietnameseLettersAreComplete() {
        #expect(Self.vietnameseLetters.count == 146)
        #expect(Set(Self.vietnameseLetters).count == 146)
        for letter in Self.vietnameseLetters { #expect(letter.unicodeScalars.count == 1, "\(letter)") }
    }

    // MARK: Word rules

    @Test(
        "a banned word carried by invisible, compatibility or look-alike characters is refused as the reader wrote it",
        arguments: [
            "vcl",  // the plain word, for comparison
            "v\u{00AD}c\u{00AD}l",  // soft hyphens
            "v\u{200D}c\u{200D}l",  // zero-width joiners
            "v\u{200B}cl",  // a zero-width space
            "v\u{2060}c\u{FEFF}l",  // word joiner, byte order mark
            "v\u{034F}c\u{E0041}l",  // combining grapheme joiner, a tag character
            "v\u{0441}l",  // Cyrillic с
            "V\u{0421}L",  // Cyrillic С
            "\u{FF56}\u{FF43}\u{FF4C}",  // fullwidth ｖｃｌ
            "\u{1D42F}\u{1D41C}\u{1D425}",  // mathematical bold 𝐯𝐜𝐥
            "\u{24E5}\u{24D2}\u{24DB}",  // circled ⓥⓒⓛ
            "\u{1D20}\u{1D04}\u{029F}",  // small capitals ᴠᴄʟ
            "\u{03BD}\u{03F2}l",  // Greek ν and lunate sigma ϲ
            "v.\u{0441}.l",  // look-alike and dots
            "\u{0501}m",  // Cyrillic ԁ: "dm"
            "l\u{043E}\u{0302}\u{0300}n",  // Vietnamese marks on a Cyrillic о: "lồn"
            "\u{FF56}\u{00AD}\u{0441}\u{200D}\u{FF4C}",  // fullwidth, look-alike and invisible together
            "v\u{00A0}c\u{00A0}l",  // no-break spaces
            "v\u{3000}c\u{3000}l",  // ideographic spaces
            "v\u{2009}c\u{202F}l",  // thin and narrow spaces
            "v\tc\tl",  // tabs
            "v\u{0301}c\u{0323}l",  // marks on the letters
            "V\u{200C}C\u{200C}L",  // zero-width non-joiners, capitals
            "v\u{00B7}c\u{00B7}l", "v\u{2022}c\u{2022}l", "v:c:l", "v=c=l", "v\u{3001}c\u{3001}l",  // other separators
            "v\u{2800}c\u{2800}l",  // braille blanks
            "vc\u{0142}", "vc\u{019A}", "v\u{0188}l", "vc\u{026B}",  // letters with strokes and hooks
            "l\u{1ED3}\u{0300}n", "l\u{1ED3}\u{0308}n",  // a vowel's own marks doubled, or a foreign one
        ])
    func disguisedBannedWordIsRefused(word: String) {
        let text = "Bài này viết \(word) thật"
        #expect(rules.verdict(for: text) == .refuse(reason: "Từ bị cấm: «\(word)»", words: [word]), "\(scalars(word))")
    }

    @Test(
        "a suspect word carried the same ways is held",
        arguments: ["ng\u{00AD}u", "n\u{200B}gu", "\u{0578}gu", "ng\u{057D}", "\u{FF4E}\u{FF47}\u{FF55}"])
    func disguisedSuspectWordIsHeld(word: String) {
        #expect(rules.verdict(for: "Thằng này \(word) thật") == .hold(reason: "Từ cần xem xét: «\(word)»", words: [word]))
    }

    @Test("emoji, Russian, Greek and fullwidth text with no banned word in it are accepted")
    func innocentTextInOtherFormsIsAccepted() {
        #expect(rules.verdict(for: "Cảm ơn tòa soạn \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} \u{2764}\u{FE0F}") == .accept)
        #expect(rules.verdict(for: "Спасибо за статью, очень интересно!") == .accept)
        #expect(rules.verdict(for: "Το άρθρο είναι πολύ καλό.") == .accept)
        #expect(rules.verdict(for: "ｈｅｌｌｏ ｔòａ ｓｏạｎ") == .accept)
    }

    @Test("a word typed in NFD is reported in the reader's own scalars")
    func matchedWordsKeepTheReadersScalars() throws {
        let text = "Đồ \u{0110}i\u{0323}t"
        let match = try #require(rules.words.matches(in: text).first)
        #expect(scalars(String(text[match.range])) == scalars("\u{0110}i\u{0323}t"))
    }

    @Test("the rules read a Vietnamese letter as itself, precomposed or typed apart")
    func vietnameseLettersAreReadAsThemselves() {
        for letter in Self.vietnameseLetters {
            #expect(scalars(RuleText(letter).text) == scalars(letter), "\(letter)")
            #expect(scalars(RuleText(nfd(letter)).text) == scalars(letter), "\(letter) in NFD")
        }
        let sentence = "Thủ đô Hà Nội, thành phố Đà Nẵng và Cần Thơ; Trời hôm nay lớn gió."
        #expect(scalars(RuleText(sentence).text) == scalars(sentence))
        #expect(scalars(RuleText(nfd(sentence)).text) == scalars(sentence))
    }

    @Test("a range of the text the rules read maps back to whole characters of the original")
    func rangesMapBack() throws {
        let original = "Ôi v\u{00AD}\u{0441}\u{00AD}l!"
        let readable = RuleText(original)
        #expect(readable.text == "Ôi vcl!")
        let word = try #require(readable.text.range(of: "vcl"))
        #expect(scalars(String(original[readable.original(word)])) == scalars("v\u{00AD}\u{0441}\u{00AD}l"))
        let first = try #require(readable.text.range(of: "Ôi"))
        #expect(String(original[readable.original(first)]) == "Ôi")
        let end = readable.text.endIndex
        #expect(readable.original(end..<end) == original.endIndex..<original.endIndex)
    }

    @Test("every look-alike is read as a plain Latin letter, and no Latin or Vietnamese letter is read as another")
    func lookalikeTable() {
        #expect(RuleText.lookalikes.count > 150)
        let vietnamese = Set(Self.vietnameseLetters.flatMap { $0.unicodeScalars.map(\.value) + nfd($0).unicodeScalars.map(\.value) })
        for (key, latin) in RuleText.lookalikes {
            #expect(("a"..."z").contains(latin) || ("A"..."Z").contains(latin), "U+\(String(key, radix: 16))")
            #expect(key > 0x7F && !vietnamese.contains(key), "U+\(String(key, radix: 16))")
        }
        #expect(RuleText.lookalikes[0xAB83] == "w", "Cherokee small la, from the capital Ꮃ")
    }

    // MARK: Stored text

    @Test("stored text drops every default-ignorable character between letters", arguments: ignorables)
    func storedTextDropsIgnorables(value: UInt32) throws {
        let invisible = try #require(Unicode.Scalar(value))
        #expect(VisibleText.isIgnorable(invisible))
        var text = "qu"
        text.unicodeScalars.append(invisible)
        text += "\u{1EA3}ng c\u{00E1}o"
        let valid = try Self.submission(author: "L\u{00EA}" + text, body: text).validated()
        #expect(scalars(valid.body) == scalars("qu\u{1EA3}ng c\u{00E1}o"))
        #expect(scalars(valid.author) == scalars("L\u{00EA}qu\u{1EA3}ng c\u{00E1}o"))
        #expect(scalars(RuleText(text).text) == scalars("qu\u{1EA3}ng c\u{00E1}o"))
    }

    @Test(
        "visible characters are not ignorable",
        arguments: [" ", "\u{00A0}", "a", "\u{1EC7}", "\u{0301}", "\u{1F600}", "\u{1F3FD}", "\u{2028}"])
    func visibleCharactersStay(text: String) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(!VisibleText.isIgnorable(scalar))
    }

    @Test("a disguised word is stored without its invisible characters, and refused as the plain word")
    func storedTextOfADisguisedWord() throws {
        let valid = try Self.submission(body: "Bài này viết v\u{00AD}c\u{200B}l\u{202E} thật").validated()
        #expect(scalars(valid.body) == scalars("Bài này viết vcl thật"))
        #expect(rules.verdict(for: valid.body) == .refuse(reason: "Từ bị cấm: «vcl»", words: ["vcl"]))
    }

    @Test(
        "stored text keeps the joiners and variation selectors of emoji",
        arguments: [
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",  // family
            "\u{2764}\u{FE0F}",  // red heart
            "\u{2764}\u{FE0F}\u{200D}\u{1F525}",  // heart on fire
            "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",  // rainbow flag
            "\u{1F469}\u{1F3FE}\u{200D}\u{1F4BB}",  // woman technologist, skin tone
            "\u{1F9D1}\u{200D}\u{1F9B0}",  // person, red hair
            "1\u{FE0F}\u{20E3}",  // keycap one
            "\u{263A}\u{FE0E}",  // smiling face, text style
        ])
    func storedTextKeepsEmojiSequences(emoji: String) throws {
        let body = "Cảm ơn \(emoji) nhé"
        let valid = try Self.submission(author: "An \(emoji)", body: body).validated()
        #expect(scalars(valid.body) == scalars(body))
        #expect(scalars(valid.author) == scalars("An \(emoji)"))
    }

    @Test("joiners and variation selectors away from emoji are dropped")
    func strayJoinersAreDropped() {
        #expect(scalars(VietnameseText.cleanedMultiline("v\u{200D}c\u{200D}l")) == scalars("vcl"))
        #expect(scalars(VietnameseText.cleanedMultiline("xin\u{FE0F} ch\u{00E0}o\u{FE0E}")) == scalars("xin ch\u{00E0}o"))
        #expect(scalars(VietnameseText.cleanedMultiline("a\u{200D}\u{1F600}")) == scalars("a\u{200D}\u{1F600}"), "next to an emoji")
        #expect(scalars(VietnameseText.cleanedMultiline("\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}")) == scalars("\u{1F3F4}"), "tags go")
    }

    // MARK: Stacked marks

    @Test(
        "a letter under more than three combining marks is refused with invalid_text",
        arguments: [
            "e\u{0301}\u{0302}\u{0303}\u{0304}",  // four marks
            "\u{1EC7}\u{0301}\u{0300}",  // ệ and two more: four in NFD
            "Z\u{0351}\u{0352}\u{0357}\u{035B}\u{0363}\u{0364}\u{0300}\u{0301}a\u{0316}\u{0317}lgo",  // "Zalgo"
            "e\u{0301}\u{0302}\u{200B}\u{0303}\u{0304}",  // an invisible character between the marks is dropped first
            "o\u{20DD}\u{20DE}\u{20DF}\u{20E0}",  // enclosing marks
        ])
    func stackedMarksAreRefused(word: String) throws {
        let body = try #require(Self.rejection(Self.submission(body: "Bài viết \(word) hay")))
        #expect(body.code == .invalidText)
        #expect(body.status == 422)
        #expect(body.field == "body")
        #expect(body.message == Strings.message(for: .invalidText))
        let author = try #require(Self.rejection(Self.submission(author: "An \(word)", body: "Bài viết hay")))
        #expect(author.code == .invalidText)
        #expect(author.field == "author")
    }

    @Test("three marks on a letter are the most allowed")
    func threeMarksPass() throws {
        #expect(VisibleText.mostStackedMarks("e\u{0301}\u{0302}\u{0303}") == 3)
        #expect(VisibleText.mostStackedMarks("e\u{0301}\u{0302}\u{0303}\u{0304}") == 4)
        _ = try Self.submission(author: "A\u{0301}\u{0302}\u{0303}n", body: "e\u{0301}\u{0302}\u{0303} hay").validated()
    }

    @Test("every Vietnamese letter passes, precomposed and typed apart, and has at most two marks", arguments: [false, true])
    func vietnameseLettersPass(decomposed: Bool) throws {
        for letter in Self.vietnameseLetters {
            #expect(VisibleText.mostStackedMarks(decomposed ? nfd(letter) : letter) <= 2, "\(letter)")
        }
        let all = Self.vietnameseLetters.joined(separator: " ")
        let valid = try Self.submission(author: "Nguyễn Thị Ngọc Hường", body: decomposed ? nfd(all) : all).validated()
        #expect(scalars(valid.body) == scalars(all))
        for letter in Self.vietnameseLetters {
            let name = "Lê \(letter)"
            #expect(try Self.submission(author: decomposed ? nfd(name) : name, body: "Hay").validated().author == name)
        }
    }

    @Test("emoji with their selectors and keycaps are not stacked marks")
    func emojiAreNotStackedMarks() throws {
        let emoji = "\u{2764}\u{FE0F} 1\u{FE0F}\u{20E3} \u{1F3F3}\u{FE0F}\u{200D}\u{26A7}\u{FE0F} \u{1F44D}\u{1F3FD}"
        #expect(VisibleText.mostStackedMarks(emoji) == 2)
        _ = try Self.submission(body: emoji).validated()
    }

    @Test(
        "one character of many scalars is refused, however it is built; real emoji sequences pass",
        arguments: [
            ("A" + String(repeating: "\u{0903}", count: 50), false),  // spacing marks
            (String(repeating: "\u{1100}", count: 40), false),  // Hangul leading consonants, one syllable block
            ("👨" + String(repeating: "\u{200D}👨", count: 25), false),  // an endless ZWJ sequence
            ("👨‍👩‍👧‍👦", true), ("👩🏽‍❤️‍💋‍👨🏻", true), ("🇻🇳", true), ("1️⃣", true), ("Nguyễn Thị Ánh", true),
        ])
    func charactersOfManyScalars(text: String, typeable: Bool) {
        #expect(VisibleText.isTypeable(text) == typeable)
        let submission = Self.submission(body: "Bình luận " + text)
        if typeable {
            #expect((try? submission.validated()) != nil)
        } else {
            #expect(throws: NewsroomError(.invalidText, field: "body")) { try submission.validated() }
        }
    }
}

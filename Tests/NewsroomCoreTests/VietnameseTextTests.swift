import Foundation
import Testing

@testable import NewsroomCore

@Suite("Vietnamese text: normalisation, counting, cleaning")
struct VietnameseTextTests {
    // MARK: NFC

    @Test("NFD input is stored as NFC")
    func normalisesNFDToNFC() {
        let decomposed = "Vie\u{0323}\u{0302}t Nam"
        let result = VietnameseText.normalized(decomposed)
        #expect(scalars(result) == scalars("Vi\u{1EC7}t Nam"))
        #expect(result.unicodeScalars.count == 8)
    }

    @Test(
        "letters with two marks compose to one scalar",
        arguments: [
            ("e\u{0323}\u{0302}", "\u{1EC7}"),  // ệ
            ("o\u{0323}\u{0302}", "\u{1ED9}"),  // ộ
            ("u\u{031B}\u{0303}", "\u{1EEF}"),  // ữ
            ("a\u{0302}\u{0303}", "\u{1EAB}"),  // ẫ
            ("o\u{031B}\u{0309}", "\u{1EDF}"),  // ở
            ("a\u{0306}\u{0300}", "\u{1EB1}"),  // ằ
            ("D\u{0323}", "\u{1E0C}"),  // Ḍ (not Vietnamese, still composed)
        ])
    func composesTwoMarks(decomposed: String, composed: String) {
        let result = VietnameseText.normalized(decomposed)
        #expect(scalars(result) == scalars(composed))
        #expect(result.unicodeScalars.count == 1)
    }

    @Test("NFC input passes through unchanged")
    func nfcIsIdempotent() {
        let text = "Ng\u{01B0}\u{1EDD}i \u{0111}\u{1ECD}c vi\u{1EBF}t b\u{00EC}nh lu\u{1EAD}n"
        #expect(scalars(VietnameseText.normalized(text)) == scalars(text))
        #expect(scalars(VietnameseText.normalized(VietnameseText.normalized(nfd(text)))) == scalars(text))
    }

    // MARK: Visible characters

    @Test("1500 Vietnamese letters typed in NFD count 1500")
    func countsNFDLettersAsGraphemes() {
        let letters = ["e\u{0323}\u{0302}", "o\u{031B}\u{0309}", "a\u{0306}\u{0300}", "u\u{031B}\u{0303}", "\u{0111}"]
        let text = (0..<1500).map { letters[$0 % letters.count] }.joined()
        #expect(text.utf16.count > 1500 * 2)  // what a browser's `maxlength` would have counted
        #expect(VietnameseText.visibleCount(text) == 1500)
    }

    @Test("NFC and NFD spellings of the same text count the same")
    func nfcAndNFDCountTheSame() {
        let text = "\u{0110}\u{1EB7}ng Th\u{1ECB} Ng\u{1ECD}c \u{1EA2}nh"
        #expect(VietnameseText.visibleCount(text) == 17)
        #expect(VietnameseText.visibleCount(nfd(text)) == 17)
    }

    @Test(
        "an emoji sequence counts as one character",
        arguments: [
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",  // family with ZWJs
            "\u{1F1FB}\u{1F1F3}",  // flag of Viet Nam
            "\u{1F44D}\u{1F3FD}",  // thumbs up, medium skin tone
            "\u{1F469}\u{1F3FE}\u{200D}\u{1F4BB}",  // woman technologist, skin tone
            "\u{2764}\u{FE0F}",  // heart with variation selector
        ])
    func emojiSequenceCountsOne(emoji: String) {
        #expect(emoji.unicodeScalars.count > 1)
        #expect(VietnameseText.visibleCount(emoji) == 1)
    }

    @Test("two flags side by side count two")
    func twoFlagsCountTwo() {
        #expect(VietnameseText.visibleCount("\u{1F1FB}\u{1F1F3}\u{1F1EF}\u{1F1F5}") == 2)
        #expect(VietnameseText.visibleCount("Vi\u{1EC7}t Nam \u{1F1FB}\u{1F1F3}!") == 11)
    }

    // MARK: cleanedMultiline

    @Test("cleanedMultiline keeps the ZWJ of an emoji sequence")
    func keepsZWJ() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        let cleaned = VietnameseText.cleanedMultiline("Nh\u{00E0} t\u{00F4}i \(family)")
        #expect(cleaned.unicodeScalars.filter { $0.value == 0x200D }.count == 3)
        #expect(cleaned.hasSuffix(family))
        #expect(VietnameseText.visibleCount(cleaned) == 9)
    }

    @Test("CRLF and lone CR become LF")
    func unifiesLineEndings() {
        let cleaned = VietnameseText.cleanedMultiline("d\u{00F2}ng m\u{1ED9}t\r\nd\u{00F2}ng hai\rd\u{00F2}ng ba")
        #expect(!cleaned.unicodeScalars.contains("\r"))
        #expect(cleaned.split(separator: "\n", omittingEmptySubsequences: false).count == 3)
        #expect(scalars(cleaned) == scalars("d\u{00F2}ng m\u{1ED9}t\nd\u{00F2}ng hai\nd\u{00F2}ng ba"))
    }

    @Test("blank lines inside the text and tabs are kept")
    func keepsInnerBlankLinesAndTabs() {
        #expect(
            VietnameseText.cleanedMultiline("\u{0111}o\u{1EA1}n 1\n\n\u{0111}o\u{1EA1}n\t2")
                == "\u{0111}o\u{1EA1}n 1\n\n\u{0111}o\u{1EA1}n\t2")
    }

    @Test("control characters are removed")
    func removesControlCharacters() {
        let cleaned = VietnameseText.cleanedMultiline("a\u{0000}b\u{0007}c\u{001B}d\u{007F}e\u{0085}f\u{000B}g\u{000C}h")
        #expect(scalars(cleaned) == scalars("abcdefgh"))
    }

    @Test(
        "zero-width and bidi formatting characters are removed",
        arguments: [0x200B, 0x200C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF]
            as [UInt32])
    func removesInvisibleFormatting(value: UInt32) throws {
        let invisible = try #require(Unicode.Scalar(value))
        let cleaned = VietnameseText.cleanedMultiline("qu\(Character(invisible))\u{1EA3}ng c\u{00E1}o")
        #expect(scalars(cleaned) == scalars("qu\u{1EA3}ng c\u{00E1}o"))
    }

    @Test("surrounding whitespace and newlines are trimmed")
    func trims() {
        #expect(VietnameseText.cleanedMultiline(" \n\t Xin ch\u{00E0}o \n\n ") == "Xin ch\u{00E0}o")
        #expect(VietnameseText.cleanedMultiline("\u{200B} \u{00A0}\r\n").isEmpty)
    }

    @Test("cleanedMultiline stores NFC")
    func cleanedMultilineIsNFC() {
        let cleaned = VietnameseText.cleanedMultiline("  Vie\u{0323}\u{0302}t Nam\r\n")
        #expect(scalars(cleaned) == scalars("Vi\u{1EC7}t Nam"))
    }

    // MARK: cleanedLine

    @Test("cleanedLine makes every run of whitespace one space")
    func collapsesWhitespace() {
        let cleaned = VietnameseText.cleanedLine("  Nguy\u{1EC5}n \t  V\u{0103}n\r\n\u{00A0}An  ")
        #expect(cleaned == "Nguy\u{1EC5}n V\u{0103}n An")
    }

    @Test("cleanedLine removes invisible characters and normalises")
    func cleanedLineRemovesInvisibleAndNormalises() {
        let cleaned = VietnameseText.cleanedLine("\u{202E}Tra\u{0300}\u{200B}n Thie\u{0323}\u{0302}n\u{0000}")
        #expect(scalars(cleaned) == scalars("Tr\u{00E0}n Thi\u{1EC7}n"))
    }

    @Test("cleanedLine of whitespace only is empty")
    func cleanedLineOfWhitespaceIsEmpty() {
        #expect(VietnameseText.cleanedLine(" \t\n\r\n\u{00A0}\u{2003} ").isEmpty)
    }
}

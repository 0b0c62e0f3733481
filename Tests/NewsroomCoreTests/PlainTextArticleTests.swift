import Foundation
import NewsroomTestSupport
import Testing

@testable import NewsroomCore

@Suite("Plain-text article import")
struct PlainTextArticleTests {
    /// The seed article, read from `../shared/seed` beside the package: its text is input, never copied here.
    static var seedURL: URL { Fixtures.seedURL }

    static func parseError(_ text: String) -> PlainTextArticle.ParseError? {
        do throws(PlainTextArticle.ParseError) {
            _ = try PlainTextArticle.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: The seed file

    @Test("the seed parses into title, sapo and body, dropping the comment box's text")
    func parsesSeed() throws {
        let text = try String(contentsOf: Self.seedURL, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        try #require(lines.count > 6)
        // The file's last two lines are the comment box as copied with the page.
        #expect(lines[lines.count - 2] == Strings.maxLength(CommentLimits.bodyMaxLength))
        #expect(lines[lines.count - 1] == Strings.empty)

        let draft = try PlainTextArticle.parse(text)

        #expect(draft.title == lines[0])
        #expect(draft.sapo == lines[1])
        #expect(draft.slug == VietnameseText.slug(lines[0]))
        #expect(draft.body.count == lines.count - 2 - 2)

        let subheadings = draft.body.filter { if case .subheading = $0 { true } else { false } }
        #expect(subheadings.count == 1)

        // The subheading is the first short body line without final punctuation.
        let contentLines = Array(lines[2..<(lines.count - 2)])
        let position = try #require(
            contentLines.firstIndex { line in
                line.count <= 100 && !".!?:;…".contains(line.last!)
            })
        #expect(draft.body[position] == .subheading(contentLines[position]))

        // Every other line is a paragraph, in the file's order.
        for (index, line) in contentLines.enumerated() where index != position {
            #expect(draft.body[index] == .paragraph(line), "body block \(index)")
        }
        let blockTexts = draft.body.map(\.plainText)
        #expect(!blockTexts.contains(Strings.empty))
        #expect(!blockTexts.contains { $0.hasPrefix("Tối đa") })
    }

    @Test("the seed parses the same from CRLF and NFD copies")
    func seedInOtherEncodings() throws {
        let text = try String(contentsOf: Self.seedURL, encoding: .utf8)
        let original = try PlainTextArticle.parse(text)
        let crlf = try PlainTextArticle.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let decomposed = try PlainTextArticle.parse(nfd(text))
        #expect(crlf == original)
        #expect(decomposed == original)
        #expect(scalars(decomposed.title) == scalars(original.title))
        #expect(decomposed.body.allSatisfy { isNFC($0.plainText) })
    }

    // MARK: Synthetic files

    @Test("a plain file gives title, sapo, paragraphs and a subheading")
    func parsesSyntheticArticle() throws {
        let text = """
            Mùa lúa chín ở Mù Cang Chải
            Những thửa ruộng bậc thang vàng óng thu hút du khách cuối tháng chín.
            Con đường đèo quanh co dẫn lên bản làng trong sương sớm.
            Kinh nghiệm cho người đi lần đầu
            Nên mang áo ấm vì nhiệt độ ban đêm xuống thấp!
            """
        let draft = try PlainTextArticle.parse(text)
        #expect(draft.title == "Mùa lúa chín ở Mù Cang Chải")
        #expect(draft.sapo == "Những thửa ruộng bậc thang vàng óng thu hút du khách cuối tháng chín.")
        #expect(draft.slug == "mua-lua-chin-o-mu-cang-chai")
        #expect(draft.publishedAt == nil)
        #expect(
            draft.body == [
                .paragraph("Con đường đèo quanh co dẫn lên bản làng trong sương sớm."),
                .subheading("Kinh nghiệm cho người đi lần đầu"),
                .paragraph("Nên mang áo ấm vì nhiệt độ ban đêm xuống thấp!"),
            ])
    }

    @Test("an empty or blank file is an error", arguments: ["", "\n\n", "   \r\n\t\n", "\u{200B}\n"])
    func emptyFile(text: String) throws {
        let error = try #require(Self.parseError(text))
        #expect(error.line == nil)
        #expect(!error.message.isEmpty)
    }

    @Test("a file of only the comment box's text is an error")
    func onlyFurniture() {
        #expect(Self.parseError("\(Strings.maxLength(1500))\n\(Strings.empty)\n") != nil)
    }

    @Test("a title alone, or a title and sapo without body, is an error")
    func missingSapoOrBody() throws {
        let titleOnly = try #require(Self.parseError("Chợ nổi Cái Răng\n"))
        let noBody = try #require(Self.parseError("Chợ nổi Cái Răng\nGhe xuồng tấp nập từ lúc trời chưa sáng.\n"))
        #expect(titleOnly != noBody)
        // Furniture does not count as a body.
        #expect(Self.parseError("Chợ nổi Cái Răng\nGhe xuồng tấp nập.\n\(Strings.maxLength(1500))\n") != nil)
    }

    @Test("a title over 300 characters is an error naming its line")
    func titleTooLong() throws {
        let error = try #require(Self.parseError("\n\n" + String(repeating: "á", count: 301) + "\nSapo.\nĐoạn.\n"))
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("dòng 3: "))
    }

    @Test("CRLF line endings leave no carriage return behind")
    func crlf() throws {
        let draft = try PlainTextArticle.parse("Phở Hà Nội\r\nNước dùng trong.\r\nBánh phở mềm.\r\nCách nấu\r\n")
        #expect(draft.title == "Phở Hà Nội")
        #expect(draft.sapo == "Nước dùng trong.")
        #expect(draft.body == [.paragraph("Bánh phở mềm."), .subheading("Cách nấu")])
        #expect(!draft.title.contains("\r") && !draft.body.contains { $0.plainText.contains("\r") })
    }

    @Test("blank lines are skipped and lines are trimmed")
    func blankLinesSkipped() throws {
        let draft = try PlainTextArticle.parse("\n\n  Tiêu đề   bài  \n\n\nSapo ngắn.\n \n\t\nĐoạn một.\n\n\nĐoạn hai.\n\n")
        #expect(draft.title == "Tiêu đề bài")
        #expect(draft.sapo == "Sapo ngắn.")
        #expect(draft.body == [.paragraph("Đoạn một."), .paragraph("Đoạn hai.")])
    }

    @Test("a short line ending in sentence punctuation is a paragraph", arguments: [".", "!", "?", ":", ";", "…"])
    func punctuatedShortLineIsParagraph(ending: String) throws {
        let line = "Người dân nói" + ending
        let draft = try PlainTextArticle.parse("Tiêu đề\nSapo.\n\(line)\n")
        #expect(draft.body == [.paragraph(line)])
        #expect(!PlainTextArticle.isSubheading(line))
    }

    @Test("a line of 100 characters without punctuation is a subheading, one of 101 a paragraph")
    func subheadingLengthLimit() throws {
        let hundred = String(repeating: "ă", count: 95) + " mười"
        let hundredOne = hundred + "a"
        #expect(hundred.count == 100 && hundredOne.count == 101)
        let draft = try PlainTextArticle.parse("Tiêu đề\nSapo.\n\(hundred)\n\(nfd(hundredOne))\n")
        #expect(draft.body == [.subheading(hundred), .paragraph(hundredOne)])
    }

    @Test("only trailing comment-box lines are dropped")
    func furnitureOnlyAtTheEnd() throws {
        let text = """
            Tiêu đề
            Sapo.
            \(Strings.empty)
            Đoạn giữa.
            Tối đa: 1.500 ký tự
            TỐI ĐA: 800 KÝ TỰ
            \(Strings.empty)
            """
        let draft = try PlainTextArticle.parse(text)
        #expect(draft.body == [.subheading(Strings.empty), .paragraph("Đoạn giữa.")])
    }

    @Test("lines that only look like the counter are kept")
    func nearFurnitureKept() throws {
        let draft = try PlainTextArticle.parse("Tiêu đề\nSapo.\nTối đa: nhiều ký tự\n")
        #expect(draft.body == [.subheading("Tối đa: nhiều ký tự")])
    }
}

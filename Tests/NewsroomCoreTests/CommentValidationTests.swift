import Foundation
import Testing

@testable import NewsroomCore

@Suite("Comment submission rules")
struct CommentValidationTests {
    /// The error `validated()` throws, nil when it accepts. The typed `do throws(NewsroomError)` only compiles
    /// while `validated()` throws `NewsroomError` and nothing else.
    static func rejection(_ submission: CommentSubmission) -> NewsroomError? {
        do throws(NewsroomError) {
            _ = try submission.validated()
            return nil
        } catch {
            return error
        }
    }

    static func submission(
        author: String = "Lê Minh Khuê", email: String = "", body: String = "Bài viết rất hay.", website: String = ""
    ) -> CommentSubmission {
        CommentSubmission(author: author, email: email, body: body, parentID: nil, website: website)
    }

    // MARK: Body length

    /// 1500 letters, two-mark ones included, as precomposed (NFC) text.
    static let body1500NFC: String = {
        let letters = ["\u{1EC7}", "\u{1ED9}", "\u{1EEF}", "\u{1EAB}", "\u{1EDF}", "\u{1EB1}", "\u{0111}", "a", " "]
        return "x" + (1..<1499).map { letters[$0 % letters.count] }.joined() + "y"
    }()

    @Test("a body of exactly 1500 visible characters is accepted in NFC")
    func accepts1500NFC() throws {
        let text = Self.body1500NFC
        #expect(text.count == 1500)
        let valid = try Self.submission(body: text).validated()
        #expect(valid.body.count == 1500)
        #expect(scalars(valid.body) == scalars(text))
    }

    @Test("a body of exactly 1500 visible characters typed in NFD is accepted and stored as NFC")
    func accepts1500NFD() throws {
        let decomposed = nfd(Self.body1500NFC)
        #expect(decomposed.unicodeScalars.count > 2000)
        let valid = try Self.submission(body: decomposed).validated()
        #expect(scalars(valid.body) == scalars(Self.body1500NFC))
        #expect(Array(valid.body.utf8) == Array(Self.body1500NFC.utf8))
    }

    @Test("1500 emoji sequences are 1500 characters")
    func accepts1500Emoji() throws {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        let valid = try Self.submission(body: String(repeating: family, count: 1500)).validated()
        #expect(valid.body.count == 1500)
    }

    @Test("1501 characters are refused with both numbers written the Vietnamese way", arguments: [false, true])
    func refuses1501(decomposed: Bool) throws {
        let text = Self.body1500NFC + "\u{1EC7}"
        let error = try #require(Self.rejection(Self.submission(body: decomposed ? nfd(text) : text)))
        #expect(error.code == .commentTooLong)
        #expect(error.status == 422)
        #expect(error.field == "body")
        #expect(error.message.contains("1.501"))
        #expect(error.message.contains("1.500"))
    }

    @Test("surrounding whitespace does not count towards the limit")
    func trimsBeforeCounting() throws {
        let valid = try Self.submission(body: "\n  \(Self.body1500NFC) \r\n\t").validated()
        #expect(valid.body.count == 1500)
    }

    @Test("a body of whitespace or invisible characters only is empty", arguments: ["", "   ", "\r\n\t\n", "\u{200B}\u{FEFF} \u{202E}"])
    func emptyBody(body: String) throws {
        let error = try #require(Self.rejection(Self.submission(body: body)))
        #expect(error.code == .commentEmpty)
        #expect(error.field == "body")
        #expect(error.message == Strings.message(for: .commentEmpty))
    }

    @Test("the body is cleaned: line endings unified, control characters removed, NFC")
    func cleansBody() throws {
        let valid = try Self.submission(body: "  Đồng y\u{0301}\u{0000}\r\n\r\nCa\u{0309}m ơn.  ").validated()
        #expect(scalars(valid.body) == scalars("Đồng \u{00FD}\n\nC\u{1EA3}m ơn.".precomposedStringWithCanonicalMapping))
    }

    // MARK: Author

    @Test("a missing author is refused", arguments: ["", "   ", "\t\n", "\u{200B}"])
    func missingAuthor(author: String) throws {
        let error = try #require(Self.rejection(Self.submission(author: author)))
        #expect(error.code == .authorMissing)
        #expect(error.field == "author")
    }

    @Test("an author of 50 characters is accepted, 51 refused")
    func authorLength() throws {
        let fifty = String(repeating: "Ư", count: 50)
        #expect(try Self.submission(author: nfd(fifty)).validated().author == fifty)
        let error = try #require(Self.rejection(Self.submission(author: fifty + "a")))
        #expect(error.code == .authorTooLong)
        #expect(error.field == "author")
        #expect(error.message.contains("51"))
        #expect(error.message.contains("50"))
    }

    @Test("the author's name is cleaned to one line")
    func cleansAuthor() throws {
        let valid = try Self.submission(author: "  Nguye\u{0302}\u{0303}n \n\t Văn  An ").validated()
        #expect(scalars(valid.author) == scalars("Nguy\u{1EC5}n Văn An".precomposedStringWithCanonicalMapping))
    }

    // MARK: E-mail

    @Test(
        "plausible e-mail addresses are accepted",
        arguments: ["ban.doc@vnexpress.net", "nguyen+tin@bao-moi.vn", "A_B@sub.domain.com.vn", "x@y.vn", "thư@báo.vn"])
    func acceptsEmail(email: String) throws {
        let valid = try Self.submission(email: email).validated()
        #expect(valid.email == email)
    }

    @Test("an e-mail is trimmed, and an empty one is stored as nil")
    func emailTrimmedOrNil() throws {
        #expect(try Self.submission(email: "  x@y.vn \n").validated().email == "x@y.vn")
        #expect(try Self.submission(email: "").validated().email == nil)
        #expect(try Self.submission(email: "  \t").validated().email == nil)
    }

    @Test(
        "implausible e-mail addresses are refused",
        arguments: [
            "a@b", "a b@c.vn", "@x.vn", "x@.vn", "x@y..vn", "x@y.vn.", "xy.vn", "x@@y.vn", "x@y@z.vn", "x@-y.vn",
            "x@y-.vn", "x@y_z.vn", "x@y.v n",
        ])
    func refusesEmail(email: String) throws {
        let error = try #require(Self.rejection(Self.submission(email: email)))
        #expect(error.code == .emailInvalid)
        #expect(error.field == "email")
    }

    @Test("an e-mail longer than 254 characters or with a local part over 64 is refused")
    func refusesLongEmail() throws {
        let longDomain = "x@" + Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".")
        #expect(longDomain.count > 254)
        #expect(Self.rejection(Self.submission(email: longDomain))?.code == .emailInvalid)
        #expect(Self.rejection(Self.submission(email: String(repeating: "a", count: 65) + "@y.vn"))?.code == .emailInvalid)
        #expect(Self.rejection(Self.submission(email: String(repeating: "a", count: 64) + "@y.vn")) == nil)
    }

    // MARK: Honeypot and order

    @Test("a filled honeypot is rejected without naming a field", arguments: ["http://spam.example", "x", "  y  "])
    func honeypot(website: String) throws {
        let error = try #require(Self.rejection(Self.submission(website: website)))
        #expect(error.code == .commentRejected)
        #expect(error.field == nil)
    }

    @Test("a honeypot of whitespace only is still empty")
    func blankHoneypot() throws {
        #expect(Self.rejection(Self.submission(website: "  \n")) == nil)
    }

    @Test("the honeypot is checked before every other rule")
    func honeypotFirst() throws {
        let error = Self.rejection(Self.submission(author: "", email: "bad", body: "", website: "bot"))
        #expect(error?.code == .commentRejected)
    }

    @Test("parentID is passed through untouched")
    func keepsParent() throws {
        let submission = CommentSubmission(author: "Hà", body: "Đồng ý.", parentID: 42)
        #expect(try submission.validated().parentID == 42)
        #expect(try Self.submission().validated().parentID == nil)
    }
}

import Foundation
import Testing

@testable import NewsroomCore

@Suite("Mail headers")
struct MailHeaderTests {
    /// Every header line printable ASCII within 998 bytes, and within 76 unless it is one word that cannot be folded
    /// (a long URL); continuation lines start with a space and are not only spaces.
    static func checkHeaderLines(_ message: String) {
        let header = MailDecoding.split(message).header
        for (index, line) in MailDecoding.lines(header).enumerated() {
            let words = line.split(separator: " ")
            let unfoldable = words.count == 1 || (words.count == 2 && words[0].hasSuffix(":") && line.first != " ")
            #expect(line.utf8.count <= (unfoldable ? 998 : 76), "\(line)")
            #expect(line.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }, "\(line)")
            #expect(index == 0 || line.first == " " || line.contains(":"), "\(line)")
            if line.first == " " { #expect(line.contains { $0 != " " }, "a continuation line of only spaces") }
        }
    }

    @Test("a Vietnamese subject and sender come back as written, in encoded words of 75 characters at most")
    func vietnameseRoundTrip() throws {
        let message = try MailSamples.message().rendered()
        Self.checkHeaderLines(message)
        let subject = try MailDecoding.value("Subject", in: message).unwrapped()
        #expect(MailDecoding.decodeWords(subject) == MailSamples.subject)
        #expect(
            subject.split(separator: " ").allSatisfy { $0.count <= 75 && MailDecoding.decodeWord(String($0)) != nil })
        let subjectLines = try MailDecoding.fields(MailDecoding.split(message).header)
            .first { $0.name == "Subject" }.unwrapped().lines
        #expect(subjectLines.count > 1, "a long Vietnamese subject is folded")
        let from = try MailDecoding.value("From", in: message).unwrapped()
        #expect(MailDecoding.decodeWords(from) == "Tòa soạn Newsroom <toasoan@bao.example.vn>")
        let to = try MailDecoding.value("To", in: message).unwrapped()
        #expect(MailDecoding.decodeWords(to) == "Nguyễn Thị Hồng Nhung <hongnhung@example.com>")
    }

    @Test(
        "encoded words never split a character, even an emoji sequence or a stacked Vietnamese letter",
        arguments: [
            MailSamples.subject, String(repeating: "Ệ", count: 40), String(repeating: "👨‍👩‍👧‍👦", count: 9),
            "Mù Cang Chải 🇻🇳 " + String(repeating: "ệ\u{301}", count: 20),
            "a" + String(repeating: "\u{300}", count: 40),
            "", "plain",
        ])
    func encodedWordsKeepCharacters(text: String) throws {
        let words = MIMEEncoding.encodedWords(text)
        var decoded: [String] = []
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            decoded.append(try String(validating: MailDecoding.decodeWord(word).unwrapped(), as: UTF8.self).unwrapped())
        }
        #expect(decoded.joined() == text)
        let tooLongForOneWord = text.contains { $0.utf8.count > MIMEEncoding.bytesPerWord }
        if !tooLongForOneWord { #expect(decoded.map(\.count).reduce(0, +) == text.count, "a cluster was split") }
    }

    @Test("a long ASCII subject folds at spaces and unfolds to itself; =? and giant words are encoded")
    func asciiSubjects() throws {
        let long = Array(repeating: "Ban bien tap tra loi ban doc", count: 12).joined(separator: " ")
        let message = try MailSamples.message(subject: long).rendered()
        Self.checkHeaderLines(message)
        #expect(MailDecoding.value("Subject", in: message) == long)

        let lookalike = "Price =?utf-8?B?SGk=?= today"
        let encoded = try MailDecoding.value("Subject", in: MailSamples.message(subject: lookalike).rendered())
            .unwrapped()
        #expect(encoded.hasPrefix("=?utf-8?B?"))
        #expect(MailDecoding.decodeWords(encoded) == lookalike)

        let giant = String(repeating: "x", count: 2_000)
        let giantMessage = try MailSamples.message(subject: giant).rendered()
        Self.checkHeaderLines(giantMessage)
        #expect(MailDecoding.decodeWords(try MailDecoding.value("Subject", in: giantMessage).unwrapped()) == giant)
    }

    @Test(
        "a line break in the subject or an extra header never starts a new header",
        arguments: ["\r\nBcc: x@y.vn", "\nBcc: x@y.vn", "\rBcc: x@y.vn", "\r\n\r\nBcc: x@y.vn", "\u{85}Bcc: x@y.vn"])
    func headerInjection(attack: String) throws {
        let message = try MailSamples.message(
            subject: "Chào bạn" + attack,
            headers: [("X-Newsroom-Thread", "1234" + attack), ("List-Id", "Ban doc" + attack)]
        ).rendered()
        let header = MailDecoding.split(message).header
        #expect(!MailDecoding.lines(header).contains { $0.lowercased().hasPrefix("bcc") })
        #expect(!header.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        #expect(MailDecoding.fields(header).map(\.name).filter { $0 == "Subject" }.count == 1)
        let subject = try MailDecoding.decodeWords(MailDecoding.value("Subject", in: message).unwrapped()).unwrapped()
        #expect(subject.hasPrefix("Chào bạn ") && subject.hasSuffix("Bcc: x@y.vn"))
        #expect(MailDecoding.value("X-Newsroom-Thread", in: message)?.hasSuffix("Bcc: x@y.vn") == true)
    }

    @Test("extra headers keep their order; bad names, headers this type writes and recipient headers are left out")
    func extraHeaders() throws {
        let longURL = "<https://bao.example.vn/huy?t=" + String(repeating: "a", count: 200) + ">"
        let message = try MailSamples.message(headers: [
            ("List-Unsubscribe", longURL), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Auto-Submitted", "auto-generated"), ("X-Evil\r\nBcc", "x@y.vn"), ("Bad Name", "1"), ("", "1"),
            ("Bcc", "x@y.vn"), ("cc", "x@y.vn"), ("Subject", "second subject"), ("Content-Type", "text/html"),
            ("X-Too-Long", String(repeating: "z", count: 1_200)), ("X-Ghi-Chu", "Thư tự động"),
        ]).rendered()
        Self.checkHeaderLines(message)
        let names = MailDecoding.fields(MailDecoding.split(message).header).map(\.name)
        #expect(
            names == [
                "Date", "Message-ID", "From", "To", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post",
                "Auto-Submitted", "X-Ghi-Chu", "MIME-Version", "Content-Type",
            ])
        #expect(MailDecoding.value("List-Unsubscribe", in: message) == longURL, "a URL is never encoded or broken")
        let note = try MailDecoding.value("X-Ghi-Chu", in: message).unwrapped()
        #expect(MailDecoding.decodeWords(note) == "Thư tự động")
    }

    @Test("the Date header is RFC 5322 with English names, in Hà Nội time unless another zone is given")
    func dates() throws {
        let message = try MailSamples.message()
        #expect(MailDecoding.value("Date", in: message.rendered()) == "Wed, 02 Dec 2026 09:05:00 +0700")
        #expect(
            MIMEEncoding.date(MailSamples.date, in: try TimeZone(secondsFromGMT: 0).unwrapped())
                == "Wed, 02 Dec 2026 02:05:00 +0000")
        let newfoundland = try TimeZone(secondsFromGMT: -(3 * 3600 + 1800)).unwrapped()
        #expect(
            MailDecoding.value("Date", in: message.rendered(timeZone: newfoundland))
                == "Tue, 01 Dec 2026 22:35:00 -0330")
        // Since 1975 the whole country keeps UTC+7 all year (the south used +0800 before), so tzdata must agree.
        #expect(
            MIMEEncoding.date(Date(timeIntervalSince1970: 946_684_800), in: MailMessage.defaultTimeZone)
                == "Sat, 01 Jan 2000 07:00:00 +0700")
    }

    @Test("Message-IDs are bracketed, kept when plain, and rebuilt the same way every time when not")
    func messageIDs() throws {
        var message = try MailSamples.message()
        func rendered(_ id: String) -> String? {
            message.messageID = id
            return MailDecoding.value("Message-ID", in: message.rendered())
        }
        #expect(rendered("reply-1234-42@bao.example.vn") == "<reply-1234-42@bao.example.vn>")
        #expect(rendered(" <reply.1234@bao.example.vn> ") == "<reply.1234@bao.example.vn>")
        #expect(rendered("bình luận 1234") == "<b%C3%ACnh%20lu%E1%BA%ADn%201234@bao.example.vn>")
        #expect(rendered("a@b\r\nBcc: x@y.vn") == rendered("a@b\r\nBcc: x@y.vn"))
        #expect(rendered("a@b\r\nBcc: x@y.vn")?.contains("Bcc: ") == false)
        #expect(rendered("")?.hasPrefix("<h") == true)
        #expect(rendered(String(repeating: "k", count: 600))?.count ?? 999 < 100)
        let sender = try MailSamples.newsroom.unwrapped()
        #expect(MailMessage.messageID(key: "reply-1234/42", from: sender) == "<reply-1234%2F42@bao.example.vn>")
    }

    @Test("the message is 7-bit ASCII with CRLF only, so the SMTP client needs neither 8BITMIME nor SMTPUTF8")
    func sevenBit() throws {
        let rendered = try MailSamples.message().rendered()
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 && $0 != 0 })
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        #expect(MailDecoding.lines(rendered).allSatisfy { $0.utf8.count <= 998 })
    }

    @Test("the message uses CRLF only, has MIME-Version, ends with a line break and has no To without recipients")
    func envelope() throws {
        var message = try MailSamples.message(html: nil)
        let text = message.rendered()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        #expect(text.hasSuffix("\r\n"))
        #expect(MailDecoding.value("MIME-Version", in: text) == "1.0")
        #expect(MailDecoding.value("Content-Type", in: text) == "text/plain; charset=utf-8")
        #expect(MailDecoding.value("Content-Transfer-Encoding", in: text) == "quoted-printable")
        message.to = []
        #expect(MailDecoding.value("To", in: message.rendered()) == nil)
        #expect(message.rendered() == message.rendered(), "rendering is deterministic")
    }
}

import Foundation

@testable import NewsroomCore

/// The sample people and texts of the mail tests, and a small independent reader of what `MailMessage` writes: header
/// fields unfolded, RFC 2047 words and quoted-printable decoded, so tests check what a mail client would show.
enum MailSamples {
    /// 2026-12-02 02:05:00 UTC, a Wednesday: 09:05 in Hà Nội.
    static let date = Date(timeIntervalSince1970: 1_796_177_100)
    static let subject = "Có người trả lời bình luận của bạn về «Mùa vàng Mù Cang Chải»"
    static let newsroom = MailAddress(name: "Tòa soạn Newsroom", address: "toasoan@bao.example.vn")
    static let reader = MailAddress(name: "Nguyễn Thị Hồng Nhung", address: "hongnhung@example.com")
    static let unsubscribe = "<https://bao.example.vn/thu/huy?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl>"
    static let text = """
        Chào Hồng Nhung,

        Bạn Minh Quân vừa trả lời bình luận của bạn về bài «Mùa vàng Mù Cang Chải»: “Ruộng bậc thang đẹp nhất vào cuối \
        tháng Chín, khi lúa chín vàng cả thung lũng, bạn nên đi sớm để tránh đông người.” 🌾🏔️
        .
        From Hà Nội with love =^.^=\u{20}\u{20}
        Xem trả lời: https://bao.example.vn/bai/mua-vang-mu-cang-chai#binh-luan-1234
        """
    static let html = """
        <!doctype html><html lang="vi"><body><p>Chào <b>Hồng Nhung</b>,</p><p>Bạn Minh Quân vừa trả lời bình luận \
        của bạn về bài «Mùa vàng Mù Cang Chải».</p>\
        <p><a href="https://bao.example.vn/bai/mua-vang-mu-cang-chai#c=1234">Xem trả lời</a></p></body></html>
        """

    /// A reply notification as the outbox worker would build it.
    static func message(
        subject: String = subject, html: String? = html, headers: [(name: String, value: String)]? = nil
    )
        throws -> MailMessage
    {
        let extra =
            headers ?? [
                ("List-Unsubscribe", unsubscribe), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("Auto-Submitted", "auto-generated"),
            ]
        return MailMessage(
            from: try newsroom.unwrapped(), to: [try reader.unwrapped()], subject: subject, text: text, html: html,
            messageID: "reply-1234-42@bao.example.vn", date: date, headers: extra)
    }
}

enum MailTestError: Error { case missing(String) }

extension Optional {
    /// The value, or a thrown error that fails the test instead of a crash.
    func unwrapped(_ what: String = "\(Wrapped.self)") throws -> Wrapped {
        guard let value = self else { throw MailTestError.missing(what) }
        return value
    }
}

enum MailDecoding {
    /// The message's header section and body, split at the first empty line.
    static func split(_ message: String) -> (header: String, body: String) {
        guard let blank = message.range(of: "\r\n\r\n") else { return (message, "") }
        return (String(message[..<blank.lowerBound]), String(message[blank.upperBound...]))
    }

    /// The physical lines of a CRLF text.
    static func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n")
    }

    /// Each header field as (name, physical lines), continuation lines attached to the field they continue.
    static func fields(_ header: String) -> [(name: String, lines: [String])] {
        var fields: [(name: String, lines: [String])] = []
        for line in lines(header) {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].lines.append(line)
            } else {
                fields.append((String(line.prefix { $0 != ":" }), [line]))
            }
        }
        return fields
    }

    /// The unfolded value of the first field named `name` (case-insensitive), without the leading space.
    static func value(_ name: String, in message: String) -> String? {
        let field = fields(split(message).header).first { $0.name.lowercased() == name.lowercased() }
        guard let unfolded = field?.lines.joined() else { return nil }
        return String(unfolded.dropFirst(name.count + 1).drop { $0 == " " })
    }

    /// Header text with its RFC 2047 B-encoded words decoded; whitespace between two encoded words is dropped.
    static func decodeWords(_ value: String) -> String? {
        var bytes: [UInt8] = []
        var previousWasEncoded = false
        for (index, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if let decoded = decodeWord(String(token)) {
                if index > 0 && !previousWasEncoded { bytes += Array(" ".utf8) }
                bytes += decoded
                previousWasEncoded = true
            } else {
                if index > 0 { bytes += Array(" ".utf8) }
                bytes += Array(token.utf8)
                previousWasEncoded = false
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The bytes of one `=?utf-8?B?…?=` word, or nil when the token is not one.
    static func decodeWord(_ token: String) -> [UInt8]? {
        let prefix = "=?utf-8?B?"
        guard token.hasPrefix(prefix), token.hasSuffix("?=") else { return nil }
        return Data(base64Encoded: String(token.dropFirst(prefix.count).dropLast(2))).map { Array($0) }
    }

    /// Quoted-printable decoded: soft breaks removed, `=XX` turned into bytes; nil on a malformed escape.
    static func decodeQuotedPrintable(_ encoded: String) -> String? {
        let input = Array(encoded.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            guard input[index] == UInt8(ascii: "=") else {
                output.append(input[index])
                index += 1
                continue
            }
            let digits = input.dropFirst(index + 1).prefix(2)
            guard digits.count == 2, digits.allSatisfy({ Array("0123456789ABCDEF".utf8).contains($0) }),
                let byte = UInt8(String(decoding: digits, as: UTF8.self), radix: 16)
            else { return nil }
            output.append(byte)
            index += 3
        }
        return String(validating: output, as: UTF8.self)
    }

    /// Text with every CRLF or lone CR turned into LF, as Python hands back decoded text.
    static func unixLines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// What a part's text must decode to: its lines in LF form, ending with a line break.
    static func expectedPart(_ text: String) -> String {
        let unix = unixLines(text)
        return unix.hasSuffix("\n") ? unix : unix + "\n"
    }
}

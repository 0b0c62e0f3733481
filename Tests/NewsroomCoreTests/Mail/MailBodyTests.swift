import Foundation
import Testing

@testable import NewsroomCore

@Suite("Mail bodies")
struct MailBodyTests {
    static let bodies: [String] = [
        MailSamples.text,
        String(repeating: "Ruộng bậc thang Mù Cang Chải vàng óng mùa lúa chín, du khách đổ về chụp ảnh. ", count: 12),
        ".\n.leading dot\r\n..two dots\n.",
        "From Hà Nội\nFrom \nFromage\r\nfrom lower case",
        "trailing spaces   \ntrailing tab\t\r\nspace at end ",
        "mixed\r\nline\nendings\rhere\r\n\r\n\n\r\r\nend",
        "emoji 👨‍👩‍👧‍👦🇻🇳🌾 and a flag at the end 🏳️‍🌈",
        "a=b, c==d, =3D is not an escape, =\n=",
        String(repeating: "=", count: 200),
        String(repeating: "x", count: 75) + "=" + String(repeating: "y", count: 76) + " \n"
            + String(repeating: "z", count: 76),
        String(repeating: "ệ", count: 100),
        "", "\n", "\r\n\r\n", " ", "\t",
    ]

    /// Quoted-printable lines: at most 76 characters, printable ASCII, no trailing space, `=` only before two hex
    /// digits or as the final soft break, and no line that a relay would stuff or mangle.
    static func checkQuotedPrintable(_ encoded: String) {
        for line in MailDecoding.lines(encoded) {
            #expect(line.count <= 76, "\(line)")
            #expect(line.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) || $0 == " " || $0 == "\t" })
            #expect(line.last != " " && line.last != "\t", "\(line)")
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "\(line)")
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "=") {
                let escape = bytes.dropFirst(index + 1).prefix(2)
                let isSoftBreak = index == bytes.count - 1
                #expect(isSoftBreak || escape.count == 2 && escape.allSatisfy { "0123456789ABCDEF".utf8.contains($0) })
            }
        }
    }

    @Test("quoted-printable keeps every body intact in lines of 76 at most", arguments: bodies)
    func quotedPrintableRoundTrip(body: String) throws {
        let encoded = MIMEEncoding.quotedPrintable(body)
        Self.checkQuotedPrintable(encoded)
        let decoded = try MailDecoding.decodeQuotedPrintable(encoded).unwrapped()
        #expect(MailDecoding.unixLines(decoded) == MailDecoding.unixLines(body))
        #expect(!decoded.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
    }

    @Test("random mixtures of Vietnamese, emoji, =, dots, spaces and line breaks survive quoted-printable")
    func quotedPrintableFuzz() throws {
        let pieces = ["ệ", "Ư", "a", "Z", " ", "\t", "=", ".", "From ", "\r", "\n", "\r\n", "🌾", "👩‍👧", "=20", "_", "~"]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        for _ in 0..<400 {
            var body = ""
            for _ in 0..<(next() % 200) { body += pieces[next() % pieces.count] }
            let encoded = MIMEEncoding.quotedPrintable(body)
            Self.checkQuotedPrintable(encoded)
            #expect(
                MailDecoding.decodeQuotedPrintable(encoded).map(MailDecoding.unixLines) == MailDecoding.unixLines(body))
        }
    }

    @Test("soft breaks fall exactly at the limit, and an escape is moved whole to the next line")
    func softBreaks() {
        #expect(MIMEEncoding.quotedPrintable(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(
            MIMEEncoding.quotedPrintable(String(repeating: "a", count: 77))
                == String(repeating: "a", count: 75) + "=\r\naa")
        #expect(
            MIMEEncoding.quotedPrintable(String(repeating: "a", count: 74) + "é")
                == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
        #expect(MIMEEncoding.quotedPrintable("end \nnext\t") == "end=20\r\nnext=09")
        #expect(MIMEEncoding.quotedPrintable(".\nFrom x") == "=2E\r\n=46rom x")
    }

    @Test("with HTML the message is multipart/alternative: text first, then HTML, under a boundary no part holds")
    func multipart() throws {
        var message = try MailSamples.message()
        message.text = "--=_NewsroomPart_ looks like a boundary\n--\n=_\n" + MailSamples.text
        let rendered = message.rendered()
        let contentType = try MailDecoding.value("Content-Type", in: rendered).unwrapped()
        #expect(contentType.hasPrefix("multipart/alternative;"))
        let boundary = String(contentType.split(separator: "\"")[1])
        #expect(boundary.hasPrefix("=_") && boundary.count <= 70)
        let body = MailDecoding.split(rendered).body
        let delimiters = MailDecoding.lines(body).filter { $0.hasPrefix("--" + boundary) }
        #expect(delimiters == ["--" + boundary, "--" + boundary, "--" + boundary + "--"])
        // The delimiter includes the line break before it (RFC 2046), so the parts are what lies between them.
        let chunks = ("\r\n" + body).components(separatedBy: "\r\n--" + boundary)
        #expect(chunks.first == "" && chunks.last == "--\r\n")
        let parts = chunks.dropFirst().dropLast().map {
            MailDecoding.split(String(decoding: $0.utf8.dropFirst(2), as: UTF8.self))
        }
        #expect(
            parts.map(\.header) == [
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
                "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
            ])
        let decoded = try parts.map { part in
            Self.checkQuotedPrintable(part.body)
            return MailDecoding.unixLines(try MailDecoding.decodeQuotedPrintable(part.body).unwrapped())
        }
        #expect(decoded == [MailDecoding.expectedPart(message.text), MailDecoding.expectedPart(MailSamples.html)])
        #expect(rendered.hasSuffix("--" + boundary + "--\r\n"))
    }

    @Test("a text-only message is one quoted-printable part that ends with a line break")
    func singlePart() throws {
        let rendered = try MailSamples.message(html: nil).rendered()
        let body = MailDecoding.split(rendered).body
        Self.checkQuotedPrintable(body)
        let decoded = try MailDecoding.decodeQuotedPrintable(body).unwrapped()
        #expect(MailDecoding.unixLines(decoded) == MailDecoding.expectedPart(MailSamples.text))
    }
}

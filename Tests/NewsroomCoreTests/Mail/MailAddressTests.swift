import Foundation
import Testing

@testable import NewsroomCore

@Suite("Mail addresses")
struct MailAddressTests {
    static let rejected = [
        "", "toasoan", "toasoan@", "@bao.example.vn", "toa soan@bao.example.vn", "toasoan@bao .example.vn",
        "toasoan\r\n@bao.example.vn", "toasoan@bao.example.vn\r\nBcc: x@y.vn", "toasoan@bao.example.vn\n",
        "toa\0soan@bao.example.vn", "tòasoạn@bao.example.vn", "toasoan@báo.example.vn", "<toasoan@bao.example.vn>",
        "toa,soan@bao.example.vn", "toa;soan@bao.example.vn", "toa:soan@bao.example.vn", "\"toasoan\"@bao.example.vn",
        "toa(soan)@bao.example.vn", "toa@soan@bao.example.vn", "toasoan@localhost", ".toasoan@bao.example.vn",
        "toasoan.@bao.example.vn", "toa..soan@bao.example.vn", "toasoan@-bao.example.vn", "toasoan@bao..example.vn",
        "toasoan@bao.example.vn.", "toasoan@bao_x.example.vn", String(repeating: "a", count: 65) + "@bao.example.vn",
        "a@" + String(repeating: "b", count: 64) + ".vn",
        "a@" + [63, 63, 63, 61].map { String(repeating: "b", count: $0) }.joined(separator: "."),  // 255 bytes
    ]

    @Test("addresses that are not a plain ASCII local@domain are refused", arguments: rejected)
    func rejects(address: String) {
        #expect(MailAddress(address: address) == nil)
        #expect(MailAddress(name: "Tòa soạn", address: address) == nil)
    }

    @Test(
        "plausible addresses are kept as given",
        arguments: [
            "toasoan@bao.example.vn", "first.last+tin-moi@sub.example.com", "o'brien_2@example.co.uk",
            "a!#$%&'*+-/=?^_`{|}~z@x-1.example", String(repeating: "a", count: 64) + "@bao.example.vn",
            "a@" + [63, 63, 63, 60].map { String(repeating: "b", count: $0) }.joined(separator: "."),  // 254 bytes
        ])
    func accepts(address: String) throws {
        #expect(address.utf8.count <= 254)
        #expect(try MailAddress(address: address).unwrapped().address == address)
    }

    @Test("the --mail-from forms parse: bare, named, quoted with a comma, escaped quotes, angle brackets only")
    func parsing() throws {
        let named = try MailAddress(parsing: "Tòa soạn <toasoan@bao.example.vn>").unwrapped()
        #expect(named == MailAddress(name: "Tòa soạn", address: "toasoan@bao.example.vn"))
        let quoted = try MailAddress(parsing: "\"Ban biên tập, Newsroom\" <bbt@bao.example.vn>").unwrapped()
        #expect(quoted.name == "Ban biên tập, Newsroom")
        #expect(quoted.address == "bbt@bao.example.vn")
        let bare = try MailAddress(parsing: "  toasoan@bao.example.vn ").unwrapped()
        #expect(bare == MailAddress(address: "toasoan@bao.example.vn"))
        #expect(bare.name == nil)
        #expect(try MailAddress(parsing: "<toasoan@bao.example.vn>").unwrapped().name == nil)
        let escaped = try MailAddress(parsing: #""Ban \"BBT\" \\ Newsroom" <bbt@bao.example.vn>"#).unwrapped()
        #expect(escaped.name == #"Ban "BBT" \ Newsroom"#)
    }

    @Test(
        "parsing refuses what has no plausible address",
        arguments: [
            "Tòa soạn <toa soan@bao.example.vn>", "Tòa soạn <toasoan@bao.example.vn", "Tòa soạn", "",
            "Tòa soạn <>", "Tòa soạn <toasoan@bao.example.vn\r\nBcc: x@y.vn>", "a@b.vn <c@d.vn> trailing",
        ])
    func parsingRejects(text: String) {
        #expect(MailAddress(parsing: text) == nil)
    }

    @Test("a plain ASCII name is written as it is, with specials it is quoted, without a name the address is alone")
    func asciiHeaders() throws {
        #expect(
            try MailAddress(name: "Newsroom", address: "a@bao.example.vn").unwrapped().header
                == "Newsroom <a@bao.example.vn>")
        #expect(
            try MailAddress(name: "Ban BBT, Newsroom", address: "a@bao.example.vn").unwrapped().header
                == "\"Ban BBT, Newsroom\" <a@bao.example.vn>")
        #expect(
            try MailAddress(name: #"Say "hi" \o/"#, address: "a@bao.example.vn").unwrapped().header
                == #""Say \"hi\" \\o/" <a@bao.example.vn>"#)
        #expect(try MailAddress(address: "a@bao.example.vn").unwrapped().header == "a@bao.example.vn")
        #expect(try MailAddress(name: "  ", address: "a@bao.example.vn").unwrapped().header == "a@bao.example.vn")
    }

    @Test("a Vietnamese name becomes encoded words that decode back to it")
    func vietnameseName() throws {
        let address = try MailAddress(name: "Tòa soạn Newsroom", address: "toasoan@bao.example.vn").unwrapped()
        #expect(address.header.hasSuffix(" <toasoan@bao.example.vn>"))
        #expect(address.header.allSatisfy { $0.isASCII })
        let phrase = String(address.header.dropLast(" <toasoan@bao.example.vn>".count))
        #expect(MailDecoding.decodeWords(phrase) == "Tòa soạn Newsroom")
    }

    @Test("a name holding a line break or =? cannot break the header or pass for an encoded word")
    func hostileNames() throws {
        var address = try MailAddress(name: "Tòa soạn\r\nBcc: x@y.vn", address: "toasoan@bao.example.vn").unwrapped()
        #expect(!address.header.contains("\r") && !address.header.contains("\n"))
        address.name = "=?utf-8?B?SGk=?="
        let phrase = String(address.header.dropLast(" <toasoan@bao.example.vn>".count))
        #expect(phrase.hasPrefix("=?utf-8?B?"))
        #expect(MailDecoding.decodeWords(phrase) == "=?utf-8?B?SGk=?=")
    }
}

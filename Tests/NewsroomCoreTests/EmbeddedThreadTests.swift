import Foundation
import Testing

@testable import NewsroomCore

/// The canonical address that keys an embedded thread, and the text of comments written in HTML elsewhere.
@Suite struct EmbeddedThreadTests {
    @Test(
        "one page, however its address is spelled, has one canonical URL",
        arguments: [
            ("https://bao.example.vn/tin/a.html", "https://bao.example.vn/tin/a.html"),
            ("HTTPS://Bao.Example.VN/tin/a.html#binh-luan", "https://bao.example.vn/tin/a.html"),
            ("https://bao.example.vn:443/tin/a.html?utm_source=fb&utm_medium=social", "https://bao.example.vn/tin/a.html"),
            ("http://bao.example.vn:80/?p=12&UTM_campaign=x", "http://bao.example.vn/?p=12"),
            ("https://bao.example.vn", "https://bao.example.vn/"),
            ("https://user:pass@bao.example.vn:8443/a?b=1&utm_term=2&c=3", "https://bao.example.vn:8443/a?b=1&c=3"),
            ("  https://bao.example.vn/Tin/A.html  ", "https://bao.example.vn/Tin/A.html"),
        ])
    func canonical(input: String, expected: String) {
        #expect(EmbeddedThread.canonicalURL(input) == expected)
    }

    @Test(
        "what is not a page's address has none",
        arguments: ["", "/tin/a.html", "javascript:alert(1)", "ftp://a.vn/x", "https://", "bao.example.vn/a"])
    func notAPage(input: String) {
        #expect(EmbeddedThread.canonicalURL(input) == nil)
    }

    @Test func anOriginIsSchemeHostAndPort() {
        #expect(EmbeddedThread.origin(of: "https://bao.example.vn/tin/a.html") == "https://bao.example.vn")
        #expect(EmbeddedThread.origin(of: "http://127.0.0.1:9000/x") == "http://127.0.0.1:9000")
    }

    @Test func oldAddressesAreKeyedDecodedWithoutTheirTrailingSlash() {
        #expect(ForeignArticle.redirectKey(path: "/2024/03/gi%E1%BB%9Bi-thi%E1%BB%87u/", query: nil) == "/2024/03/giới-thiệu")
        #expect(ForeignArticle.redirectKey(path: "/", query: "p=12") == "/?p=12")
        #expect(ForeignArticle.redirectKey(path: "", query: nil) == "/")
        #expect(ForeignArticle.redirectKey(path: "/a%00b/", query: nil) == "/a%00b")
    }

    @Test func commentsWrittenInHTMLBecomePlainTextWithTheirParagraphs() {
        let html = "<p>Đồng ý với bạn!<br>Nhưng <a href=\"https://x.vn\">xem thêm</a> &amp; đọc kỹ.</p><p>Đoạn hai&#8230;</p>"
        #expect(ForeignText.plain(fromHTML: html) == "Đồng ý với bạn!\nNhưng xem thêm & đọc kỹ.\n\nĐoạn hai…")
        #expect(ForeignText.plain(fromHTML: "Cha\u{300}o  ") == "Chào")
        #expect(ForeignText.plain(fromHTML: "<script></script>") == "")
    }

    @Test func aReplyAlwaysComesAfterTheCommentItAnswers() {
        func comment(_ id: String, _ parent: String?) -> ForeignComment {
            ForeignComment(
                externalID: id, parentExternalID: parent, author: "A", email: nil, authorURL: nil, clientFingerprint: nil, body: "x",
                status: .published, createdAt: Date(timeIntervalSince1970: 0))
        }
        let ordered = ForeignComment.parentsFirst([
            comment("3", "2"), comment("2", "1"), comment("1", nil), comment("4", "99"), comment("5", "5"),
        ])
        let ids = ordered.map(\.externalID)
        #expect(ids.firstIndex(of: "1")! < ids.firstIndex(of: "2")! && ids.firstIndex(of: "2")! < ids.firstIndex(of: "3")!)
        #expect(Set(ids) == ["1", "2", "3", "4", "5"])
        #expect(ordered.first { $0.externalID == "4" }?.parentExternalID == nil, "an answer to a missing comment stands alone")
        #expect(ordered.first { $0.externalID == "5" }?.parentExternalID == nil)
    }
}

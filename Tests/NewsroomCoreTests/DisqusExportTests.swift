import Foundation
import Testing

@testable import NewsroomCore

@Suite("Disqus export")
struct DisqusExportTests {
    static func fixture() throws -> DisqusExport { try DisqusExport.parse(ImportFixture.data("disqus-export.xml")) }

    static func post(_ export: DisqusExport, _ id: String) throws -> DisqusExport.Post {
        try #require(export.posts.first { $0.id == id })
    }

    // MARK: Threads

    @Test("threads: ids, identifiers, links as given, decoded titles, dates and flags")
    func threads() throws {
        let export = try Self.fixture()
        #expect(export.forum == "baocu")
        #expect(export.threads.map(\.id) == ["7351200101", "7351200102", "7351200103"])
        let (article, tracked, elsewhere) = (export.threads[0], export.threads[1], export.threads[2])

        #expect(article.identifier == "101 https://baocu.example.vn/?p=101")
        #expect(article.link == "https://baocu.example.vn/2024/03/le-hoi-phao-hoa-quoc-te-khai-mac/")
        #expect(article.title == "Lễ hội pháo hoa quốc tế khai mạc: Sông Hàn rực sáng – Báo Cũ")
        #expect(article.createdAt == ImportFixture.utc(2024, 3, 1, 14, 31, 7))
        #expect(!article.isClosed && !article.isDeleted)

        // The link is kept whole: matching it to an article (query string, fragment) is the importer's call.
        #expect(tracked.identifier == nil)
        #expect(
            tracked.link
                == "https://baocu.example.vn/2024/03/da-nang-mo-them-muoi-tuyen-xe-buyt-dien/?utm_source=facebook&utm_medium=social#binh-luan"
        )
        #expect(tracked.isClosed && !tracked.isDeleted)

        #expect(elsewhere.link == "https://blog.example.org/bai-viet")
        #expect(elsewhere.title == "Ghi chép từ Hội An ’24")
        #expect(elsewhere.identifier == "bai-viet")
        #expect(elsewhere.isDeleted)
    }

    // MARK: Posts

    @Test("posts: thread, a reply chain four deep, message, author, address")
    func posts() throws {
        let export = try Self.fixture()
        #expect(export.posts.count == 7)
        #expect(export.posts.map(\.threadID) == Array(repeating: "7351200101", count: 5) + ["7351200102", "7351200103"])
        #expect(export.posts.map(\.parentID) == [nil, "6402110001", "6402110002", "6402110003", nil, nil, nil])

        let first = try Self.post(export, "6402110001")
        #expect(first.message == "<p>Năm nay xem từ cầu Trần Thị Lý là đẹp nhất, không bị che.</p>")
        #expect(first.createdAt == ImportFixture.utc(2024, 3, 1, 15, 2, 11))
        #expect(first.authorName == "Phạm Quốc Huy")
        #expect(first.authorEmail == "quochuy.pham@mail.example.vn")
        #expect(first.authorUsername == "quochuy_pham")
        #expect(!first.isAnonymous && !first.isDeleted && !first.isSpam)
        #expect(first.ipAddress == "113.172.40.8")
        #expect(first.identifier == nil)

        // The indentation around a CDATA block is not part of the message.
        let reply = try Self.post(export, "6402110002")
        #expect(reply.message == "<p>Đồng ý, nhưng phải đến trước 19h mới có chỗ.<br>Mình đến 19h30 là kín rồi.</p>")
        #expect(reply.ipAddress == "2402:800:63a5:1e2f::7")

        // A comment the WordPress plugin synced from WordPress names its origin.
        #expect(try Self.post(export, "6402110003").identifier == "wp_id=203")
        #expect(try Self.post(export, "6402110003").message.contains("😄"))
    }

    @Test("deleted, spam and anonymous posts are read and flagged")
    func flaggedPosts() throws {
        let export = try Self.fixture()
        let deleted = try Self.post(export, "6402110004")
        #expect(deleted.isDeleted && !deleted.isSpam)
        #expect(deleted.parentID == "6402110003")

        let spam = try Self.post(export, "6402110005")
        #expect(spam.isSpam && !spam.isDeleted)
        #expect(spam.message.contains("<a href=\"https://kiem-tien.example.com\""))

        let guest = try Self.post(export, "6402110006")
        #expect(guest.isAnonymous)
        #expect(guest.authorName == "Khách")
        #expect(guest.authorEmail == nil && guest.authorUsername == nil)
        #expect(guest.threadID == "7351200102")
    }

    @Test("every string is NFC")
    func normalisation() throws {
        let decomposed = Data(
            """
            <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
            <thread dsq:id="1"><link>https://baocu.example.vn/a/</link><title>\(nfd("Mưa lớn ở Huế"))</title></thread>
            <post dsq:id="2"><message>\(nfd("<p>Đường ngập rồi</p>"))</message><author><name>\(nfd("Lê Thị Hường"))</name></author>
            <thread dsq:id="1"/></post></disqus>
            """.utf8)
        let export = try DisqusExport.parse(decomposed)
        #expect(scalars(export.threads[0].title) == scalars("Mưa lớn ở Huế".precomposedStringWithCanonicalMapping))
        #expect(isNFC(export.posts[0].message) && isNFC(export.posts[0].authorName))
        #expect(export.posts[0].createdAt == nil)
        #expect(export.forum == nil)
    }

    // MARK: Variants of the format

    @Test("no namespace, another prefix, the id as text, dates with offsets")
    func variants() throws {
        let data = Data(
            """
            <disqus xmlns:i="http://disqus.com/disqus-internals">
            <thread i:id="10"><link>https://baocu.example.vn/b/</link><createdAt>2024-03-01T21:30:00+07:00</createdAt></thread>
            <post i:id="11"><createdAt>2024-03-01T21:30:00.250+0700</createdAt><thread>10</thread>
            <parent i:id="9"/><author><username>khach_quen</username></author></post>
            </disqus>
            """.utf8)
        let export = try DisqusExport.parse(data)
        #expect(export.threads.first?.createdAt == ImportFixture.utc(2024, 3, 1, 14, 30))
        let post = try #require(export.posts.first)
        #expect(post.threadID == "10" && post.parentID == "9")
        #expect(post.createdAt == ImportFixture.utc(2024, 3, 1, 14, 30).map { $0.addingTimeInterval(0.25) })
        #expect(post.authorName == "khach_quen")
    }

    @Test(
        "ISO 8601 dates with Z, offsets, fractions or no zone; nonsense is nil",
        arguments: [
            ("2013-05-17T12:00:00Z", ImportFixture.utc(2013, 5, 17, 12, 0)),
            ("2013-05-17T12:00:00", ImportFixture.utc(2013, 5, 17, 12, 0)),
            ("2013-05-17T19:00:00+07:00", ImportFixture.utc(2013, 5, 17, 12, 0)),
            ("2013-05-17T07:30:00-0430", ImportFixture.utc(2013, 5, 17, 12, 0)),
            ("2013-05-17T12:00:00.5Z", ImportFixture.utc(2013, 5, 17, 12, 0).map { $0.addingTimeInterval(0.5) }),
            ("2013-02-30T12:00:00Z", nil), ("2013-05-17", nil), ("hôm qua", nil), ("2013-05-17T12:00:00+7", nil),
        ])
    func isoDates(text: String, expected: Date?) {
        #expect(ImportDate.iso8601(text) == expected)
    }

    @Test("an export over 10 MB reads: libxml2 refuses a single input that large, so the file is fed in chunks")
    func largeExport() throws {
        let message = String(repeating: "Bình luận dài về lễ hội pháo hoa. ", count: 300)
        let post = "<post dsq:id=\"ID\"><message><![CDATA[<p>\(message)</p>]]></message><thread dsq:id=\"1\"/></post>\n"
        var xml = "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n"
        for number in 1...1_000 { xml += post.replacingOccurrences(of: "ID", with: String(number)) }
        xml += "</disqus>"
        let data = Data(xml.utf8)
        try #require(data.count > 10_500_000)
        let export = try DisqusExport.parse(data)
        #expect(export.posts.count == 1_000)
        #expect(export.posts.last?.id == "1000")
        #expect(export.posts.last?.message.hasSuffix("pháo hoa. </p>") == true)
    }

    // MARK: Errors

    @Test("malformed XML and other formats are refused")
    func errors() throws {
        let broken = Data("<disqus xmlns=\"http://disqus.com\">\n<thread>\n<title>Lỗi</thread>\n</disqus>".utf8)
        let error = try #require(ImportFixture.disqusError(broken))
        #expect(error.line == 3)
        #expect(error.message == "tệp XML hỏng: thẻ đóng không khớp với thẻ mở")

        let wordPress = try ImportFixture.data("wordpress-export.xml")
        #expect(
            ImportFixture.disqusError(wordPress)?.message
                == "không phải tệp xuất Disqus: thẻ gốc là <rss>, cần <disqus>")

        let orphan = Data("<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\"><post dsq:id=\"5\"/></disqus>".utf8)
        #expect(ImportFixture.disqusError(orphan)?.message.contains("dsq:id=\"5\"") == true)

        let anonymousThread = Data("<disqus>\n<thread><link>https://x.example/</link></thread></disqus>".utf8)
        let missing = try #require(ImportFixture.disqusError(anonymousThread))
        #expect(missing.message == "chủ đề <thread> thiếu thuộc tính dsq:id")
        #expect(missing.line == 2)
    }
}

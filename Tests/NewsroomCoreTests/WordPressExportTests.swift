import Foundation
import Testing

@testable import NewsroomCore

/// The export files in `Tests/Fixtures`, found from this file's own path so no bundle resource is needed.
enum ImportFixture {
    static func data(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/\(name)").standardizedFileURL
        return try Data(contentsOf: url)
    }

    /// The instant of a UTC wall-clock time, for expected dates.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date? {
        ImportDate.utc(year, month, day, hour, minute, second)
    }

    /// The error reading `data` as a WordPress export throws, nil when it reads.
    static func wordPressError(_ data: Data) -> ImportFormatError? {
        do throws(ImportFormatError) {
            _ = try WordPressExport.parse(data)
            return nil
        } catch {
            return error
        }
    }

    /// The error reading `data` as a Disqus export throws, nil when it reads.
    static func disqusError(_ data: Data) -> ImportFormatError? {
        do throws(ImportFormatError) {
            _ = try DisqusExport.parse(data)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("WordPress export (WXR)")
struct WordPressExportTests {
    static func fixture() throws -> WordPressExport {
        try WordPressExport.parse(ImportFixture.data("wordpress-export.xml"))
    }

    static func item(_ export: WordPressExport, _ id: Int64) throws -> WordPressExport.Item {
        try #require(export.items.first { $0.postID == id })
    }

    /// A minimal WXR document around `channel`, the namespaces declared as WordPress declares them.
    static func wxr(_ channel: String, version: String = "1.2", wxrPrefix: String = "wp") -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/\(version)/excerpt/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:\(wxrPrefix)="http://wordpress.org/export/\(version)/">
            <channel>\(channel)</channel>
            </rss>
            """.utf8)
    }

    // MARK: The channel

    @Test("the site, its authors and its categories and tags")
    func channel() throws {
        let export = try Self.fixture()
        #expect(export.siteURL == "https://baocu.example.vn")
        #expect(
            export.authors == [
                .init(login: "bientap", email: "bientap@baocu.example.vn", displayName: "Ban Biên tập"),
                .init(login: "minhtam", email: "minhtam@baocu.example.vn", displayName: "Lê Minh Tâm"),
            ])
        #expect(
            export.categories == [
                .init(kind: .category, slug: "thoi-su", name: "Thời sự"), .init(kind: .category, slug: "du-lich", name: "Du lịch"),
                .init(kind: .category, slug: "giao-thong", name: "Giao thông"), .init(kind: .tag, slug: "phao-hoa", name: "pháo hoa"),
                .init(kind: .tag, slug: "da-nang", name: "Đà Nẵng"), .init(kind: .tag, slug: "xe-buyt", name: "xe buýt"),
            ])
    }

    @Test("every item is read, whatever its type and status, in file order")
    func itemKinds() throws {
        let items = try Self.fixture().items
        #expect(items.map(\.postID) == [101, 102, 103, 104, 105, 106, 1201, 300])
        #expect(items.map(\.postType) == ["post", "post", "post", "post", "post", "page", "attachment", "nav_menu_item"])
        #expect(items.map(\.status) == ["publish", "publish", "draft", "future", "private", "publish", "inherit", "publish"])
    }

    // MARK: Items

    @Test("a published classic post: every field")
    func classicPost() throws {
        let post = try Self.item(Self.fixture(), 101)
        #expect(post.title == "Lễ hội pháo hoa quốc tế khai mạc: Sông Hàn rực sáng")
        #expect(post.link == "https://baocu.example.vn/2024/03/le-hoi-phao-hoa-quoc-te-khai-mac/")
        #expect(post.guid == "https://baocu.example.vn/?p=101")
        #expect(post.slug == "le-hoi-phao-hoa-quoc-te-khai-mac")
        #expect(post.creator == "minhtam")
        #expect(post.excerpt == "Hàng nghìn người xem đêm khai mạc lễ hội pháo hoa quốc tế bên sông Hàn.")
        #expect(post.date == ImportFixture.utc(2024, 3, 1, 14, 30))
        #expect(post.categories == ["Du lịch", "Thời sự"])
        #expect(post.tags == ["Đà Nẵng", "pháo hoa"])
        #expect(post.commentStatus == "open")
        #expect(post.attachmentURL == nil)
        // The body is kept exactly as stored: no paragraphs added, shortcodes and markers still there.
        #expect(post.content.hasPrefix("Tối 1/3, hàng nghìn người dân"))
        #expect(post.content.contains("tham gia.\n<!--more-->\n[caption id=\"attachment_1201\""))
        #expect(post.content.hasSuffix("<em>[1] Số liệu của Sở Du lịch lúc 22h.</em>"))
    }

    @Test("a Gutenberg post keeps its block comments in the raw content")
    func gutenbergPost() throws {
        let post = try Self.item(Self.fixture(), 102)
        #expect(post.content.hasPrefix("<!-- wp:paragraph -->\n<p>Chiều 5/3,"))
        #expect(post.categories == ["Giao thông"])
        #expect(post.tags == ["xe buýt", "Đà Nẵng"])
        #expect(post.excerpt == "")
        #expect(post.creator == "bientap")
    }

    @Test("a draft has no slug and takes its date from post_date, read at UTC+7")
    func draft() throws {
        let draft = try Self.item(Self.fixture(), 103)
        #expect(draft.slug == nil)
        #expect(draft.date == ImportFixture.utc(2024, 3, 4, 1, 15))
        let inUTC = try WordPressExport.parse(ImportFixture.data("wordpress-export.xml"), siteTimeZone: .gmt)
        #expect(try Self.item(inUTC, 103).date == ImportFixture.utc(2024, 3, 4, 8, 15))
    }

    @Test("future, private, page, attachment and menu item")
    func otherItems() throws {
        let export = try Self.fixture()
        let future = try Self.item(export, 104)
        #expect(future.date == ImportFixture.utc(2030, 1, 15, 0, 0))
        #expect(future.commentStatus == "closed")

        // `]]>` inside a post is written as two CDATA sections: the halves are one text again.
        let note = try Self.item(export, 105)
        #expect(note.content == "<p>Bài gửi qua biểu mẫu có ký hiệu ]]> ở cuối được coi là bản thảo.</p>")

        let page = try Self.item(export, 106)
        #expect(page.slug == "giới-thiệu")
        #expect(scalars(page.slug ?? "") == scalars("giới-thiệu".precomposedStringWithCanonicalMapping))
        #expect(page.link == "https://baocu.example.vn/gi%e1%bb%9bi-thi%e1%bb%87u/")

        let image = try Self.item(export, 1201)
        #expect(image.attachmentURL == "https://baocu.example.vn/wp-content/uploads/2024/03/phao-hoa-song-han.jpg")
        #expect(image.title == "phao-hoa-song-han")
        #expect(image.excerpt == "Pháo hoa rực sáng trên sông Hàn tối 1/3.")

        let menu = try Self.item(export, 300)
        #expect(menu.title == "")
        #expect(menu.categories.isEmpty && menu.tags.isEmpty)
        #expect(menu.content == " ")
    }

    @Test("post and comment meta never leak into other fields")
    func metaDoesNotLeak() throws {
        let export = try Self.fixture()
        let leaked = ["SEO: tiêu đề", "_menu_item", "akismet", "a:5:{", "a:3:{", "default", "_wp_trash"]
        for item in export.items {
            let texts =
                [item.title, item.link, item.content, item.excerpt, item.slug ?? "", item.attachmentURL ?? ""]
                + item.comments.flatMap { [$0.author, $0.content, $0.approved, $0.type, $0.url ?? ""] }
            for text in texts { #expect(!leaked.contains { text.contains($0) }, "\(item.postID): \(text)") }
        }
        #expect(try Self.item(export, 1201).attachmentURL?.hasSuffix("phao-hoa-song-han.jpg") == true)
    }

    // MARK: Comments

    @Test("the comments of the classic post: a reply chain four deep, pending, spam, trash, pingback")
    func comments() throws {
        let comments = try Self.item(Self.fixture(), 101).comments
        #expect(comments.map(\.id) == [201, 202, 203, 204, 205, 206, 207, 208])
        #expect(comments.map(\.parent) == [nil, 201, 202, 203, nil, nil, nil, nil])
        #expect(comments.map(\.approved) == ["1", "1", "1", "1", "0", "spam", "trash", "1"])
        #expect(comments.map(\.type) == ["comment", "comment", "comment", "comment", "comment", "comment", "comment", "pingback"])
        #expect(comments.map(\.userID) == [nil, nil, 2, nil, nil, nil, nil, nil])

        let first = comments[0]
        #expect(first.author == "Nguyễn Văn An")
        #expect(first.email == "an.nguyen@mail.example.vn")
        #expect(first.url == "https://an.example.vn")
        #expect(first.ip == "113.161.2.10")
        #expect(first.date == ImportFixture.utc(2024, 3, 1, 15, 5, 10))
        #expect(first.content == "Năm nay pháo hoa đẹp hơn hẳn năm ngoái.\nNhưng kẹt xe quá, đi từ cầu Rồng về mất gần hai tiếng!")

        #expect(comments[1].ip == "2402:800:6371:9a2b::1")
        #expect(comments[1].url == nil)
        #expect(comments[2].content.contains("<strong>Trần Phú</strong>"))
        #expect(comments[3].author == "Hoàng Nhật Linh")
        #expect(comments[3].email == nil)
        // Old comment forms saved a bare "http://" for an empty website field.
        #expect(comments[4].url == nil)
        #expect(comments[5].url == "https://vay-nhanh.example.com/?ref=baocu")
        // No GMT date: the local one, at UTC+7.
        #expect(comments[6].date == ImportFixture.utc(2024, 3, 2, 5, 30))
        #expect(comments[6].ip == nil)
        #expect(comments[7].author == "Blog Du Lịch Miền Trung &raquo; Cẩm nang xem pháo hoa Đà Nẵng 2024")
        #expect(comments[7].content == "[&#8230;] Theo Báo Cũ, đêm khai mạc thu hút hàng nghìn người [&#8230;]")
    }

    @Test("text typed in NFD comes out NFC; emoji survive")
    func normalisation() throws {
        let export = try Self.fixture()
        let reply = try Self.item(export, 101).comments[1]
        #expect(scalars(reply.author) == scalars("Trần Thị Bích".precomposedStringWithCanonicalMapping))
        #expect(isNFC(reply.content) && reply.content.hasPrefix("Đồng ý!"))
        let praise = try #require(Self.item(export, 102).comments.first)
        #expect(praise.content == "Tuyệt vời quá 👍🏻 mong sớm có tuyến ra bán đảo Sơn Trà ❤️")
        #expect(praise.id == 209 && praise.parent == nil && praise.approved == "1")
        for item in export.items { #expect(isNFC(item.title) && isNFC(item.content)) }
    }

    // MARK: Variants of the format

    @Test("any prefix and WXR version: names are matched by namespace")
    func otherPrefixAndVersion() throws {
        let data = Self.wxr(
            """
            <link>https://cu.example.vn</link><wxr:wxr_version>1.1</wxr:wxr_version>
            <item><title>Bài cũ</title><wxr:post_id>7</wxr:post_id><wxr:post_type>post</wxr:post_type>
            <wxr:status>publish</wxr:status><excerpt:encoded>Tóm tắt</excerpt:encoded>
            <category><![CDATA[Tin tức]]></category><category domain="category" nicename="tin-tuc"><![CDATA[Tin tức]]></category>
            <category domain="tag" nicename="cu"><![CDATA[cũ]]></category>
            <wxr:post_date>2011-05-06 07:08:09</wxr:post_date><pubDate>Wed, 30 Nov -0001 00:00:00 +0000</pubDate></item>
            """, version: "1.1", wxrPrefix: "wxr")
        let export = try WordPressExport.parse(data)
        #expect(export.siteURL == "https://cu.example.vn")
        let item = try #require(export.items.first)
        #expect(item.postID == 7 && item.excerpt == "Tóm tắt")
        #expect(item.categories == ["Tin tức"])
        #expect(item.tags == ["cũ"])
        #expect(item.date == ImportFixture.utc(2011, 5, 6, 0, 8, 9))
    }

    @Test("dates fall back to pubDate; the '-0001' year of old drafts is no date")
    func pubDateFallback() throws {
        let data = Self.wxr(
            """
            <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://mang.example.vn</wp:base_site_url>
            <image><link>https://khac.example.vn</link></image>
            <item><wp:post_id>1</wp:post_id><pubDate>Fri, 01 Mar 2024 02:30:00 +0700</pubDate></item>
            <item><wp:post_id>2</wp:post_id><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
            <pubDate>Wed, 30 Nov -0001 00:00:00 +0000</pubDate></item>
            """)
        let export = try WordPressExport.parse(data)
        #expect(export.siteURL == "https://mang.example.vn")
        #expect(export.items.map(\.date) == [ImportFixture.utc(2024, 2, 29, 19, 30), nil])
        #expect(export.items.map(\.postType) == ["post", "post"])
    }

    // MARK: Errors

    @Test("malformed XML is refused with its line")
    func malformed() throws {
        let data = Self.wxr("<wp:wxr_version>1.2</wp:wxr_version>\n<item><title>Lỗi</item>")
        let error = try #require(ImportFixture.wordPressError(data))
        #expect(error.line == 6)
        #expect(error.message.hasPrefix("tệp XML hỏng"))
        #expect(error.description.hasPrefix("dòng 6: tệp XML hỏng"))

        let truncated = try ImportFixture.data("wordpress-export.xml").prefix(20_000)
        #expect(ImportFixture.wordPressError(truncated)?.line != nil)
        #expect(ImportFixture.wordPressError(Data()) != nil)
        #expect(ImportFixture.wordPressError(Data("{\"posts\": []}".utf8)) != nil)
    }

    @Test("XML of another format is refused")
    func wrongFormat() throws {
        let disqus = try ImportFixture.data("disqus-export.xml")
        let error = try #require(ImportFixture.wordPressError(disqus))
        #expect(error.message == "không phải tệp xuất WordPress (WXR): thẻ gốc là <disqus>, cần <rss>")
        #expect(error.line == 2)

        let feed = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tin</title></channel></rss>".utf8)
        #expect(ImportFixture.wordPressError(feed)?.message.contains("wp:wxr_version") == true)

        let noID = Self.wxr("<wp:wxr_version>1.2</wp:wxr_version><item><title>Không số</title></item>")
        #expect(ImportFixture.wordPressError(noID)?.message.contains("wp:post_id") == true)
    }

    @Test("a file that declares entities is refused before any is expanded")
    func entityDeclarations() throws {
        let bomb = Data(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss><channel><title>&b;</title></channel></rss>
            """.utf8)
        let error = try #require(ImportFixture.wordPressError(bomb))
        #expect(error.message.contains("ENTITY"))
        #expect(error.line == 2)
        // However long the comments before it.
        let padded = Data((String(repeating: "<!-- đệm -->\n", count: 10_000)).utf8) + bomb.dropFirst(22)
        #expect(ImportFixture.wordPressError(padded)?.line == 10_001)
    }
}

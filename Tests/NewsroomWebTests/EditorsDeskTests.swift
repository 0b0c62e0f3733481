import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A `multipart/form-data` body as a browser sends the article form.
struct MultipartBody {
    static let boundary = "----NewsroomTest7MA4YWxkTrZu0gW"
    var fields: [(String, String)]
    var files: [(name: String, filename: String, type: String, bytes: [UInt8])] = []

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(Self.boundary)"] }

    var buffer: ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            buffer.writeString(
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                    + "Content-Type: \(file.type)\r\n\r\n")
            buffer.writeBytes(file.bytes)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(Self.boundary)--\r\n")
        return buffer
    }
}

/// The editors' desk through the router: roles, the article form, slugs and redirects, revisions, covers, scheduled
/// publication, and what readers then see (topic pages, metadata, feeds).
@Suite struct EditorsDeskTests {
    static let editor = "bientap@toasoan.vn"
    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    struct Desk {
        var client: any TestClientProtocol
        var store: Store
        var browser: StaffBrowser
        var clock: TestClock
        var publisher: SchedulePublisher
        var media: String

        /// Posts the article form (new, or article `id`) and returns the response's status, `Location` and body.
        func post(
            _ fields: [(String, String)], to id: Article.ID? = nil, files: [(String, String, String, [UInt8])] = []
        )
            async throws -> (status: HTTPResponse.Status, location: String?, body: String)
        {
            let body = MultipartBody(fields: [(CSRF.field, browser.csrf)] + fields, files: files.map { ($0.0, $0.1, $0.2, $0.3) })
            var headers = body.headers
            headers[.cookie] = browser.cookie
            return try await client.execute(
                uri: id.map { "/admin/articles/\($0)" } ?? "/admin/articles/moi", method: .post, headers: headers, body: body.buffer
            ) { response in (response.status, response.headers[.location], response.body.text) }
        }

        func get(_ path: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, location: String?, body: String) {
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                (response.status, response.headers[.location], response.body.text)
            }
        }

        /// The id in a `/admin/articles/{id}?da-luu=1` redirect.
        func savedID(_ location: String?) throws -> Article.ID {
            let path = try #require(location?.split(separator: "?").first)
            return try #require(Article.ID(path.split(separator: "/").last ?? ""))
        }
    }

    func withDesk(_ body: @escaping @Sendable (Desk) async throws -> Void) async throws {
        try await TestStore.with { store in
            let media = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-media-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: media) }
            var config = AppConfig(moderation: .pre, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, bcryptCost: 4)
            config.mediaDirectory = media
            config.publicURL = "https://bao.example.vn"
            config.minimumFormSeconds = 0
            let clock = TestClock(Date())
            let site = buildSite(config, store: store, logger: CapturedLog().logger, now: { clock.now })
            let publisher = site.publisher
            try await store.staffMember(Self.editor, role: .editor)
            let app = Application(router: site.router)
            try await app.test(.router) { client in
                let browser = try await signIn(client, email: Self.editor, desk: "/admin/articles")
                try await body(
                    Desk(client: client, store: store, browser: browser, clock: clock, publisher: publisher, media: media))
            }
        }
    }

    static func article(
        _ title: String, status: ArticleStatus = .published, publishAt: String = "", slug: String = "", extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("title", title), ("sapo", "Sapo: \(title)."), ("slug", slug),
            ("markdown", "Đoạn đầu có **chữ đậm** và [một liên kết](https://example.vn).\n\n## Tiêu đề phụ\n\nĐoạn hai."),
            ("category", "Thời sự"), ("tags", "Hà Nội, Giao thông"), ("authors", "Minh Châu, Lê Vy"),
            ("status", status.rawValue), ("publish_at", publishAt), ("comments_open", "1"), ("action", "save"),
        ] + extra
    }

    @Test func rolesKeepEditorsAndModeratorsToTheirOwnDesks() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember("kiemduyet@toasoan.vn", role: .moderator)
            try await store.staffMember(Self.editor, role: .editor)
            let moderator = try await signIn(client)
            try await client.execute(uri: "/admin/articles", method: .get, headers: moderator.headers) { response in
                #expect(response.status == .forbidden)
            }
            let editor = try await signIn(client, email: Self.editor, desk: "/admin/articles")
            try await client.execute(uri: "/admin/moderation", method: .get, headers: editor.headers) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/admin/articles", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.text.contains("Đăng nhập bàn làm việc"))
            }
        }
    }

    @Test func theArticleFormNeedsTheSessionsCSRFToken() async throws {
        try await withDesk { desk in
            for token in [nil, "not-the-token"] {
                let body = MultipartBody(fields: (token.map { [(CSRF.field, $0)] } ?? []) + Self.article("Bài giả mạo"))
                var headers = body.headers
                headers[.cookie] = desk.browser.cookie
                try await desk.client.execute(uri: "/admin/articles/moi", method: .post, headers: headers, body: body.buffer) { response in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try await desk.store.articles.count() == 0)
        }
    }

    @Test func anEditorWritesInMarkdownAndReadersSeeTheArticleWithItsTopics() async throws {
        try await withDesk { desk in
            let saved = try await desk.post(Self.article("Hà Nội mở thêm phố đi bộ"))
            #expect(saved.status == .seeOther)
            let id = try desk.savedID(saved.location)
            let article = try #require(try await desk.store.articles.article(id: id))
            #expect(article.slug == "ha-noi-mo-them-pho-di-bo" && article.status == .published)
            #expect(article.markdown?.contains("**chữ đậm**") == true)

            let page = try await desk.get(article.path)
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong>chữ đậm</strong>"))
            #expect(page.body.contains("<h2>Tiêu đề phụ</h2>"))
            #expect(page.body.contains("href=\"/chuyen-muc/thoi-su\""))
            #expect(page.body.contains("<a href=\"/tac-gia/minh-chau\" rel=\"author\">Minh Châu</a>"))
            #expect(page.body.contains("href=\"/chu-de/ha-noi\""))

            for path in ["/chuyen-muc/thoi-su", "/chu-de/giao-thong", "/tac-gia/le-vy"] {
                let topic = try await desk.get(path)
                #expect(topic.status == .ok, "\(path)")
                #expect(topic.body.contains("Hà Nội mở thêm phố đi bộ"), "\(path)")
            }
            #expect(try await desk.get("/chuyen-muc/khong-co").status == .notFound)
            let list = try await desk.get("/admin/articles?tac-gia=minh-chau", headers: desk.browser.headers)
            #expect(list.body.contains("Hà Nội mở thêm phố đi bộ"))
            let empty = try await desk.get("/admin/articles?trang-thai=draft", headers: desk.browser.headers)
            #expect(!empty.body.contains("Hà Nội mở thêm phố đi bộ"))
        }
    }

    @Test func aFormWithAnErrorComesBackWithTheMessageAndWhatWasTyped() async throws {
        try await withDesk { desk in
            let untitled = try await desk.post(Self.article(""))
            #expect(untitled.status == .unprocessableContent)
            #expect(untitled.body.contains("Xin nhập tiêu đề."))
            #expect(untitled.body.contains("Đoạn đầu có **chữ đậm**"))

            let past = try await desk.post(Self.article("Bài hẹn giờ", status: .scheduled, publishAt: "2020-01-01T08:00"))
            #expect(past.status == .unprocessableContent)
            #expect(past.body.contains("phải ở sau thời điểm hiện tại"))

            let preview = try await desk.post(
                Self.article("Chỉ xem trước", extra: [("action", "preview")]).filter { $0 != ("action", "save") })
            #expect(preview.status == .ok)
            #expect(preview.body.contains("id=\"xem-truoc\""))
            #expect(preview.body.contains("<strong>chữ đậm</strong>"))
            #expect(try await desk.store.articles.count() == 0)

            _ = try await desk.post(Self.article("Bài thứ nhất", slug: "trung-duong-dan"))
            let taken = try await desk.post(Self.article("Bài thứ hai", slug: "trung-duong-dan"))
            #expect(taken.status == .conflict)
            #expect(taken.body.contains(Strings.message(for: .slugTaken)))

            // Markup typed into the body is sanitised; a script never reaches the page.
            let hostile = try await desk.post(
                [("markdown", "Chào <script>alert(1)</script> [x](javascript:alert(1))")]
                    + Self.article("Bài có mã độc").filter { $0.0 != "markdown" })
            let article = try #require(try await desk.store.articles.article(id: try desk.savedID(hostile.location)))
            let page = try await desk.get(article.path)
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("javascript:alert"))
        }
    }

    @Test func renamingAPublishedArticleKeepsEveryOldAddressRedirecting() async throws {
        try await withDesk { desk in
            let id = try desk.savedID(try await desk.post(Self.article("Tên ban đầu của bài")).location)
            let first = "/ten-ban-dau-cua-bai-\(id)"
            #expect(try await desk.get(first).status == .ok)
            _ = try await desk.post(Self.article("Tên thứ hai của bài", slug: "ten-thu-hai"), to: id)
            _ = try await desk.post(Self.article("Tên cuối cùng của bài", slug: "ten-cuoi-cung"), to: id)
            let current = "/ten-cuoi-cung-\(id)"
            #expect(try await desk.get(current).status == .ok)
            for old in [first, "/ten-thu-hai-\(id)", "/\(id)"] {
                let answer = try await desk.get(old)
                #expect(answer.status == .movedPermanently, "\(old)")
                #expect(answer.location == current, "\(old)")
            }
            let withQuery = try await desk.get(first + "?sort=oldest")
            #expect(withQuery.location == current + "?sort=oldest")
            // The title changed without a new slug: the slug follows the title (blank means "from the title").
            _ = try await desk.post(Self.article("Một tên hoàn toàn mới"), to: id)
            #expect(try await desk.get(current).location == "/mot-ten-hoan-toan-moi-\(id)")
        }
    }

    @Test func everySaveKeepsARevisionThatCanBeRestored() async throws {
        try await withDesk { desk in
            let id = try desk.savedID(try await desk.post(Self.article("Bản đầu")).location)
            _ = try await desk.post(Self.article("Bản sau", slug: "ban-sau"), to: id)
            let revisions = try await desk.store.articles.revisions(article: id, limit: 10)
            #expect(revisions.count == 2)
            let first = try #require(revisions.last)
            let shown = try await desk.get("/admin/articles/\(id)/phien-ban/\(first.id)", headers: desk.browser.headers)
            #expect(shown.status == .ok && shown.body.contains("Bản đầu"))

            var headers = desk.browser.headers(csrf: true)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await desk.client.execute(uri: "/admin/articles/\(id)/phien-ban/\(first.id)", method: .post, headers: headers) { response in
                #expect(response.status == .seeOther)
            }
            let restored = try #require(try await desk.store.articles.article(id: id))
            #expect(restored.title == "Bản đầu" && restored.slug == "ban-dau" && restored.status == .published)
            #expect(try await desk.store.articles.revisions(article: id, limit: 10).count == 3)
            // A revision of another article is not found under this one.
            let other = try desk.savedID(try await desk.post(Self.article("Bài khác")).location)
            #expect(try await desk.get("/admin/articles/\(other)/phien-ban/\(first.id)", headers: desk.browser.headers).status == .notFound)
        }
    }

    @Test func aCoverIsStoredByContentAndServedWithALongCache() async throws {
        try await withDesk { desk in
            let saved = try await desk.post(Self.article("Bài có ảnh bìa"), files: [("cover", "bia.png", "image/png", Self.png)])
            let article = try #require(try await desk.store.articles.article(id: try desk.savedID(saved.location)))
            let cover = try #require(article.coverImage)
            #expect(cover.hasPrefix("/media/") && cover.hasSuffix(".png"))
            try await desk.client.execute(uri: cover, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(Array(response.body.readableBytesView) == Self.png)
            }
            let page = try await desk.get(article.path)
            #expect(page.body.contains("<meta property=\"og:image\" content=\"https://bao.example.vn\(cover)\">"))
            // Saving again without a new file keeps the cover; ticking "Bỏ ảnh bìa" removes it.
            _ = try await desk.post(Self.article("Bài có ảnh bìa") + [("cover_current", cover)], to: article.id)
            #expect(try await desk.store.articles.article(id: article.id)?.coverImage == cover)
            _ = try await desk.post(Self.article("Bài có ảnh bìa") + [("cover_current", cover), ("cover_remove", "1")], to: article.id)
            #expect(try await desk.store.articles.article(id: article.id)?.coverImage == nil)

            let notImage = try await desk.post(Self.article("Ảnh giả"), files: [("cover", "bia.png", "image/png", Array("<svg/>".utf8))])
            #expect(notImage.status == .unprocessableContent)
            #expect(notImage.body.contains(Strings.message(for: .mediaInvalid)))
            #expect(try await desk.get("/media/khong-co.png").status == .notFound)
            #expect(try await desk.get("/media/..%2F..%2Fetc%2Fpasswd").status == .notFound)
        }
    }

    @Test func aScheduledArticleIsHiddenUntilItsTimeThenPublishesItself() async throws {
        try await withDesk { desk in
            let due = desk.clock.now.addingTimeInterval(60)
            let saved = try await desk.post(Self.article("Tin hẹn giờ", status: .scheduled, publishAt: LocalDateTime.format(due)))
            let id = try desk.savedID(saved.location)
            let article = try #require(try await desk.store.articles.article(id: id))
            #expect(article.status == .scheduled)
            #expect(try await desk.get(article.path).status == .notFound)
            #expect(!(try await desk.get("/").body.contains("Tin hẹn giờ")))
            #expect(!(try await desk.get("/rss.xml").body.contains("Tin hẹn giờ")))
            try await desk.client.execute(uri: "/api/v1/articles/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
            }

            desk.clock.advance(by: 30)
            #expect(await desk.publisher.publishDue().isEmpty)
            desk.clock.advance(by: 31)
            #expect(await desk.publisher.publishDue() == [id])
            #expect(try await desk.get(article.path).status == .ok)
            #expect(try await desk.get("/").body.contains("Tin hẹn giờ"))
            #expect(try await desk.get("/rss.xml").body.contains("Tin hẹn giờ"))
        }
    }

    @Test func commentsCanBeClosedAndModeratedPerArticle() async throws {
        try await withDesk { desk in
            let closed = try desk.savedID(
                try await desk.post(Self.article("Bài đóng bình luận").filter { $0.0 != "comments_open" }).location)
            let open = try desk.savedID(try await desk.post(Self.article("Bài đăng ngay", extra: [("moderation", "post")])).location)
            let comment = try jsonBody(["author": "Lan", "body": "Bài viết hay quá, cảm ơn tòa soạn."])
            try await desk.client.execute(uri: "/api/v1/articles/\(closed)/comments", method: .post, headers: jsonHeaders, body: comment) {
                response throws in
                #expect(response.status == .unprocessableContent)
                #expect(try errorCode(response.body) == "comments_closed")
            }
            let closedArticle = try #require(try await desk.store.articles.article(id: closed))
            #expect(try await desk.get(closedArticle.path).body.contains(Strings.commentsClosedNotice))
            // The site holds every comment (pre); this article publishes at once (post).
            try await desk.client.execute(uri: "/api/v1/articles/\(open)/comments", method: .post, headers: jsonHeaders, body: comment) {
                response throws in
                #expect(response.status == .created)
                #expect((try json(response.body)["comment"] as? [String: Any])?["status"] as? String == "published")
            }
        }
    }

    @Test func articlePagesCarryOpenGraphAndNewsArticleJSONLD() async throws {
        try await withDesk { desk in
            let id = try desk.savedID(try await desk.post(Self.article("Giá vàng \"nhảy múa\" </script> đầu tuần")).location)
            let article = try #require(try await desk.store.articles.article(id: id))
            let html = try await desk.get(article.path).body
            let url = "https://bao.example.vn\(article.path)"
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"))
            #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
            #expect(html.contains("<meta property=\"article:section\" content=\"Thời sự\">"))
            #expect(html.contains("<meta property=\"article:tag\" content=\"Giao thông\">"))
            #expect(
                html.contains("<meta property=\"article:published_time\" content=\"\(VietnameseFormat.iso8601(article.publishedAt))\">"))

            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let ld = try #require(
                try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
            #expect(ld["@context"] as? String == "https://schema.org")
            #expect(ld["@type"] as? String == "NewsArticle")
            #expect(ld["headline"] as? String == "Giá vàng \"nhảy múa\" </script> đầu tuần")
            #expect(ld["mainEntityOfPage"] as? String == url)
            for key in ["datePublished", "dateModified"] {
                let value = try #require(ld[key] as? String)
                #expect(value.hasSuffix("+07:00"), "\(key)")
                #expect(ISO8601DateFormatter().date(from: value) != nil, "\(key)")
            }
            let authors = try #require(ld["author"] as? [[String: Any]])
            #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
            #expect(authors.first?["name"] as? String == "Minh Châu")
            #expect(authors.first?["url"] as? String == "https://bao.example.vn/tac-gia/minh-chau")
            let publisher = try #require(ld["publisher"] as? [String: Any])
            #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == Strings.siteName)
            #expect(ld["image"] as? [String] == [])
        }
    }

    @Test func eachCategoryHasItsOwnFeeds() async throws {
        try await withDesk { desk in
            _ = try await desk.post(Self.article("Tin thời sự"))
            _ = try await desk.post(Self.article("Tin thể thao").map { $0.0 == "category" ? ("category", "Thể thao") : $0 })
            for (path, root) in [("/chuyen-muc/the-thao/rss.xml", "rss"), ("/chuyen-muc/the-thao/atom.xml", "feed")] {
                let answer = try await desk.get(path)
                #expect(answer.status == .ok, "\(path)")
                let document = try XMLDocument(data: Data(answer.body.utf8))
                #expect(document.rootElement()?.localName == root)
                let titles = try document.nodes(forXPath: "//*[local-name()='item' or local-name()='entry']/*[local-name()='title']")
                    .compactMap(\.stringValue)
                #expect(titles == ["Tin thể thao"], "\(path)")
            }
            let rss = try XMLDocument(data: Data(try await desk.get("/chuyen-muc/the-thao/rss.xml").body.utf8))
            #expect(try rss.nodes(forXPath: "/rss/channel/title").first?.stringValue == "\(Strings.siteName) – Thể thao")
            #expect(try rss.nodes(forXPath: "/rss/channel/item/category").first?.stringValue == "Thể thao")
            #expect(try await desk.get("/chuyen-muc/khong-co/rss.xml").status == .notFound)
            let page = try await desk.get("/chuyen-muc/the-thao")
            #expect(page.body.contains("href=\"/chuyen-muc/the-thao/rss.xml\""))
            #expect(try await desk.get("/sitemap.xml").body.contains("<loc>https://bao.example.vn/chuyen-muc/the-thao</loc>"))
        }
    }

    @Test func listingsArePagedAndRevalidate() async throws {
        try await withDesk { desk in
            for number in 1...(HomePage.pageSize + 2) {
                let draft = ArticleDraft(
                    title: "Bài số \(number)", sapo: "Sapo.", body: [.paragraph("Nội dung.")],
                    publishedAt: Fixtures.now.addingTimeInterval(Double(number)), category: "Đời sống")
                _ = try await desk.store.articles.save(draft, now: Fixtures.now)
            }
            let first = try await desk.get("/")
            #expect(first.body.contains("Bài số \(HomePage.pageSize + 2)") && !first.body.contains(">Bài số 1<"))
            #expect(first.body.contains("href=\"/?trang=2\""))
            let second = try await desk.get("/?trang=2")
            #expect(second.body.contains(">Bài số 1<"))
            #expect(try await desk.get("/?trang=3").status == .notFound)
            #expect(try await desk.get("/?trang=abc").status == .notFound)
            #expect(try await desk.get("/chuyen-muc/doi-song?trang=2").body.contains(">Bài số 2<"))

            let etag = try await desk.client.execute(uri: "/", method: .get) { response in try #require(response.headers[.eTag]) }
            try await desk.client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            _ = try await desk.post(Self.article("Tin mới nhất trong ngày"))
            try await desk.client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
            }
        }
    }

    @Test func linksInCommentsAreMarkedUgcNofollowAndEverythingElseStaysText() async throws {
        try await withDesk { desk in
            let id = try desk.savedID(
                try await desk.post(Self.article("Bài cho bình luận có liên kết", extra: [("moderation", "post")])).location)
            let body = "Xem thêm tại https://vi.wikipedia.org/wiki/Hà_Nội. Còn <b>đây</b> thì javascript:alert(1) không phải liên kết."
            let comment = try jsonBody(["author": "Lan", "body": body])
            try await desk.client.execute(uri: "/api/v1/articles/\(id)/comments", method: .post, headers: jsonHeaders, body: comment) {
                response in #expect(response.status == .created)
            }
            let article = try #require(try await desk.store.articles.article(id: id))
            let html = try await desk.get(article.path).body
            #expect(
                html.contains(
                    "<a href=\"https://vi.wikipedia.org/wiki/Hà_Nội\" rel=\"ugc nofollow noopener\">https://vi.wikipedia.org/wiki/Hà_Nội</a>. Còn"
                ))
            #expect(html.contains("&lt;b&gt;đây&lt;/b&gt; thì javascript:alert(1) không"))
        }
    }

    @Test func commentTextLinksOnlyWebAddresses() {
        func render(_ text: String) -> String { String(decoding: Node.fragment(CommentText.nodes(text)).render(), as: UTF8.self) }
        #expect(render("không có liên kết") == "không có liên kết")
        #expect(
            render("(http://a.vn/x?y=1&z=2)")
                == "(<a href=\"http://a.vn/x?y=1&amp;z=2\" rel=\"ugc nofollow noopener\">http://a.vn/x?y=1&amp;z=2</a>)")
        #expect(render("xhttp://a.vn") == "xhttp://a.vn")
        #expect(render("https://") == "https://")
        #expect(
            render("\"https://a.vn\"onmouseover=x")
                == "\"<a href=\"https://a.vn\" rel=\"ugc nofollow noopener\">https://a.vn</a>\"onmouseover=x")
    }
}

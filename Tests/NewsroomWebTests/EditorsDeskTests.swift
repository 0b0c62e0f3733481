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

/// The editors' desk through the router: roles, the article form, slugs and redirects, revisions, covers, scheduled
/// publication, and what readers then see (topic pages, metadata, feeds).
@Suite struct EditorsDeskTests {
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
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
            // A current cover the form sends back must be one the media folder made.
            _ = try await desk.post(Self.article("Bài có ảnh bìa") + [("cover_current", "/media/../../etc/passwd")], to: article.id)
            #expect(try await desk.store.articles.article(id: article.id)?.coverImage == nil)

            let notImage = try await desk.post(Self.article("Ảnh giả"), files: [("cover", "bia.png", "image/png", Array("<svg/>".utf8))])
            #expect(notImage.status == .unprocessableContent)
            #expect(notImage.body.contains(Strings.message(for: .mediaInvalid)))
            #expect(try await desk.get("/media/khong-co.png").status == .notFound)
            #expect(try await desk.get("/media/..%2F..%2Fetc%2Fpasswd").status == .notFound)
        }
    }

    @Test func aScheduledArticleIsHiddenUntilItsTimeThenPublishesItself() async throws {
        try await Self.withDesk { desk in
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
        try await Self.withDesk { desk in
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
}

extension EditorsDeskTests {
    @Test func aBodyOverOneMegabyteIsRefusedUnrenderedWithTheFormKept() async throws {
        try await Self.withDesk { desk in
            let huge = String(repeating: "Một câu tiếng Việt có [liên kết](https://e.vn) và **chữ đậm**. ", count: 20_000)
            for action in ["save", "preview"] {
                var fields = Self.article("Bài quá dài", extra: [])
                fields.removeAll { $0.0 == "markdown" || $0.0 == "action" }
                fields += [("markdown", huge), ("action", action)]
                let answer = try await desk.post(fields)
                #expect(answer.status == .unprocessableContent, "\(action)")
                #expect(answer.body.contains("tối đa 1.024 KB"), "\(action)")
                #expect(answer.body.contains("Bài quá dài"), "\(action)")
                // A preview of it would answer 200: the 422 says it was refused before Ink rendered it.
            }
            #expect(try await desk.store.articles.count() == 0)
        }
    }
}

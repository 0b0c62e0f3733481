import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// The search page and `GET /api/v1/search` over the router.
@Suite struct SearchPageTests {
    func withArticles(_ body: @escaping @Sendable (any TestClientProtocol, [Article]) async throws -> Void) async throws {
        try await withApp { client, store in
            let first = try await store.article(
                ArticleDraft(
                    title: "Bộ Ngoại giao lên tiếng về tàu cá", sapo: "Người phát ngôn trả lời báo chí.",
                    body: [.paragraph("Bộ Ngoại giao đề nghị thả ngay các thuyền viên <b>vô tội</b>.")],
                    publishedAt: Fixtures.now.addingTimeInterval(-3600), category: "Thời sự"))
            let second = try await store.article(
                ArticleDraft(
                    title: "Đà Lạt vào mùa dã quỳ", sapo: "Hoa vàng rực dọc đèo.", body: [.paragraph("Du khách đổ về Đà Lạt.")],
                    publishedAt: Fixtures.now.addingTimeInterval(-86_400 * 3), category: "Du lịch"))
            try await body(client, [first, second])
        }
    }

    @Test func theAPIAnswersResultsWithEscapedHighlightedSnippets() async throws {
        try await withArticles { client, articles in
            try await client.execute(uri: "/api/v1/search?q=ngoai+giao", method: .get) { response throws in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["total"] as? Int == 1)
                let results = try #require(body["results"] as? [[String: Any]])
                let result = try #require(results.first)
                #expect(result["id"] as? Int == Int(articles[0].id))
                #expect(result["title"] as? String == "Bộ Ngoại giao lên tiếng về tàu cá")
                #expect(result["path"] as? String == articles[0].path)
                let snippet = try #require(result["snippet"] as? String)
                #expect(snippet.contains("<mark>Ngoại</mark> <mark>giao</mark>"))
                #expect(snippet.contains("&lt;b&gt;vô tội&lt;/b&gt;"))
                #expect(!snippet.contains("<b>"))
            }
            try await client.execute(uri: "/api/v1/search?q=%22%22%20*%20OR", method: .get) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/search?q=!!!", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(try json(response.body)["total"] as? Int == 0)
            }
            for bad in ["page=0", "page=abc", "from=29-11-2026", "to=hôm-qua"] {
                try await client.execute(uri: "/api/v1/search?q=da%20lat&\(bad)", method: .get) { response throws in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect(try errorCode(response.body) == "invalid_field", "\(bad)")
                }
            }
            try await client.execute(uri: "/api/v1/search?q=da%20lat&category=thoi-su", method: .get) { response throws in
                #expect(try json(response.body)["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/v1/search?q=da%20lat&category=du-lich&from=2026-01-01", method: .get) { response throws in
                #expect(try json(response.body)["total"] as? Int == 1)
            }
        }
    }

    @Test func thePageShowsMarkedTitlesAndSnippetsAndKeepsTheForm() async throws {
        try await withArticles { client, articles in
            try await client.execute(uri: "/tim-kiem?q=%C4%91a%20lat", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("value=\"đa lat\""))
                #expect(html.contains("1 kết quả cho «đa lat»"))
                // Every word the query folds to is marked, in its own diacritics ("da" is dã as well as Đà).
                #expect(html.contains("<a href=\"\(articles[1].path)\"><mark>Đà</mark> <mark>Lạt</mark> vào mùa <mark>dã</mark> quỳ</a>"))
                #expect(html.contains("<p class=\"search-snippet\">… dọc đèo. Du khách đổ về <mark>Đà</mark> <mark>Lạt</mark>.</p>"))
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
            }
            try await client.execute(uri: "/tim-kiem?q=kh%C3%B4ng%20c%C3%B3%20g%C3%AC", method: .get) { response in
                #expect(response.body.text.contains("Không tìm thấy bài viết nào cho «không có gì»"))
            }
            try await client.execute(uri: "/tim-kiem?q=%3Cscript%3Ealert(1)%3C/script%3E", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.body.text.contains("<script>alert"))
            }
            try await client.execute(uri: "/tim-kiem?q=hoa&trang=0", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("Số trang phải từ 1 đến 1000."))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.body.text.contains("action=\"/tim-kiem\""))
            }
        }
    }

    @Test func moderatorsSearchCommentsOfEveryStatusInTheDesk() async throws {
        try await withStaffApp { client, store in
            let article = try await store.article()
            for (author, body, status) in [
                ("Hoàng Lan", "Giá vé xe buýt quá đắt", CommentStatus.pending), ("Minh Tú", "Cảm ơn bài viết", .published),
                ("Khách", "Mua vé rẻ tại đây", .spam),
            ] {
                _ = try await store.comments.insert(
                    NewComment(
                        articleID: article.id, parentID: nil, replyToID: nil, author: author, email: nil, body: body, status: status,
                        clientFingerprint: "c", createdAt: Fixtures.now))
            }
            try await store.staffMember()
            let moderator = try await signIn(client)
            try await client.execute(uri: "/admin/moderation?tim=gia+ve", method: .get, headers: moderator.headers) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("1 bình luận khớp với «gia ve»"))
                #expect(html.contains("Giá vé xe buýt quá đắt"))
                #expect(!html.contains("Cảm ơn bài viết"))
            }
            try await client.execute(uri: "/admin/moderation?tim=ve", method: .get, headers: moderator.headers) { response in
                let html = response.body.text
                #expect(html.contains("2 bình luận khớp với «ve»"))
                #expect(html.contains("Mua vé rẻ tại đây") && html.contains(CommentStatus.spam.label))
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// The plain HTML forms, as a browser without JavaScript uses them.
@Suite struct CommentFormTests {
    /// Opens the article page and returns its form token, as a browser would have it.
    func token(_ article: Article, client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: article.path, method: .get) { response in
            try #require(formToken(in: response.body.text))
        }
    }

    @Test func postingUnderPostModeRedirectsToThePublishedComment() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let token = try await token(article, client: client)
            let location = try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([
                    ("articleId", "\(article.id)"), ("formToken", token), ("website", ""),
                    ("author", "Bảo Ngọc"), ("email", ""), ("body", "Dòng đầu\r\nDòng sau"),
                ])
            ) { response throws in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let comment = try #require(try await store.comments.list(status: nil).first)
            #expect(location == "\(article.path)#binh-luan-\(comment.id)")
            #expect(comment.status == .published)
            #expect(comment.body == "Dòng đầu\nDòng sau")
            try await client.execute(uri: article.path, method: .get) { response throws in
                let lines = visibleLines(response.body.text)
                #expect(lines.contains { $0.hasPrefix("Bảo Ngọc") })
                #expect(lines.contains("1 bình luận"))
                #expect(response.body.text.contains("id=\"binh-luan-\(comment.id)\""))
                #expect(!lines.contains(Strings.empty))
            }
        }
    }

    @Test func postingUnderPreModeShowsTheWaitingNoticeAndHidesTheComment() async throws {
        try await withApp(moderation: .pre) { client, store in
            let article = try await store.article()
            let token = try await token(article, client: client)
            let location = try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([("articleId", "\(article.id)"), ("formToken", token), ("author", "Khánh"), ("body", "Chờ duyệt nhé")])
            ) { response throws in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let comment = try #require(try await store.comments.list(status: .pending).first)
            #expect(location == "\(article.path)?cho-duyet=\(comment.id)#binh-luan-\(comment.id)")
            let path = String(location.prefix(while: { $0 != "#" }))
            try await client.execute(uri: path, method: .get) { response throws in
                let lines = visibleLines(response.body.text)
                #expect(lines.contains(Strings.pendingNotice))
                #expect(!lines.contains("Chờ duyệt nhé"))
                #expect(lines.contains(Strings.empty))
            }
        }
    }

    @Test func anInvalidCommentReRendersThePageWithTheMessageAndTheTextKept() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let token = try await token(article, client: client)
            let long = String(repeating: "ữ", count: 1501) + "<b>\"đậm\"</b>"
            try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([
                    ("articleId", "\(article.id)"), ("formToken", token), ("author", "Tú <Anh>"), ("email", "tu@example.vn"),
                    ("body", long),
                ])
            ) { response throws in
                #expect(response.status == .unprocessableContent)
                let html = response.body.text
                #expect(html.contains("Bình luận dài 1.513 ký tự, tối đa 1.500 ký tự."))
                #expect(html.contains("&lt;b&gt;\"đậm\"&lt;/b&gt;</textarea>"))
                #expect(html.contains("value=\"Tú &lt;Anh&gt;\""))
                #expect(html.contains("value=\"tu@example.vn\""))
                #expect(html.contains("aria-invalid=\"true\""))
                #expect(!html.contains("<b>\"đậm\"</b>"))
            }
            #expect(try await store.comments.list(status: nil).isEmpty)
        }
    }

    @Test func aFormWithoutAValidTokenIsRefusedWithTheTextKept() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            for token in ["", "1.deadbeef"] {
                try await client.execute(
                    uri: "/binh-luan", method: .post, headers: formHeaders,
                    body: formBody([("articleId", "\(article.id)"), ("formToken", token), ("author", "An"), ("body", "Giữ lại chữ này")])
                ) { response throws in
                    #expect(response.status == .forbidden)
                    #expect(response.body.text.contains(Strings.message(for: .csrfInvalid)))
                    #expect(response.body.text.contains("Giữ lại chữ này</textarea>"))
                }
            }
            #expect(try await store.comments.list(status: nil).isEmpty)
        }
    }

    @Test func replyingAndLikingWorkThroughForms() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let top = try await store.comments.insert(Fixtures.comment(article: article.id, author: "Hạnh"))
            // The reply link opens a reply form under the comment.
            let token = try await client.execute(uri: "\(article.path)?tra-loi=\(top.id)", method: .get) { response throws in
                #expect(response.body.text.contains("id=\"tra-loi-\(top.id)\""))
                #expect(response.body.text.contains("name=\"parentId\" value=\"\(top.id)\""))
                return try #require(formToken(in: response.body.text))
            }
            try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([
                    ("articleId", "\(article.id)"), ("parentId", "\(top.id)"), ("formToken", token), ("author", "Phúc"),
                    ("body", "Cảm ơn chị"),
                ])
            ) { response throws in
                #expect(response.status == .seeOther)
            }
            let reply = try #require(try await store.comments.list(status: nil).last)
            #expect(reply.parentID == top.id)

            var cookie = reader("c")
            cookie[.contentType] = nil
            for _ in 0..<2 {
                try await client.execute(uri: "/binh-luan/\(reply.id)/thich", method: .post, headers: cookie) { response throws in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "\(article.path)#binh-luan-\(reply.id)")
                }
            }
            #expect(try await store.comments.comment(id: reply.id)?.likes == 1)
            try await client.execute(uri: "/binh-luan/999/thich", method: .post) { response throws in
                #expect(response.status == .notFound)
                #expect(response.body.text.contains("Không tìm thấy"))
            }
        }
    }

    @Test func anErrorOnAReplyKeepsTheReplyFormOpenUnderItsComment() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let top = try await store.comments.insert(Fixtures.comment(article: article.id))
            let token = try await token(article, client: client)
            try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([
                    ("articleId", "\(article.id)"), ("parentId", "\(top.id)"), ("formToken", token), ("author", ""), ("body", "Trả lời dở"),
                ])
            ) { response throws in
                #expect(response.status == .unprocessableContent)
                let html = response.body.text
                let replyForm = try #require(html.range(of: "id=\"tra-loi-\(top.id)\""))
                #expect(html[replyForm.upperBound...].contains("Trả lời dở</textarea>"))
                #expect(html.contains(Strings.message(for: .authorMissing)))
            }
        }
    }

    @Test func aFormSentFasterThanAPersonWritesIsHeld() async throws {
        try await TestStore.with { store in
            let clock = TestClock(Fixtures.now)
            let config = AppConfig(moderation: .post, commentLimits: [], secret: testSecret, pageRecheckInterval: 0)
            let app = Application(router: buildRouter(config, store: store, now: { clock.now }))
            try await app.test(.router) { client in
                let article = try await store.article()
                let token = try await client.execute(uri: article.path, method: .get) { try #require(formToken(in: $0.body.text)) }
                for (delay, body) in [(0.5, "Gửi ngay tức thì"), (10.0, "Gửi sau khi đọc")] {
                    clock.advance(by: delay)
                    try await client.execute(
                        uri: "/binh-luan", method: .post, headers: formHeaders,
                        body: formBody([("articleId", "\(article.id)"), ("formToken", token), ("author", "An"), ("body", body)])
                    ) { #expect($0.status == .seeOther) }
                }
                let fast = try #require(try await store.comments.list(status: .pending).first)
                #expect(fast.body == "Gửi ngay tức thì")
                #expect(fast.heldReason == "Gửi quá nhanh sau khi mở trang")
                #expect(try await store.comments.list(status: .published).map(\.body) == ["Gửi sau khi đọc"])
            }
        }
    }
}

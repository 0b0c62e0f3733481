import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// The word rules on every comment, whatever the moderation mode, and what the desk then shows.
@Suite struct CommentRulesTests {
    func post(
        _ body: String, to article: Article, client: any TestClientProtocol
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.execute(
            uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
            body: try jsonBody(["author": "Khách", "body": body])
        ) { ($0.status, try json($0.body)) }
    }

    @Test func aBannedWordIsRefusedAndKeptForTheDeskWithTheReason() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let (status, body) = try await post("Bài viết như đ.m", to: article, client: client)
            #expect(status == .unprocessableContent)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "comment_rejected")
            let kept = try #require(try await store.comments.list(status: .rejected).first)
            #expect(kept.body == "Bài viết như đ.m")
            #expect(kept.heldReason == "Từ bị cấm: «đ.m»")
            #expect(kept.heldWords == ["đ.m"])
            try await client.execute(uri: article.path, method: .get) { #expect(!$0.body.text.contains("Bài viết như")) }
        }
    }

    @Test func aSuspectWordHoldsEvenUnderPostModeAndTheDeskHighlightsIt() async throws {
        try await withStaffApp(moderation: .post) { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let created = try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Khách", "body": "Tác giả ngu <b>thật</b>"])
            ) { response throws in
                #expect(response.status == .created)
                return try json(response.body)
            }
            #expect((created["comment"] as? [String: Any])?["status"] as? String == "pending")
            #expect(created["notice"] as? String == "Bình luận của bạn đang chờ duyệt")
            let browser = try await signIn(client)
            try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) { response throws in
                let html = response.body.text
                #expect(html.contains("Tác giả <mark>ngu</mark> &lt;b&gt;thật&lt;/b&gt;"))
                #expect(html.contains("Từ cần xem xét: «ngu»"))
            }
        }
    }

    @Test func listsEditedInTheDatabaseApplyToNewComments() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            try await store.words.add([WordRule("quảng cáo lậu", .banned)])
            #expect(try await post("Có quảng cáo lậu ở đây", to: article, client: client).status == .unprocessableContent)
            // Typed without any diacritic it may be other words: held for a moderator instead of refused.
            let unmarked = try await post("Quang cao lau khong dau van bi bat", to: article, client: client)
            #expect(unmarked.status == .created)
            #expect((unmarked.json["comment"] as? [String: Any])?["status"] as? String == "pending")
            #expect(try await post("Quảng cáo hợp pháp thì không sao", to: article, client: client).status == .created)
        }
    }
}

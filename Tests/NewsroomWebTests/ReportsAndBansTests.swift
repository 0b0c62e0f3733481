import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Readers' reports, moderators' bans, trust earned by approved comments, and the retention of rejected ones.
@Suite struct ReportsAndBansTests {
    /// A reader with a signed cookie, each from an address of its own.
    func reader(_ letter: Character) -> HTTPFields {
        NewsroomWebTests.reader(String(letter), address: "192.0.2.\(letter.asciiValue ?? 1)")
    }

    @Test func threeReportsSendACommentBackToTheQueue() async throws {
        try await withLiveApp(moderation: .post) { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Bình luận gây tranh cãi"))
            let uri = "/api/v1/comments/\(comment.id)/reports"
            for (reader, expected) in [("a", 1), ("a", 1), ("b", 2)] {
                try await client.execute(
                    uri: uri, method: .post, headers: self.reader(Character(reader)), body: try jsonBody(["reason": "xuc-pham"])
                ) {
                    response throws in
                    #expect(response.status == .ok)
                    #expect(try json(response.body)["reports"] as? Int == expected)
                }
            }
            try await client.execute(uri: uri, method: .post, headers: reader("c"), body: try jsonBody(["reason": "vì thích"])) {
                response throws in
                #expect(response.status == .badRequest)
                #expect(try errorCode(response.body) == "invalid_field")
            }
            #expect(try await store.comments.comment(id: comment.id)?.status == .published)
            try await client.execute(uri: uri, method: .post, headers: reader("c"), body: try jsonBody(["reason": "spam"])) {
                #expect($0.status == .ok)
            }
            let held = try #require(try await store.comments.comment(id: comment.id))
            #expect(held.status == .pending)
            #expect(held.heldReason == "Bị báo cáo 3 lần")
            try await client.execute(uri: article.path, method: .get) { #expect(!$0.body.text.contains("Bình luận gây tranh cãi")) }
        }
    }

    @Test func theReportFormWorksWithoutJavaScript() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            try await client.execute(uri: article.path, method: .get) { response throws in
                #expect(response.body.text.contains("href=\"/binh-luan/\(comment.id)/bao-cao\""))
                #expect(visibleLines(response.body.text).contains { $0.hasPrefix("Báo cáo vi phạm") })
            }
            try await client.execute(uri: "/binh-luan/\(comment.id)/bao-cao", method: .get) { response throws in
                #expect(response.status == .ok)
                let lines = visibleLines(response.body.text)
                #expect(lines.contains("Bài viết hay quá!"))
                #expect(lines.contains("Xúc phạm, thô tục"))
                #expect(response.body.text.contains("action=\"/binh-luan/\(comment.id)/bao-cao\""))
            }
            let location = try await client.execute(
                uri: "/binh-luan/\(comment.id)/bao-cao", method: .post, headers: formHeaders, body: formBody([("reason", "spam")])
            ) { response throws in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(try await store.comments.comment(id: comment.id)?.reports == 1)
            try await client.execute(uri: String(location.prefix(while: { $0 != "#" })), method: .get) { response throws in
                #expect(visibleLines(response.body.text).contains(Strings.reportThanks))
            }
        }
    }

    @Test func aBannedReaderIsRefusedAfterwards() async throws {
        try await withStaffApp(moderation: .post) { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let post: @Sendable (String, String) async throws -> HTTPResponse.Status = { email, body in
                try await client.execute(
                    uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                    body: try jsonBody(["author": "Kẻ phá", "email": email, "body": body])
                ) { $0.status }
            }
            #expect(try await post("pha@example.vn", "Lần đầu") == .created)
            let comment = try #require(try await store.comments.list(status: .published).first)
            let browser = try await signIn(client)
            try await client.execute(uri: "/api/v1/moderation/comments/\(comment.id)/ban", method: .post, headers: browser.headers()) {
                #expect($0.status == .ok)
            }
            #expect(try await store.comments.comment(id: comment.id)?.status == .rejected)
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Kẻ phá", "email": "pha@example.vn", "body": "Lần nữa"])
            ) { response throws in
                #expect(response.status == .forbidden)
                #expect(try errorCode(response.body) == "forbidden")
                #expect((try json(response.body)["error"] as? [String: Any])?["message"] as? String == Strings.banned)
            }
            #expect(try await store.comments.list(status: nil).count == 1)
            #expect(try await store.moderation.log(comment: comment.id, limit: 5).map(\.action) == [.reject])
        }
    }

    @Test func anEmailWithApprovedCommentsIsTrustedUnderPreModeration() async throws {
        try await TestStore.with { store in
            let config = AppConfig(moderation: .pre, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, trustAfter: 2)
            let app = Application(router: buildRouter(config, store: store))
            try await app.test(.router) { client in
                let article = try await store.article()
                for index in 0..<2 {
                    _ = try await store.comments.insert(
                        NewComment(
                            articleID: article.id, author: "Quen", email: "quen@example.vn", body: "Cũ \(index)", status: .published,
                            clientFingerprint: "x", createdAt: Fixtures.now))
                }
                func status(_ email: String) async throws -> String? {
                    try await client.execute(
                        uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                        body: try jsonBody(["author": "Ai đó", "email": email, "body": "Ý kiến của \(email)"])
                    ) { (try json($0.body)["comment"] as? [String: Any])?["status"] as? String }
                }
                #expect(try await status("quen@example.vn") == "published")
                #expect(try await status("moi@example.vn") == "pending")
            }
        }
    }

    @Test func rejectedCommentsAreDeletedAfterTheRetentionPeriodButTheirRepliesStay() async throws {
        try await TestStore.with { store in
            let article = try await store.article()
            let old = Fixtures.now.addingTimeInterval(-40 * 86_400)
            let rejected = try await store.comments.insert(
                Fixtures.comment(article: article.id, body: "Cũ, bị từ chối", status: .rejected, at: old))
            let spam = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Spam cũ", status: .spam, at: old))
            let recent = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Mới, bị từ chối", status: .rejected))
            let parent = try await store.comments.insert(
                Fixtures.comment(article: article.id, body: "Gốc bị từ chối có trả lời", status: .rejected, at: old))
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Trả lời đã đăng", parent: parent.id))
            let deleted = try await store.standing.deleteRejected(before: Fixtures.now.addingTimeInterval(-30 * 86_400))
            #expect(deleted == 2)
            let left = try await store.comments.list(status: nil).map(\.id)
            #expect(!left.contains(rejected.id) && !left.contains(spam.id))
            #expect(left.contains(recent.id) && left.contains(parent.id))
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Every row of DESIGN.md's error table, over the wire where this release can reach it; nothing is stored
/// for a refused comment.
@Suite struct ErrorTableTests {
    /// Posts `body` as a comment and checks the status, the code, a Vietnamese message, and that nothing was stored.
    func expectRefusal(
        _ body: ByteBuffer, status: Int, code: String, article: Article? = nil, headers: HTTPFields = jsonHeaders,
        client: any TestClientProtocol, store: NewsroomStorage.Store
    ) async throws {
        var target = article
        if target == nil { target = try await store.article() }
        let articleID = target!.id
        let before = try await store.comments.list(status: nil).count
        try await client.execute(uri: "/api/v1/articles/\(articleID)/comments", method: .post, headers: headers, body: body) {
            response throws in
            #expect(Int(response.status.code) == status, "\(code)")
            #expect(try errorCode(response.body) == code)
            let message = (try json(response.body)["error"] as? [String: Any])?["message"] as? String
            #expect(message?.isEmpty == false)
        }
        #expect(try await store.comments.list(status: nil).count == before, "\(code) stored something")
    }

    @Test func malformedRequestsAre400() async throws {
        try await withApp { client, store in
            try await expectRefusal(ByteBuffer(string: "{\"author\": "), status: 400, code: "invalid_json", client: client, store: store)
            try await expectRefusal(ByteBuffer(string: "[1, 2]"), status: 400, code: "invalid_json", client: client, store: store)
            try await expectRefusal(
                ByteBuffer(bytes: Array("{\"author\":\"A\",\"body\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)),
                status: 400, code: "invalid_utf8", client: client, store: store)
            try await expectRefusal(
                try jsonBody(["author": 42, "body": "Xin chào"]), status: 400, code: "invalid_field", client: client, store: store)
            try await expectRefusal(
                try jsonBody(["author": "An", "body": "Xin chào", "parentId": "một"]), status: 400, code: "invalid_field", client: client,
                store: store)
            let article = try await store.article()
            for query in ["sort=hot", "limit=0", "limit=abc", "cursor=x.y.z"] {
                try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?\(query)", method: .get) { response throws in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(try errorCode(response.body) == "invalid_field")
                }
            }
        }
    }

    @Test func aBadFormTokenIs403() async throws {
        try await withApp { client, store in
            try await expectRefusal(
                try jsonBody(["author": "An", "body": "Xin chào", "formToken": "123.abc"]), status: 403, code: "csrf_invalid",
                client: client, store: store)
        }
    }

    @Test func missingThingsAre404() async throws {
        try await withApp { client, store in
            for (uri, method, code) in [
                ("/api/v1/articles/999", HTTPRequest.Method.get, "article_not_found"),
                ("/api/v1/articles/999/comments", .get, "article_not_found"),
                ("/api/v1/comments/999/replies", .get, "comment_not_found"),
                ("/api/v1/comments/999/likes", .post, "comment_not_found"),
                ("/api/v1/khong-co", .get, "not_found"),
            ] {
                try await client.execute(uri: uri, method: method) { response throws in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(try errorCode(response.body) == code, "\(uri)")
                }
            }
            try await expectRefusal(
                try jsonBody(["author": "An", "body": "Xin chào"]), status: 404, code: "article_not_found",
                article: Article(id: 999, slug: "x", title: "x", sapo: "", body: [], publishedAt: Fixtures.now, updatedAt: Fixtures.now),
                client: client, store: store)
        }
    }

    @Test func theSameCommentTwiceIs409() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let body = try jsonBody(["author": "An", "body": "Một ý kiến"])
            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders, body: body) {
                #expect($0.status == .created)
            }
            try await expectRefusal(body, status: 409, code: "duplicate_comment", article: article, client: client, store: store)
        }
    }

    @Test func aBodyOver64KiBIs413() async throws {
        try await withApp { client, store in
            let huge = try jsonBody(["author": "An", "body": String(repeating: "á", count: 40_000)])
            #expect(huge.readableBytes > 64 * 1024)
            try await expectRefusal(huge, status: 413, code: "body_too_large", client: client, store: store)
        }
    }

    @Test func commentsThatBreakTheRulesAre422() async throws {
        try await withApp { client, store in
            let cases: [([String: Any], String)] = [
                (["author": "An", "body": "  \n\t "], "comment_empty"),
                (["author": "An"], "comment_empty"),
                (["author": "An", "body": String(repeating: "ệ", count: 1501)], "comment_too_long"),
                (["author": " ", "body": "Xin chào"], "author_missing"),
                (["body": "Xin chào"], "author_missing"),
                (["author": String(repeating: "Ơ", count: 51), "body": "Xin chào"], "author_too_long"),
                (["author": "An", "email": "an@@example", "body": "Xin chào"], "email_invalid"),
                (["author": "An", "body": "Xin chào", "parentId": 12345], "parent_invalid"),
                (["author": "An", "body": "Xin cha\u{0300}\u{0301}\u{0302}\u{0303}o"], "invalid_text"),
                (["author": "A\u{0300}\u{0301}\u{0302}\u{0303}n", "body": "Xin chào"], "invalid_text"),
                (["author": "An", "body": "Mua hàng giá rẻ", "website": "http://spam.example"], "comment_rejected"),
            ]
            for (fields, code) in cases {
                try await expectRefusal(try jsonBody(fields), status: 422, code: code, client: client, store: store)
            }
            var closed = Fixtures.draft(title: "Bài đã đóng bình luận")
            closed.commentsOpen = false
            let closedArticle = try await store.article(closed)
            try await expectRefusal(
                try jsonBody(["author": "An", "body": "Xin chào"]), status: 422, code: "comments_closed",
                article: closedArticle, client: client, store: store)
        }
    }

    @Test func tooManyCommentsAre429WithRetryAfter() async throws {
        try await withApp(limits: [RateLimit(2, per: 60)]) { client, store in
            let article = try await store.article()
            for index in 0..<2 {
                try await client.execute(
                    uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                    body: try jsonBody(["author": "An", "body": "Ý kiến \(index)"])
                ) { #expect($0.status == .created) }
            }
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "An", "body": "Ý kiến thứ ba"])
            ) { response throws in
                #expect(response.status == .tooManyRequests)
                #expect(try errorCode(response.body) == "rate_limited")
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
            }
            #expect(try await store.comments.list(status: nil).count == 2)
        }
    }

    /// 401 and 403 `forbidden` belong to staff routes, which arrive with the moderation desk; their answer is the
    /// same mapping every other error goes through.
    @Test func everyCodeMapsToItsStatusAndAVietnameseJSONBody() throws {
        for code in NewsroomError.Code.allCases {
            let response = ErrorMiddleware.response(for: NewsroomError(code), path: "/api/v1/x")
            #expect(Int(response.status.code) == code.status)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
        #expect(NewsroomError.Code.unauthenticated.status == 401)
        #expect(NewsroomError.Code.forbidden.status == 403)
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

@Suite struct ModerationTests {
    func post(_ body: String, to article: Article, client: any TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(
            uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
            body: try jsonBody(["author": "Vy", "body": body])
        ) { response throws in
            #expect(response.status == .created)
            let body = try json(response.body)
            let comment = try #require(body["comment"] as? [String: Any])
            // The API tells the reader what happened, in the same words as the form.
            let published = comment["status"] as? String == "published"
            #expect(body["notice"] as? String == (published ? "Bình luận của bạn đã được đăng" : "Bình luận của bạn đang chờ duyệt"))
            return comment
        }
    }

    func visible(_ article: Article, client: any TestClientProtocol) async throws -> (page: [String], api: [String], total: Int?) {
        let page = try await client.execute(uri: article.path, method: .get) { visibleLines($0.body.text) }
        let api = try await client.execute(uri: "/api/v1/articles/\(article.id)/comments", method: .get) { try json($0.body) }
        let bodies = (api["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
        return (page, bodies, api["total"] as? Int)
    }

    @Test func preModerationHidesPendingCommentsUntilApproved() async throws {
        try await withApp(moderation: .pre) { client, store in
            let article = try await store.article()
            let comment = try await post("Đang chờ duyệt đây", to: article, client: client)
            #expect(comment["status"] as? String == "pending")
            var seen = try await visible(article, client: client)
            #expect(!seen.page.contains("Đang chờ duyệt đây"))
            #expect(seen.api.isEmpty)
            #expect(seen.total == 0)
            let id = try #require(comment["id"] as? Int)
            try await client.execute(uri: "/api/v1/comments/\(id)/likes", method: .post) { #expect($0.status == .notFound) }

            _ = try await store.comments.setStatus(.published, ids: [Comment.ID(id)])
            seen = try await visible(article, client: client)
            #expect(seen.page.contains("Đang chờ duyệt đây"))
            #expect(seen.api == ["Đang chờ duyệt đây"])
            #expect(seen.total == 1)
        }
    }

    @Test func postModerationPublishesAtOnceAndRejectionTakesItDown() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let comment = try await post("Đăng ngay", to: article, client: client)
            #expect(comment["status"] as? String == "published")
            var seen = try await visible(article, client: client)
            #expect(seen.page.contains("Đăng ngay"))
            #expect(seen.api == ["Đăng ngay"])

            _ = try await store.comments.setStatus(.rejected, ids: [Comment.ID(try #require(comment["id"] as? Int))])
            seen = try await visible(article, client: client)
            #expect(!seen.page.contains("Đăng ngay"))
            #expect(seen.api.isEmpty)
            #expect(seen.page.contains(Strings.empty))
        }
    }

    @Test func fifteenHundredCharactersAreAcceptedInAnyNormalFormAndStoredAsNFC() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            // "ệ" typed as e + combining dot below + combining circumflex: 3 scalars, 1 character.
            let nfd = String(repeating: "e\u{0323}\u{0302}", count: 1499) + "👨‍👩‍👧"
            #expect(nfd.count == 1500)
            #expect(nfd.utf16.count > 1500)
            let comment = try await post(nfd, to: article, client: client)
            let id = try #require(comment["id"] as? Int)
            let stored = try #require(try await store.comments.comment(id: Comment.ID(id)))
            #expect(stored.body.unicodeScalars.elementsEqual(nfd.precomposedStringWithCanonicalMapping.unicodeScalars))
            #expect(stored.body.count == 1500)

            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Vy", "body": nfd + "e\u{0323}\u{0302}"])
            ) { response throws in
                #expect(response.status == .unprocessableContent)
                #expect(try errorCode(response.body) == "comment_too_long")
            }
        }
    }

    @Test func readerTextNeverBecomesMarkup() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
            _ = try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "\"><svg onload=alert(3)>", "body": attack])
            ) { #expect($0.status == .created) }
            try await client.execute(uri: article.path, method: .get) { response throws in
                let html = response.body.text
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("<svg"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(2)&gt;"))
                #expect(visibleLines(html).contains(attack))
            }
            // A reply link built from query parameters escapes them too.
            try await client.execute(uri: "\(article.path)?sort=%22%3E%3Cscript%3E", method: .get) { response throws in
                #expect(!response.body.text.contains("\"><script>"))
            }
        }
    }
}

extension ModerationTests {
    @Test func filtersThatAreNotIdsAreRefusedNotIgnored() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let browser = try await signIn(client)
            for uri in [
                "/api/v1/moderation/counts?article=abc", "/api/v1/moderation/log?comment=9223372036854775808",
                "/api/v1/moderation/comments?article=-1",
            ] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/moderation/counts?article=", method: .get, headers: browser.headers) {
                #expect($0.status == .ok)
            }
        }
    }
}

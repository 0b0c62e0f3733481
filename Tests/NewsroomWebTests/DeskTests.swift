import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// The moderation desk, through its pages and its API.
@Suite struct DeskTests {
    func formHeaders(_ browser: StaffBrowser) -> HTTPFields {
        [.cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded"]
    }

    @Test func theDeskShowsEachPendingCommentWithItsContextAndApprovesIt() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let top = try await store.comments.insert(Fixtures.comment(article: article.id, author: "Ngọc", body: "Ý kiến gốc"))
            let reply = try await store.comments.insert(
                Fixtures.comment(article: article.id, author: "Tâm", body: "Không đồng ý <b>chút nào</b>", status: .pending, parent: top.id)
            )
            let browser = try await signIn(client)
            try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) { response throws in
                let lines = visibleLines(response.body.text)
                #expect(lines.contains { $0.hasPrefix("Chờ duyệt 1") })
                #expect(lines.contains("Không đồng ý <b>chút nào</b>"))
                #expect(lines.contains("Ý kiến gốc"))  // the comment it answers
                #expect(lines.contains("Trả lời Ngọc:"))
                #expect(lines.contains { $0.contains(article.title) })
                #expect(lines.contains { $0.contains("Đang chờ duyệt") })
                #expect(!response.body.text.contains("<b>chút nào</b>"))
            }
            try await client.execute(
                uri: "/admin/moderation/hanh-dong", method: .post, headers: formHeaders(browser),
                body: formBody([("_csrf", browser.csrf), ("one", "approve:\(reply.id)"), ("back", "/admin/moderation?hang=cho-duyet")])
            ) { response throws in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/admin/moderation?hang=cho-duyet&da=approve&so=1")
            }
            #expect(try await store.comments.comment(id: reply.id)?.status == .published)
            try await client.execute(uri: article.path, method: .get) {
                #expect(visibleLines($0.body.text).contains("Không đồng ý <b>chút nào</b>"))
            }
            let log = try await store.moderation.log(comment: reply.id, limit: 10)
            #expect(log.map(\.action) == [.approve])
            #expect(log.first?.staffEmail == "kiemduyet@toasoan.vn")
            #expect(log.first?.before == "pending")
            #expect(log.first?.after == "published")
        }
    }

    @Test func bulkActionsAndCorrectionsAreLogged() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let first = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Quảng cáo một", status: .pending))
            let second = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Quảng cáo hai", status: .pending))
            let typo = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Bài viêt hay qúa", status: .pending))
            let browser = try await signIn(client)
            try await client.execute(
                uri: "/admin/moderation/hanh-dong", method: .post, headers: formHeaders(browser),
                body: formBody([("_csrf", browser.csrf), ("action", "spam"), ("ids", "\(first.id)"), ("ids", "\(second.id)")])
            ) { #expect($0.status == .seeOther) }
            #expect(try await store.comments.list(status: .spam).map(\.id) == [first.id, second.id])

            try await client.execute(
                uri: "/admin/moderation/\(typo.id)/sua", method: .post, headers: formHeaders(browser),
                body: formBody([("_csrf", browser.csrf), ("body", "Bài viết hay quá"), ("approve", "1")])
            ) { #expect($0.status == .seeOther) }
            let corrected = try #require(try await store.comments.comment(id: typo.id))
            #expect(corrected.body == "Bài viết hay quá")
            #expect(corrected.status == .published)
            let log = try await store.moderation.log(comment: typo.id, limit: 10)
            #expect(log.map(\.action) == [.approve, .edit])
            #expect(log.last?.before == "Bài viêt hay qúa")
            #expect(log.last?.after == "Bài viết hay quá")

            try await client.execute(uri: "/admin/moderation/nhat-ky", method: .get, headers: browser.headers) { response throws in
                let lines = visibleLines(response.body.text)
                // The header's counts are on every staff page, both of them, for the refresh to update.
                #expect(response.body.text.contains("data-count=\"pending\">0<"))
                #expect(response.body.text.contains("data-count=\"reported\">0<"))
                #expect(lines.contains("Bài viêt hay qúa"))
                #expect(lines.contains("Bài viết hay quá"))
                #expect(lines.filter { $0 == "Đánh dấu spam" }.count == 2)
            }
        }
    }

    @Test func theModerationAPIListsCountsActsAndEdits() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let other = try await store.article(Fixtures.draft(title: "Bài khác"))
            let pending = try await store.comments.insert(
                NewComment(
                    articleID: article.id, author: "Lý", email: "ly@example.vn", body: "Chờ", status: .pending, clientFingerprint: "x",
                    createdAt: Fixtures.now))
            _ = try await store.comments.insert(Fixtures.comment(article: other.id, body: "Ở bài khác", status: .pending))
            let browser = try await signIn(client)
            try await client.execute(uri: "/api/v1/moderation/counts", method: .get, headers: browser.headers) { response throws in
                let counts = try json(response.body)
                #expect(counts["pending"] as? Int == 2)
                #expect(counts["published"] as? Int == 0)
            }
            try await client.execute(
                uri: "/api/v1/moderation/comments?queue=pending&article=\(article.id)", method: .get, headers: browser.headers
            ) {
                response throws in
                let items = try #require(try json(response.body)["comments"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect(items.first?["email"] as? String == "ly@example.vn")  // staff see the e-mail; readers never do
                #expect(items.first?["articleTitle"] as? String == article.title)
            }
            try await client.execute(
                uri: "/api/v1/moderation/comments/\(pending.id)", method: .patch, headers: browser.headers(json: true),
                body: try jsonBody(["body": "Chờ duyệt nhé", "approve": true])
            ) { response throws in
                #expect(response.status == .ok)
                let comment = try #require(try json(response.body)["comment"] as? [String: Any])
                #expect(comment["body"] as? String == "Chờ duyệt nhé")
                #expect(comment["status"] as? String == "published")
            }
            try await client.execute(
                uri: "/api/v1/moderation/comments/bulk", method: .post, headers: browser.headers(json: true),
                body: try jsonBody(["action": "reject", "ids": [pending.id, 999_999]])
            ) { response throws in
                #expect(try json(response.body)["changed"] as? [Int] == [Int(pending.id)])
            }
            try await client.execute(uri: "/api/v1/moderation/comments/999999/approve", method: .post, headers: browser.headers()) {
                response throws in
                #expect(response.status == .notFound)
                #expect(try errorCode(response.body) == "comment_not_found")
            }
            try await client.execute(uri: "/api/v1/moderation/log?comment=\(pending.id)", method: .get, headers: browser.headers) {
                response throws in
                let entries = try #require(try json(response.body)["entries"] as? [[String: Any]])
                #expect(entries.compactMap { $0["action"] as? String } == ["reject", "approve", "edit"])
            }
        }
    }
}

@Suite struct DeskWordsTests {
    @Test func moderatorsEditTheWordListsInTheDeskAndTheyApplyAtOnce() async throws {
        try await withStaffApp(moderation: .post) { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let browser = try await signIn(client)
            let headers: HTTPFields = [.cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(
                uri: "/admin/moderation/tu-khoa", method: .post, headers: headers,
                body: formBody([("_csrf", browser.csrf), ("phrase", "Bóng Cười"), ("kind", "banned"), ("action", "add")])
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/admin/moderation/tu-khoa", method: .get, headers: browser.headers) { response throws in
                #expect(visibleLines(response.body.text).contains("bóng cười"))
            }
            // Typed entirely without diacritics: the words may be others, so held for a moderator.
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Khach", "body": "Ai ban bong cuoi khong?"])
            ) { response throws in
                #expect(response.status == .created)
                #expect((try json(response.body)["comment"] as? [String: Any])?["status"] as? String == "pending")
            }
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Khách", "body": "Bán bóng cười giá rẻ"])
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/admin/moderation/tu-khoa", method: .post, headers: headers,
                body: formBody([("_csrf", browser.csrf), ("phrase", "bóng cười"), ("action", "remove")])
            ) { #expect($0.status == .seeOther) }
            #expect(try await !store.words.all().contains { $0.phrase == "bóng cười" })
        }
    }
}

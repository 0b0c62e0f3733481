import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

@Suite struct APICommentsTests {
    @Test func articleJSONHasTheContractFields() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            try await client.execute(uri: "/api/v1/articles/\(article.id)", method: .get) { response throws in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["id"] as? Int == Int(article.id))
                #expect(body["slug"] as? String == article.slug)
                #expect(body["path"] as? String == article.path)
                #expect(body["title"] as? String == article.title)
                #expect(body["sapo"] as? String == article.sapo)
                #expect(body["publishedAt"] as? String == "2026-11-29T16:00:00+07:00")
            }
        }
    }

    @Test func postsACommentThenListsItWithRepliesAndTotals() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let created = try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody([
                    "author": "Hoàng Yến", "email": "yen@example.vn", "body": "Dòng một\nDòng hai", "parentId": NSNull(), "website": "",
                ]))
            #expect(created.status == .created)
            let comment = try #require(try json(created.body)["comment"] as? [String: Any])
            #expect(comment["status"] as? String == "published")
            #expect(comment["email"] == nil)
            #expect(comment["parentId"] is NSNull)
            let topID = try #require(comment["id"] as? Int)

            let reply = try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Quang", "body": "Đồng ý với bạn", "parentId": topID]))
            #expect(reply.status == .created)
            let replyID = try #require((try json(reply.body)["comment"] as? [String: Any])?["id"] as? Int)
            // Answering a reply: stored under the thread's top-level comment, naming the one it answers.
            let nested = try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Lan", "body": "Mình cũng nghĩ vậy", "parentId": replyID]))
            let nestedComment = try #require(try json(nested.body)["comment"] as? [String: Any])
            #expect(nestedComment["parentId"] as? Int == topID)
            #expect((nestedComment["replyTo"] as? [String: Any])?["id"] as? Int == replyID)
            #expect((nestedComment["replyTo"] as? [String: Any])?["author"] as? String == "Quang")

            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments", method: .get) { response throws in
                #expect(response.status == .ok)
                let page = try json(response.body)
                #expect(page["total"] as? Int == 3)
                #expect(page["nextCursor"] is NSNull)
                let comments = try #require(page["comments"] as? [[String: Any]])
                #expect(comments.count == 1)
                let top = comments[0]
                #expect(top["author"] as? String == "Hoàng Yến")
                #expect(top["body"] as? String == "Dòng một\nDòng hai")
                #expect(top["replyCount"] as? Int == 2)
                #expect(top["likes"] as? Int == 0)
                #expect((top["createdAt"] as? String)?.hasSuffix("+07:00") == true)
                #expect((top["replies"] as? [[String: Any]])?.map { $0["id"] as? Int } == [replyID, nestedComment["id"] as? Int])
                #expect(!response.body.text.contains("yen@example.vn"))
            }
        }
    }

    @Test func pagesWithCursorsAndClampsTheLimit() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            for index in 0..<5 {
                _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Ý kiến \(index)", likes: index))
            }
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/articles/\(article.id)/comments?sort=top&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { try json($0.body) }
                seen += (page["comments"] as? [[String: Any]] ?? []).compactMap { $0["likes"] as? Int }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == [4, 3, 2, 1, 0])
            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?limit=1000", method: .get) { response throws in
                #expect(response.status == .ok)
                let comments = try json(response.body)["comments"] as? [Any]
                #expect(comments?.count == 5)
            }
        }
    }

    @Test func repliesBeyondTheFirstFiveArePagedSeparately() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let top = try await store.comments.insert(Fixtures.comment(article: article.id))
            for index in 0..<7 {
                _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Trả lời \(index)", parent: top.id))
            }
            let list = try await client.execute(uri: "/api/v1/articles/\(article.id)/comments", method: .get) { try json($0.body) }
            let thread = try #require((list["comments"] as? [[String: Any]])?.first)
            #expect((thread["replies"] as? [Any])?.count == 5)
            let cursor = try #require(thread["repliesCursor"] as? String)
            try await client.execute(uri: "/api/v1/comments/\(top.id)/replies?cursor=\(cursor)", method: .get) { response throws in
                let page = try json(response.body)
                #expect((page["replies"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["Trả lời 5", "Trả lời 6"])
                #expect(page["nextCursor"] is NSNull)
            }
        }
    }

    @Test func likingTwiceFromOneClientCountsOnce() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            let uri = "/api/v1/comments/\(comment.id)/likes"
            let readerA = reader("a")
            let readerB = reader("b")
            for (headers, expected) in [(readerA, 1), (readerA, 1), (readerB, 2)] {
                try await client.execute(uri: uri, method: .post, headers: headers) { response throws in
                    #expect(response.status == .ok)
                    #expect(try json(response.body)["likes"] as? Int == expected)
                }
            }
        }
    }
}

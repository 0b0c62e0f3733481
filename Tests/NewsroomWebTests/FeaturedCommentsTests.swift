import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// "Bình luận nổi bật" through the moderation API and the desk: the featured comment leads the article page and the
/// API in every sort order, with a badge and `featured: true`; unfeaturing or rejecting takes it back to its place.
@Suite struct FeaturedCommentsTests {
    @Test func aFeaturedCommentLeadsThePageAndTheAPIInEveryOrder() async throws {
        try await withStaffApp(moderation: .pre) { client, store in
            try await store.staffMember()
            let browser = try await signIn(client)
            let article = try await store.article()
            var ids: [Comment.ID] = []
            for (index, likes) in [5, 0, 2].enumerated() {
                let comment = try await store.comments.insert(
                    Fixtures.comment(article: article.id, author: "Bạn đọc \(index)", body: "Ý kiến số \(index)", likes: likes))
                ids.append(comment.id)
            }
            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Chờ duyệt", status: .pending))
            // The oldest, least liked comment is chosen: it is last in every order until featured.
            try await client.execute(
                uri: "/api/v1/moderation/comments/\(ids[1])/feature", method: .post, headers: browser.headers()
            ) { response throws in
                #expect(response.status == .ok)
                #expect((try json(response.body)["comment"] as? [String: Any])?["featured"] as? Bool == true)
            }
            for sort in ["newest", "oldest", "top"] {
                try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?sort=\(sort)", method: .get) { response throws in
                    let comments = try json(response.body)["comments"] as? [[String: Any]] ?? []
                    #expect(comments.compactMap { $0["id"] as? Int64 }.first == ids[1], "\(sort)")
                    #expect(comments.map { $0["featured"] as? Bool } == [true, false, false], "\(sort)")
                    #expect(try json(response.body)["total"] as? Int == 3)
                }
                try await client.execute(uri: article.path + "?sort=\(sort)", method: .get) { response throws in
                    let html = response.body.text
                    let block = try #require(html.range(of: "class=\"featured-comments\""))
                    let featured = try #require(html.range(of: "id=\"\(Comment.anchor(ids[1]))\""))
                    #expect(block.lowerBound < featured.lowerBound)
                    for other in [ids[0], ids[2]] {
                        let place = try #require(html.range(of: "id=\"\(Comment.anchor(other))\""))
                        #expect(featured.lowerBound < place.lowerBound, "\(sort)")
                    }
                    #expect(html.components(separatedBy: "id=\"\(Comment.anchor(ids[1]))\"").count == 2, "shown once")
                    #expect(html.contains("★ Bình luận nổi bật"))
                }
            }
            // Only a published comment can be featured.
            try await client.execute(
                uri: "/api/v1/moderation/comments/\(pending.id)/feature", method: .post, headers: browser.headers()
            ) { response throws in
                #expect(response.status == .badRequest)
                #expect(try errorCode(response.body) == "invalid_field")
            }
            // The desk offers to take the mark off, and the log names both actions.
            try await client.execute(uri: "/admin/moderation?hang=da-duyet", method: .get, headers: browser.headers) { response throws in
                #expect(response.body.text.contains("value=\"unfeature:\(ids[1])\""))
                #expect(response.body.text.contains("value=\"feature:\(ids[0])\""))
            }
            let desk = try formBody([(CSRF.field, browser.csrf), ("one", "unfeature:\(ids[1])"), ("back", "/admin/moderation")])
            try await client.execute(
                uri: "/admin/moderation/hanh-dong", method: .post, headers: browser.headers(csrf: false).merging(formHeaders), body: desk
            ) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?sort=top", method: .get) { response throws in
                let comments = try json(response.body)["comments"] as? [[String: Any]] ?? []
                #expect(comments.compactMap { $0["id"] as? Int64 } == [ids[0], ids[2], ids[1]])
            }
            #expect(try await store.moderation.log(comment: ids[1], limit: 5).map(\.action) == [.unfeature, .feature])
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        for field in other { fields[field.name] = field.value }
        return fields
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// `ETag` and `Last-Modified` on article pages: 304 while nothing the page shows has changed, 200 with new
/// validators as soon as something has.
@Suite struct ConditionalGetTests {
    func get(_ client: any TestClientProtocol, _ path: String, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: headers) { $0 }
    }

    @Test func anUnchangedPageAnswers304AndANewCommentChangesItsValidators() async throws {
        try await withApp(moderation: .post) { client, store in
            let article = try await store.article()
            let first = try await get(client, article.path)
            #expect(first.status == .ok)
            let etag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])
            #expect(etag.hasPrefix("W/\""))
            #expect(lastModified.hasSuffix(" GMT"))
            #expect(first.headers[.cacheControl] == "public, no-cache")

            let unchanged = try await get(client, article.path, [.ifNoneMatch: etag])
            #expect(unchanged.status == .notModified)
            #expect(unchanged.body.readableBytes == 0)
            #expect(unchanged.headers[.eTag] == etag)
            #expect(try await get(client, article.path, [.ifModifiedSince: lastModified]).status == .notModified)
            // Another sort order is another page.
            #expect(try await get(client, article.path + "?sort=oldest", [.ifNoneMatch: etag]).status == .ok)

            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: jsonHeaders,
                body: try jsonBody(["author": "Lan", "body": "Bình luận làm trang thay đổi."])
            ) { #expect($0.status == .created) }
            let changed = try await get(client, article.path, [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(changed.body.text.contains("Bình luận làm trang thay đổi."))
            let newTag = try #require(changed.headers[.eTag])
            #expect(newTag != etag)

            // A change made elsewhere (the command line, another instance) changes them too.
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Từ dòng lệnh."))
            #expect(try await get(client, article.path, [.ifNoneMatch: newTag]).status == .ok)
        }
    }

    @Test func httpDatesAreInGMT() {
        #expect(VietnameseFormat.httpDate(Fixtures.now) == "Sun, 29 Nov 2026 09:00:00 GMT")
    }
}

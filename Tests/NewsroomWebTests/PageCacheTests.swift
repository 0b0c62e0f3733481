import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// The article page is cached, and the cache never shows a page older than its comments.
@Suite struct PageCacheTests {
    @Test func aCommentApprovedElsewhereAppearsOnTheNextView() async throws {
        try await withApp(moderation: .pre) { client, store in
            let article = try await store.article()
            let pending = try await store.comments.insert(
                Fixtures.comment(article: article.id, body: "Được duyệt từ dòng lệnh", status: .pending))
            let before = try await client.execute(uri: article.path, method: .get) { $0.body.text }
            #expect(!before.contains("Được duyệt từ dòng lệnh"))
            // Approved without the web application knowing, as `newsroom comments approve` does from another process.
            _ = try await store.comments.setStatus(.published, ids: [pending.id])
            try await client.execute(uri: article.path, method: .get) { response throws in
                #expect(response.body.text.contains("Được duyệt từ dòng lệnh"))
            }
            _ = try await store.comments.setStatus(.rejected, ids: [pending.id])
            try await client.execute(uri: article.path, method: .get) { response throws in
                #expect(!response.body.text.contains("Được duyệt từ dòng lệnh"))
            }
        }
    }

    @Test func aLikeShowsOnTheNextViewInEverySortOrder() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            for sort in ["", "?sort=top"] {
                try await client.execute(uri: article.path + sort, method: .get) { #expect($0.body.text.contains("Thích · 0")) }
            }
            try await client.execute(uri: "/api/v1/comments/\(comment.id)/likes", method: .post) { #expect($0.status == .ok) }
            for sort in ["", "?sort=top"] {
                try await client.execute(uri: article.path + sort, method: .get) { response throws in
                    #expect(response.body.text.contains("Thích · 1"), "\(sort)")
                }
            }
        }
    }

    @Test func entriesExpireSoTheirFormTokenStaysFresh() {
        let cache = PageCache(lifetime: 60, capacity: 2)
        let stamp = PageStamp(slug: "a", version: 1, updatedAt: Fixtures.now)
        let key = PageCache.Key(article: 1, sort: .newest)
        cache.store(ByteBuffer(string: "trang"), for: key, stamp: stamp, now: Fixtures.now)
        #expect(cache.page(key, stamp: stamp, now: Fixtures.now.addingTimeInterval(59)) != nil)
        #expect(cache.page(key, stamp: stamp, now: Fixtures.now.addingTimeInterval(61)) == nil)
        var newer = stamp
        newer.version = 2
        #expect(cache.page(key, stamp: newer, now: Fixtures.now) == nil)
        // Over capacity the oldest rendering goes.
        cache.store(ByteBuffer(string: "b"), for: .init(article: 2, sort: .newest), stamp: stamp, now: Fixtures.now.addingTimeInterval(1))
        cache.store(ByteBuffer(string: "c"), for: .init(article: 3, sort: .newest), stamp: stamp, now: Fixtures.now.addingTimeInterval(2))
        #expect(cache.page(key, stamp: stamp, now: Fixtures.now.addingTimeInterval(3)) == nil)
        #expect(cache.page(.init(article: 3, sort: .newest), stamp: stamp, now: Fixtures.now.addingTimeInterval(3)) != nil)
    }
}

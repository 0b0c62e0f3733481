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
            try await client.execute(uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: jsonHeaders) {
                #expect($0.status == .ok)
            }
            for sort in ["", "?sort=top"] {
                try await client.execute(uri: article.path + sort, method: .get) { response throws in
                    #expect(response.body.text.contains("Thích · 1"), "\(sort)")
                }
            }
        }
    }

    @Test func entriesExpireSoTheirFormTokenStaysFresh() {
        let cache = PageCache(lifetime: 60, recheckInterval: 5, capacity: 2)
        let stamp = PageStamp(slug: "a", version: 1, updatedAt: Fixtures.now)
        let key = PageCache.Key(variant: "page:newest")
        cache.store(
            ByteBuffer(string: "trang"), for: key, article: 1, stamp: stamp, generation: cache.generation(article: 1), now: Fixtures.now)
        #expect(cache.recent(key, article: 1, now: Fixtures.now.addingTimeInterval(4)) != nil)
        #expect(cache.recent(key, article: 1, now: Fixtures.now.addingTimeInterval(6)) == nil, "checked too long ago")
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now.addingTimeInterval(59)) != nil)
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now.addingTimeInterval(61)) == nil)
        var newer = stamp
        newer.version = 2
        #expect(cache.page(key, article: 1, stamp: newer, now: Fixtures.now) == nil)
        cache.invalidate(article: 1)
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now) == nil)
        // Over capacity the article rendered longest ago goes.
        for article in 1...3 {
            cache.store(
                ByteBuffer(string: "\(article)"), for: key, article: Article.ID(article), stamp: stamp,
                generation: cache.generation(article: Article.ID(article)), now: Fixtures.now.addingTimeInterval(Double(article)))
        }
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now.addingTimeInterval(4)) == nil)
        #expect(cache.page(key, article: 3, stamp: stamp, now: Fixtures.now.addingTimeInterval(4)) != nil)
    }

    @Test func aRenderingBegunBeforeAnInvalidationIsNotKept() {
        let cache = PageCache()
        let stamp = PageStamp(slug: "a", version: 1, updatedAt: Fixtures.now, latestEvent: 11)
        let key = PageCache.Key(variant: "page:newest")
        // Event 10 commits after event 11 while the page renders: the stamp cannot tell, the invalidation can.
        let before = cache.generation(article: 1)
        cache.invalidate(article: 1)
        cache.store(ByteBuffer(string: "cũ"), for: key, article: 1, stamp: stamp, generation: before, now: Fixtures.now)
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now) == nil)
        let afterAll = cache.generation(article: 2)
        cache.invalidateAll()
        cache.store(ByteBuffer(string: "cũ"), for: key, article: 2, stamp: stamp, generation: afterAll, now: Fixtures.now)
        #expect(cache.page(key, article: 2, stamp: stamp, now: Fixtures.now) == nil)
        cache.store(
            ByteBuffer(string: "mới"), for: key, article: 1, stamp: stamp, generation: cache.generation(article: 1), now: Fixtures.now)
        #expect(cache.page(key, article: 1, stamp: stamp, now: Fixtures.now) != nil)
    }

    /// With the production interval: a change made through the application shows at once; one made elsewhere shows
    /// once the interval has passed and the version is read again.
    @Test func changesElsewhereShowAfterTheRecheckInterval() async throws {
        try await TestStore.with { store in
            let clock = TestClock(Fixtures.now)
            let config = AppConfig(moderation: .post, commentLimits: [], secret: testSecret, pageRecheckInterval: 1)
            let app = Application(router: buildRouter(config, store: store, now: { clock.now }))
            try await app.test(.router) { client in
                let article = try await store.article()
                let comment = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Bình luận gốc"))
                try await client.execute(uri: article.path, method: .get) { #expect($0.body.text.contains("Thích · 0")) }
                // Through the application: invalidated at once, same instant.
                try await client.execute(uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: jsonHeaders) {
                    #expect($0.status == .ok)
                }
                try await client.execute(uri: article.path, method: .get) { #expect($0.body.text.contains("Thích · 1")) }
                // Elsewhere (as `newsroom comments reject` does): the cached page stands until the interval passes.
                _ = try await store.comments.setStatus(.rejected, ids: [comment.id])
                try await client.execute(uri: article.path, method: .get) { #expect($0.body.text.contains("Bình luận gốc")) }
                clock.advance(by: 1.5)
                try await client.execute(uri: article.path, method: .get) { response throws in
                    #expect(!response.body.text.contains("Bình luận gốc"))
                }
            }
        }
    }
}

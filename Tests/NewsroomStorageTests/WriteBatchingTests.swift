import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import SQLKit
import Testing

private typealias Comment = NewsroomCore.Comment

@Suite struct WriteBatchingTests {
    struct Refused: Error {}

    @Test func aFailingWriteIsUndoneAloneWhileTheOthersInItsBatchCommit() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            _ = try await store.database.write { db in
                                try await db.raw(
                                    "INSERT INTO comments (article_id, author, body, status, client_fingerprint, created_at) VALUES (\(bind: article.id), 'A', \(bind: "Lần \(index)"), 'published', 'x', 0)"
                                ).run()
                                // Every third write fails after it has written: its row must not survive.
                                if index % 3 == 0 { throw Refused() }
                            }
                            return true
                        } catch is Refused {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            let bodies = Set(try await store.comments.list(status: nil).map(\.body))
            #expect(outcomes.filter { $0 }.count == 26)
            #expect(bodies.count == 26)
            #expect(!bodies.contains("Lần 0"))
            #expect(bodies.contains("Lần 1"))
        }
    }

    @Test func thePageStampChangesWithEverythingThePageShows() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            func stamp() async throws -> PageStamp { try #require(try await store.articles.pageStamp(id: article.id)) }
            let initial = try await stamp()
            #expect(initial.slug == article.slug)

            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, status: .pending))
            #expect(try await stamp() == initial, "a pending comment does not change the page")
            _ = try await store.comments.setStatus(.published, ids: [pending.id])
            let approved = try await stamp()
            #expect(approved != initial)
            _ = try await store.comments.like(comment: pending.id, client: "a", address: "ip", perAddress: 20, at: Fixtures.now)
            let liked = try await stamp()
            #expect(liked != approved)
            _ = try await store.comments.like(comment: pending.id, client: "a", address: "ip", perAddress: 20, at: Fixtures.now)
            #expect(try await stamp() == liked, "a repeated like changes nothing")
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Đăng ngay"))
            let published = try await stamp()
            #expect(published != liked)
            _ = try await store.articles.save(Fixtures.draft(), now: Fixtures.now)
            #expect(try await stamp() != published)
            #expect(try await store.articles.pageStamp(id: 999) == nil)
        }
    }
}

@Suite struct SingleWriteTests {
    struct Refused: Error {}

    @Test func aFailingWriteAloneLeavesNothing() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            await #expect(throws: Refused.self) {
                try await store.database.write { db in
                    try await db.raw(
                        "INSERT INTO comments (article_id, author, body, status, client_fingerprint, created_at) VALUES (\(bind: article.id), 'A', 'Một mình', 'published', 'x', 0)"
                    ).run()
                    throw Refused()
                }
            }
            #expect(try await store.comments.list(status: nil).isEmpty)
            // The writer is usable afterwards.
            _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            #expect(try await store.comments.list(status: nil).count == 1)
        }
    }
}

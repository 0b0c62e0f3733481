import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@Suite struct ArticleRepositoryTests {
    @Test func savesAndReadsAnArticleWithItsBlocks() async throws {
        try await TestStore.with { store in
            let (article, created) = try await store.articles.save(Fixtures.draft(), now: Fixtures.now)
            #expect(created)
            #expect(article.slug == "pho-co-ha-noi-don-mua-le-hoi")
            #expect(article.path == "/pho-co-ha-noi-don-mua-le-hoi-\(article.id)")
            let read = try #require(try await store.articles.article(id: article.id))
            #expect(read == article)
            #expect(read.body == Fixtures.draft().body)
            #expect(read.publishedAt == Fixtures.now)
        }
    }

    @Test func savingTheSameSlugAgainUpdatesAndKeepsTheFirstPublicationTime() async throws {
        try await TestStore.with { store in
            let first = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            var changed = Fixtures.draft()
            changed.sapo = "Sapo đã sửa."
            let later = Fixtures.now.addingTimeInterval(3600)
            let (second, created) = try await store.articles.save(changed, now: later)
            #expect(!created)
            #expect(second.id == first.id)
            #expect(second.sapo == "Sapo đã sửa.")
            #expect(second.publishedAt == Fixtures.now)
            #expect(second.updatedAt == later)
            #expect(try await store.articles.count() == 1)
        }
    }

    @Test func latestListsNewestFirst() async throws {
        try await TestStore.with { store in
            var old = Fixtures.draft(title: "Bài cũ")
            old.publishedAt = Fixtures.now.addingTimeInterval(-7200)
            var new = Fixtures.draft(title: "Bài mới")
            new.publishedAt = Fixtures.now
            _ = try await store.articles.save(new, now: Fixtures.now)
            _ = try await store.articles.save(old, now: Fixtures.now)
            let titles = try await store.articles.latest(limit: 10, offset: 0).map(\.title)
            #expect(titles == ["Bài mới", "Bài cũ"])
            #expect(try await store.articles.latest(limit: 1, offset: 1).map(\.title) == ["Bài cũ"])
        }
    }

    @Test func storesTextAsNFC() async throws {
        try await TestStore.with { store in
            let nfdTitle = "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t"
            let article = try await store.articles.save(Fixtures.draft(title: nfdTitle), now: Fixtures.now).article
            #expect(article.title.unicodeScalars.elementsEqual("Tiếng Việt".unicodeScalars))
            #expect(article.slug == "tieng-viet")
        }
    }

    @Test func sqliteRunsInWALWithFullSync() async throws {
        try await TestStore.withSQLite { store, path in
            _ = try await store.articles.save(Fixtures.draft(), now: Fixtures.now)
            // The WAL file exists beside the database while it is open in WAL mode.
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }
}

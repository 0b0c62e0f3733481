import Foundation
import Logging
import NewsroomCore
import NewsroomTestSupport
import SQLKit
import Testing

@testable import NewsroomStorage

/// SQLite ranks with `newsroom_bm25` and the counts `search_terms` keeps, instead of FTS5's `bm25()`, which counts
/// them on every query. Both must agree, through edits, unpublishing, scheduled publication and rebuilds.
@Suite("BM25 from kept counts on SQLite")
struct SearchRankingTests {
    /// The corpus of `SearchTests`, then changes of every kind the index follows.
    static func loadAndChange(_ store: Store) async throws {
        let ids = try await SearchTests.load(store)
        var draft = ArticleDraft(
            slug: "da-lat", title: "Đà Lạt mùa mai anh đào", sapo: "Sắc hồng phủ kín đồi.", body: [.paragraph("Mai anh đào nở.")],
            tags: ["Lâm Đồng"])
        _ = try await store.articles.edit(try #require(ids["da-lat"]), draft, by: "bt", now: Fixtures.now)
        draft = ArticleDraft(slug: "duong", title: "Đường lên Sa Pa", sapo: "Tạm dừng.", body: [.paragraph("Gỡ bài.")])
        draft.status = .unpublished
        _ = try await store.articles.edit(try #require(ids["duong"]), draft, by: "bt", now: Fixtures.now)
        draft = ArticleDraft(
            slug: "ban-lua", title: "Nông dân bán lúa", sapo: "Giá lúa tăng.", body: [.paragraph("Thương lái thu mua lúa.")])
        draft.status = .scheduled
        draft.publishedAt = Fixtures.now.addingTimeInterval(60)
        _ = try await store.articles.edit(try #require(ids["ban-lua"]), draft, by: "bt", now: Fixtures.now)
        _ = try await store.articles.publishDue(now: Fixtures.now.addingTimeInterval(61))
    }

    /// Every kept count, and how many indexed articles FTS5 finds holding that key.
    static func keptAndFound(_ store: Store) async throws -> [(term: String, kept: Int, found: Int)] {
        try await store.database.read { db in
            var result: [(String, Int, Int)] = []
            for row in try await db.raw("SELECT term, documents FROM search_terms ORDER BY term").all() {
                let term = try row.decode(column: "term", as: String.self)
                let found = try await db.raw(
                    "SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH \(bind: FTS5Query.phrase([term]))"
                ).first()?.decode(column: "n", as: Int.self)
                result.append((term, try row.decode(column: "documents", as: Int.self), found ?? -1))
            }
            return result
        }
    }

    @Test func theKeptCountsAreWhatTheIndexHolds() async throws {
        try await TestStore.withSQLite { store, _ in
            try await Self.loadAndChange(store)
            let counts = try await Self.keptAndFound(store)
            #expect(counts.count > 100)
            for (term, kept, found) in counts { #expect(kept == found, "«\(term)»") }
            // No key the index holds is missing: once merged, FTS5's own vocabulary has the same keys.
            let vocabulary = try await store.database.write { db in
                try await db.raw("INSERT INTO article_search (article_search) VALUES ('optimize')").run()
                return try await db.raw("SELECT term FROM article_search_terms").all().map {
                    try $0.decode(column: "term", as: String.self)
                }
            }
            #expect(Set(vocabulary) == Set(counts.map(\.term)))
            #expect(counts.contains { $0.term == "anh" } && !counts.contains { $0.term == "quy" })
            // A rebuild counts the same.
            _ = try await store.search.rebuild()
            #expect(try await Self.keptAndFound(store).map { [$0.term, "\($0.kept)"] } == counts.map { [$0.term, "\($0.kept)"] })
        }
    }

    @Test func upgradingASiteWithAnIndexCountsItsKeys() async throws {
        try await TestStore.withSQLite { store, _ in
            try await Self.loadAndChange(store)
            // The site as it was before migration 10.
            try await store.database.write { db in
                for statement in [
                    "DROP TABLE article_search_terms", "DROP TABLE search_terms", "DELETE FROM schema_migrations WHERE version = 10",
                ] {
                    try await db.raw("\(unsafeRaw: statement)").run()
                }
            }
            #expect(try await Migrations.apply(on: store.database, logger: Logger(label: "test")) == 1)
            let counts = try await Self.keptAndFound(store)
            #expect(counts.count > 100)
            for (term, kept, found) in counts { #expect(kept == found, "«\(term)»") }
            let results = try await store.search.search(SearchQuery("Bộ Ngoại giao"), filter: .init(), limit: 10, offset: 0)
            #expect(results.total == 1)
        }
    }

    @Test func scoresAreFTS5sOwnBM25() async throws {
        try await TestStore.withSQLite { store, _ in
            try await Self.loadAndChange(store)
            // Words only: for phrases the kept count is the rarest word's, which `bm25()` does not do.
            for text in ["Bộ Ngoại giao", "đà", "viet nam thai lan", "hoà nhạc", "giá bàn ghế gỗ", "lúa", "Vieejt Nam"] {
                let query = FTS5Query(SearchQuery(text))
                let scores = try await store.database.read { db in
                    let documents = try await SearchTermCounts.documents(holding: query.phrases, db)
                    return try await db.raw(
                        """
                        SELECT bm25(article_search, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0) AS builtin,
                            newsroom_bm25(article_search, \(binds: documents)) AS kept
                        FROM article_search WHERE article_search MATCH \(bind: query.expression)
                        """
                    ).all().map { (try $0.decode(column: "builtin", as: Double.self), try $0.decode(column: "kept", as: Double.self)) }
                }
                #expect(!scores.isEmpty, "«\(text)»")
                for (builtin, kept) in scores { #expect(abs(builtin - kept) < 1e-9, "«\(text)»: \(builtin) ≠ \(kept)") }
            }
        }
    }
}

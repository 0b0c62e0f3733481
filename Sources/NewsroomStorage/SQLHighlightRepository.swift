import Foundation
import NewsroomCore
import SQLKit

/// Views, the most read and most discussed, and related articles over SQLKit.
public struct SQLHighlightRepository: HighlightRepository {
    let database: any Database

    /// Views are counted per article and hour.
    static func hour(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / 3600).rounded(.down)) }

    public func recordViews(_ views: [Article.ID: Int], at date: Date) async throws {
        let counts = views.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        guard !counts.isEmpty else { return }
        let hour = Self.hour(date)
        try await database.write { db in
            for (article, count) in counts {
                // The same statement on both databases; an article deleted since its views were counted adds nothing.
                try await db.raw(
                    """
                    INSERT INTO article_views (article_id, hour, views)
                    SELECT id, \(bind: hour), \(bind: count) FROM articles WHERE id = \(bind: article)
                    ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views.views + excluded.views
                    """
                ).run()
            }
        }
    }

    public func mostRead(since date: Date, topic: Topic?, limit: Int) async throws -> [ArticleLink] {
        try await ranked(
            "SELECT article_id, CAST(SUM(views) AS BIGINT) AS n FROM article_views WHERE hour >= \(bind: Self.hour(date)) GROUP BY article_id",
            topic: topic, limit: limit)
    }

    public func mostDiscussed(since date: Date, topic: Topic?, limit: Int) async throws -> [ArticleLink] {
        try await ranked(
            """
            SELECT article_id, COUNT(*) AS n FROM comments WHERE status = 'published' AND created_at >= \(bind: Timestamp(date))
            GROUP BY article_id
            """,
            topic: topic, limit: limit)
    }

    /// Listed articles ranked by `counts` (rows of `article_id` and `n`), most first, then newest.
    private func ranked(_ counts: SQLQueryString, topic: Topic?, limit: Int) async throws -> [ArticleLink] {
        try await database.read { db in
            var query: SQLQueryString =
                "SELECT a.id, a.slug, a.title, r.n FROM (\(counts)) r JOIN articles a ON a.id = r.article_id"
            if let topic {
                query.appendInterpolation(
                    """
                     JOIN article_topics t ON t.article_id = a.id AND t.topic_id = (SELECT id FROM topics
                        WHERE kind = \(bind: topic.kind.rawValue) AND slug = \(bind: topic.slug))
                    """ as SQLQueryString)
            }
            query.appendInterpolation(
                """
                 WHERE a.status = 'published' AND a.embed_url IS NULL AND r.n > 0
                ORDER BY r.n DESC, a.published_at DESC, a.id DESC LIMIT \(bind: limit)
                """ as SQLQueryString)
            return try await db.raw(query).all().map { row in
                ArticleLink(
                    id: try row.decode(column: "id", as: Article.ID.self), slug: try row.decode(column: "slug", as: String.self),
                    title: try row.decode(column: "title", as: String.self), count: try row.decode(column: "n", as: Int.self))
            }
        }
    }

    public func related(to article: Article.ID, limit: Int) async throws -> [ArticleLink] {
        try await database.read { db in
            try await Self.related(
                to: article, condition: "AND a.status = 'published' AND a.embed_url IS NULL", limit: limit, db)
        }
    }

    public func pinnedRelated(to article: Article.ID) async throws -> [ArticleLink] {
        try await database.read { db in
            try await Self.related(to: article, condition: "AND r.pinned = \(bind: true)", limit: 100, db)
        }
    }

    private static func related(
        to article: Article.ID, condition: SQLQueryString, limit: Int, _ db: any SQLDatabase
    ) async throws -> [ArticleLink] {
        try await db.raw(
            """
            SELECT a.id, a.slug, a.title, r.position, r.pinned FROM related_articles r JOIN articles a ON a.id = r.related_id
            WHERE r.article_id = \(bind: article) \(condition) ORDER BY r.pinned DESC, r.position, a.id LIMIT \(bind: limit)
            """
        ).all().map { row in
            ArticleLink(
                id: try row.decode(column: "id", as: Article.ID.self), slug: try row.decode(column: "slug", as: String.self),
                title: try row.decode(column: "title", as: String.self), count: try row.decode(column: "position", as: Int.self),
                pinned: try row.decode(column: "pinned", as: Bool.self))
        }
    }

    public func deleteViews(before date: Date) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM article_views WHERE hour < \(bind: Self.hour(date))").run()
        }
    }
}

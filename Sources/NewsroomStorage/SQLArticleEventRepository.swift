import Foundation
import NewsroomCore
import SQLKit

/// Reads the event log the comment triggers write (migration 7).
public struct SQLArticleEventRepository: ArticleEventRepository {
    let database: any Database

    /// Events after `id`, across all articles, oldest first.
    public func events(after id: ArticleEvent.ID, limit: Int) async throws -> [ArticleEvent] {
        try await database.read { db in
            try await db.raw(
                "SELECT id, article_id, kind, comment_id, created_at FROM article_events WHERE id > \(bind: id) ORDER BY id LIMIT \(bind: limit)"
            ).all().compactMap(Self.event)
        }
    }

    /// The events with these numbers that exist.
    public func events(ids: [ArticleEvent.ID]) async throws -> [ArticleEvent] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                "SELECT id, article_id, kind, comment_id, created_at FROM article_events WHERE id IN (\(binds: ids)) ORDER BY id"
            ).all().compactMap(Self.event)
        }
    }

    /// One article's events after `id`, oldest first: what a reader who reconnects missed.
    public func events(article: Article.ID, after id: ArticleEvent.ID, limit: Int) async throws -> [ArticleEvent] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id, article_id, kind, comment_id, created_at FROM article_events
                WHERE article_id = \(bind: article) AND id > \(bind: id) ORDER BY id LIMIT \(bind: limit)
                """
            ).all().compactMap(Self.event)
        }
    }

    /// The newest event's number, for one article or for all (0 when there is none).
    public func latestID(article: Article.ID?) async throws -> ArticleEvent.ID {
        try await database.read { db in
            let row =
                if let article {
                    try await db.raw("SELECT MAX(id) AS id FROM article_events WHERE article_id = \(bind: article)").first()
                } else {
                    try await db.raw("SELECT MAX(id) AS id FROM article_events").first()
                }
            guard let row, !(try row.decodeNil(column: "id")) else { return 0 }
            return try row.decode(column: "id", as: ArticleEvent.ID.self)
        }
    }

    /// Deletes events older than `date` (readers reconnect within seconds; a day of history is plenty).
    public func deleteEvents(before date: Date) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM article_events WHERE created_at < \(bind: Timestamp(date))").run()
        }
    }

    static func event(_ row: any SQLRow) throws -> ArticleEvent? {
        guard let kind = ArticleEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        return ArticleEvent(
            id: try row.decode(column: "id", as: ArticleEvent.ID.self),
            articleID: try row.decode(column: "article_id", as: Article.ID.self),
            kind: kind, commentID: try row.decode(column: "comment_id", as: Comment.ID.self),
            createdAt: try row.decode(column: "created_at", as: Timestamp.self).date)
    }
}

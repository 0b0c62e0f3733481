import Foundation
import NewsroomCore
import SQLKit

/// Articles over SQLKit. Bodies are stored as JSON of their blocks.
public struct SQLArticleRepository: ArticleRepository {
    let database: any Database

    static let columns = "id, slug, title, sapo, body, comments_open, published_at, updated_at"

    public func article(id: Article.ID) async throws -> Article? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM articles WHERE id = \(bind: id)")
                .first()
                .map(Self.article(from:))
        }
    }

    public func commentsOpen(id: Article.ID) async throws -> Bool? {
        try await database.read { db in
            try await db.raw("SELECT comments_open FROM articles WHERE id = \(bind: id)").first()?
                .decode(column: "comments_open", as: Bool.self)
        }
    }

    public func pageStamp(id: Article.ID) async throws -> PageStamp? {
        try await database.read { db in
            // The article's own version (raised when it is saved) and the newest event of its comment section, so comment
            // writes never touch the article's row (on PostgreSQL a row every comment updated would make an article's
            // comments queue). An event that commits after a newer one does not change the newest; the page cache
            // drops the article when such an event is delivered (`LiveEvents`), and keeps no rendering begun before.
            try await db.raw(
                """
                SELECT slug, updated_at, comments_version AS version,
                    COALESCE((SELECT MAX(e.id) FROM article_events e WHERE e.article_id = articles.id), 0) AS latest_event,
                    COALESCE((SELECT e.created_at FROM article_events e WHERE e.article_id = articles.id ORDER BY e.id DESC LIMIT 1), 0)
                        AS latest_event_at
                FROM articles WHERE id = \(bind: id)
                """
            ).first().map { row in
                PageStamp(
                    slug: try row.decode(column: "slug", as: String.self),
                    version: try row.decode(column: "version", as: Int64.self),
                    updatedAt: try row.decode(column: "updated_at", as: Timestamp.self).date,
                    latestEvent: try row.decode(column: "latest_event", as: Int64.self),
                    lastChanged: max(
                        try row.decode(column: "updated_at", as: Timestamp.self).date,
                        try row.decode(column: "latest_event_at", as: Timestamp.self).date))
            }
        }
    }

    public func latest(limit: Int, offset: Int) async throws -> [Article] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM articles
                ORDER BY published_at DESC, id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all().map(Self.article(from:))
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM articles").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func save(_ draft: ArticleDraft, now: Date) async throws -> (article: Article, created: Bool) {
        let body = String(decoding: try JSONEncoder().encode(draft.body), as: UTF8.self)
        let stored = try await database.write { db -> (Article.ID, Bool) in
            let existing = try await db.raw("SELECT id, published_at FROM articles WHERE slug = \(bind: draft.slug)").first()
            if let existing {
                let id = try existing.decode(column: "id", as: Article.ID.self)
                // Importing again keeps the first publication time unless the file states one.
                let firstPublished = try existing.decode(column: "published_at", as: Timestamp.self)
                let publishedAt = draft.publishedAt.map(Timestamp.init) ?? firstPublished
                try await db.update("articles")
                    .set("title", to: draft.title)
                    .set("sapo", to: draft.sapo)
                    .set("body", to: body)
                    .set("comments_open", to: draft.commentsOpen)
                    .set("published_at", to: publishedAt)
                    .set("updated_at", to: Timestamp(now))
                    .set("comments_version", to: SQLQueryString("comments_version + 1"))
                    .where("id", .equal, id)
                    .run()
                return (id, false)
            }
            let row = try await db.insert(into: "articles")
                .columns("slug", "title", "sapo", "body", "comments_open", "published_at", "updated_at")
                .values(
                    SQLBind(draft.slug), SQLBind(draft.title), SQLBind(draft.sapo), SQLBind(body),
                    SQLBind(draft.commentsOpen), SQLBind(Timestamp(draft.publishedAt ?? now)), SQLBind(Timestamp(now))
                )
                .returning("id")
                .first()
            guard let row else { throw StorageError.noRowReturned }
            return (try row.decode(column: "id", as: Article.ID.self), true)
        }
        guard let article = try await article(id: stored.0) else { throw StorageError.noRowReturned }
        return (article, stored.1)
    }

    static func article(from row: any SQLRow) throws -> Article {
        let body = try row.decode(column: "body", as: String.self)
        return Article(
            id: try row.decode(column: "id", as: Article.ID.self),
            slug: try row.decode(column: "slug", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            sapo: try row.decode(column: "sapo", as: String.self),
            body: try JSONDecoder().decode([ArticleBlock].self, from: Data(body.utf8)),
            publishedAt: try row.decode(column: "published_at", as: Timestamp.self).date,
            updatedAt: try row.decode(column: "updated_at", as: Timestamp.self).date,
            commentsOpen: try row.decode(column: "comments_open", as: Bool.self)
        )
    }
}

/// A storage failure that is a bug rather than bad input.
public enum StorageError: Error {
    case noRowReturned
}

import Foundation
import NewsroomCore
import SQLKit

/// Articles over SQLKit. Bodies are stored as JSON of their blocks; categories, tags and authors are topics linked
/// through `article_topics`, read for a whole listing in one more query.
public struct SQLArticleRepository: ArticleRepository {
    let database: any Database
    /// Keeps the search index in step with each change, in the same transaction.
    let searchEngine: any SearchEngine

    static let columns =
        "id, slug, title, sapo, body, comments_open, published_at, updated_at, status, markdown, cover_image, featured, moderation, embed_url, embed_site"

    public func article(id: Article.ID) async throws -> Article? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM articles WHERE id = \(bind: id)").first()
            else { return nil }
            return try await Self.withTopics([try Self.article(from: row)], db).first
        }
    }

    public func commentPolicy(id: Article.ID) async throws -> CommentPolicy? {
        try await database.read { db in
            try await db.raw("SELECT comments_open, moderation FROM articles WHERE id = \(bind: id) AND status = 'published'")
                .first()
                .map { row in
                    CommentPolicy(
                        open: try row.decode(column: "comments_open", as: Bool.self),
                        moderation: try row.decode(column: "moderation", as: String?.self).flatMap(ModerationMode.init(rawValue:)))
                }
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
                FROM articles WHERE id = \(bind: id) AND status = 'published'
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

    public func published(_ filter: ArticleFilter, limit: Int, offset: Int) async throws -> [Article] {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM articles
                WHERE status = 'published' \(Self.condition(filter))
                ORDER BY published_at DESC, id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all()
            return try await Self.withTopics(try rows.map(Self.article(from:)), db)
        }
    }

    public func publishedCount(_ filter: ArticleFilter) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM articles WHERE status = 'published' \(Self.condition(filter))")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// The listing's condition, after `WHERE status = 'published'`: comment threads of other sites are never listed.
    static func condition(_ filter: ArticleFilter) -> SQLQueryString {
        switch filter {
        case .all: "AND embed_url IS NULL"
        case .featured: "AND embed_url IS NULL AND featured = \(bind: true)"
        case .topic(let kind, let slug):
            """
            AND embed_url IS NULL AND id IN (SELECT at.article_id FROM article_topics at JOIN topics t ON t.id = at.topic_id
                WHERE t.kind = \(bind: kind.rawValue) AND t.slug = \(bind: slug))
            """
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM articles").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func topic(_ kind: Topic.Kind, slug: String) async throws -> Topic? {
        try await database.read { db in
            try await db.raw("SELECT kind, slug, name FROM topics WHERE kind = \(bind: kind.rawValue) AND slug = \(bind: slug)")
                .first().map(Self.topic(from:))
        }
    }

    public func topics(_ kind: Topic.Kind) async throws -> [Topic] {
        try await database.read { db in
            try await db.raw("SELECT kind, slug, name FROM topics WHERE kind = \(bind: kind.rawValue) ORDER BY name")
                .all().map(Self.topic(from:))
        }
    }

    public func desk(_ filter: DeskArticleFilter, limit: Int, offset: Int) async throws -> (articles: [Article], total: Int) {
        var condition: SQLQueryString = "1 = 1"
        if let status = filter.status { condition = condition + " AND status = \(bind: status.rawValue)" }
        for (kind, slug) in [(Topic.Kind.category, filter.category), (.author, filter.author)] {
            guard let slug else { continue }
            condition =
                condition
                    + """
                     AND id IN (SELECT at.article_id FROM article_topics at JOIN topics t ON t.id = at.topic_id
                        WHERE t.kind = \(bind: kind.rawValue) AND t.slug = \(bind: slug))
                    """
        }
        return try await database.read { [condition] db in
            let rows = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM articles WHERE \(condition)
                ORDER BY updated_at DESC, id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all()
            let total =
                try await db.raw("SELECT COUNT(*) AS n FROM articles WHERE \(condition)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            return (try await Self.withTopics(try rows.map(Self.article(from:)), db), total)
        }
    }

    /// The articles with their topics, read in one query.
    static func withTopics(_ articles: [Article], _ db: any SQLDatabase) async throws -> [Article] {
        guard !articles.isEmpty else { return articles }
        let rows = try await db.raw(
            """
            SELECT at.article_id, t.kind, t.slug, t.name FROM article_topics at JOIN topics t ON t.id = at.topic_id
            WHERE at.article_id IN (\(binds: articles.map(\.id))) ORDER BY at.article_id, at.position
            """
        ).all()
        var topics: [Article.ID: [Topic]] = [:]
        for row in rows { topics[try row.decode(column: "article_id", as: Article.ID.self), default: []].append(try topic(from: row)) }
        return articles.map { article in
            var article = article
            article.topics = topics[article.id] ?? []
            return article
        }
    }

    static func topic(from row: any SQLRow) throws -> Topic {
        Topic(
            kind: Topic.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .tag,
            slug: try row.decode(column: "slug", as: String.self),
            name: try row.decode(column: "name", as: String.self))
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
            commentsOpen: try row.decode(column: "comments_open", as: Bool.self),
            status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            coverImage: try row.decode(column: "cover_image", as: String?.self),
            featured: try row.decode(column: "featured", as: Bool.self),
            moderation: try row.decode(column: "moderation", as: String?.self).flatMap(ModerationMode.init(rawValue:)),
            markdown: try row.decode(column: "markdown", as: String?.self),
            embed: try row.decode(column: "embed_url", as: String?.self).map { url in
                EmbeddedThread(url: url, site: try row.decode(column: "embed_site", as: String?.self) ?? "")
            })
    }
}

/// A storage failure that is a bug rather than bad input.
public enum StorageError: Error {
    case noRowReturned
}

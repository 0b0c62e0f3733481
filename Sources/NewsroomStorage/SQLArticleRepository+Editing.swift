import Foundation
import NewsroomCore
import SQLKit

/// Writing articles: imports and the editors' desk (topics, revisions, the search index in the same transaction), and
/// scheduled publication.
extension SQLArticleRepository {
    public func save(_ draft: ArticleDraft, now: Date) async throws -> (article: Article, created: Bool) {
        let engine = searchEngine
        let stored = try await database.write { db -> (Article.ID, Bool) in
            let existing = try await db.raw("SELECT id FROM articles WHERE slug = \(bind: draft.slug)").first()
            let id = try existing?.decode(column: "id", as: Article.ID.self)
            return (try await Self.store(draft, id: id, editor: "import", now: now, engine: engine, cascade: false, db), id == nil)
        }
        guard let article = try await article(id: stored.0) else { throw StorageError.noRowReturned }
        return (article, stored.1)
    }

    public func edit(_ id: Article.ID?, _ draft: ArticleDraft, by editor: String, now: Date) async throws -> Article {
        let engine = searchEngine
        let stored = try await database.write { db -> Article.ID in
            let owner = try await db.raw("SELECT id FROM articles WHERE slug = \(bind: draft.slug)").first()?
                .decode(column: "id", as: Article.ID.self)
            if let owner, owner != id { throw NewsroomError(.slugTaken, field: "slug") }
            if let id, try await db.raw("SELECT id FROM articles WHERE id = \(bind: id)").first() == nil {
                throw NewsroomError(.articleNotFound)
            }
            return try await Self.store(draft, id: id, editor: editor, now: now, engine: engine, cascade: true, db)
        }
        guard let article = try await article(id: stored) else { throw StorageError.noRowReturned }
        return article
    }

    /// Writes the draft over article `id` (or a new article), its topics and a revision, inside the caller's
    /// transaction. Publication time: the draft's when it gives one; else an article that readers have seen keeps its
    /// first, and one published now for the first time gets `now`.
    static func store(
        _ draft: ArticleDraft, id: Article.ID?, editor: String, now: Date, engine: any SearchEngine, cascade: Bool = false,
        _ db: any SQLDatabase
    ) async throws -> Article.ID {
        let body = String(decoding: try JSONEncoder().encode(draft.body), as: UTF8.self)
        var publishedAt = draft.publishedAt.map(Timestamp.init) ?? Timestamp(now)
        let articleID: Article.ID
        var indexed: SearchIndex.Document?
        if let id {
            indexed = try await engine.entry(of: id, db)
            let existing = try await db.raw("SELECT status, published_at FROM articles WHERE id = \(bind: id)").first()
            if draft.publishedAt == nil, let existing,
                ["published", "unpublished"].contains(try existing.decode(column: "status", as: String.self))
            {
                publishedAt = try existing.decode(column: "published_at", as: Timestamp.self)
            }
            try await db.update("articles")
                .set("slug", to: draft.slug)
                .set("title", to: draft.title)
                .set("sapo", to: draft.sapo)
                .set("body", to: body)
                .set("comments_open", to: draft.commentsOpen)
                .set("published_at", to: publishedAt)
                .set("updated_at", to: Timestamp(now))
                .set("status", to: draft.status.rawValue)
                .set("markdown", to: draft.markdown)
                .set("cover_image", to: draft.coverImage)
                .set("featured", to: draft.featured)
                .set("moderation", to: draft.moderation?.rawValue)
                .set("comments_version", to: SQLQueryString("comments_version + 1"))
                .where("id", .equal, id)
                .run()
            articleID = id
        } else {
            let row = try await db.insert(into: "articles")
                .columns(
                    "slug", "title", "sapo", "body", "comments_open", "published_at", "updated_at", "status", "markdown",
                    "cover_image", "featured", "moderation"
                )
                .values(
                    SQLBind(draft.slug), SQLBind(draft.title), SQLBind(draft.sapo), SQLBind(body), SQLBind(draft.commentsOpen),
                    SQLBind(publishedAt), SQLBind(Timestamp(now)), SQLBind(draft.status.rawValue), SQLBind(draft.markdown),
                    SQLBind(draft.coverImage), SQLBind(draft.featured), SQLBind(draft.moderation?.rawValue)
                )
                .returning("id")
                .first()
            guard let row else { throw StorageError.noRowReturned }
            articleID = try row.decode(column: "id", as: Article.ID.self)
        }
        try await db.raw("DELETE FROM article_topics WHERE article_id = \(bind: articleID)").run()
        for (position, topic) in draft.topics.enumerated() {
            let topicID = try await topicID(kind: topic.kind, name: topic.name, db)
            try await db.insert(into: "article_topics")
                .columns("article_id", "topic_id", "position")
                .values(SQLBind(articleID), SQLBind(topicID), SQLBind(position))
                .run()
        }
        try await db.insert(into: "article_revisions")
            .columns("article_id", "editor", "draft", "created_at")
            .values(
                SQLBind(articleID), SQLBind(editor), SQLBind(String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)),
                SQLBind(Timestamp(now))
            )
            .run()
        try await SearchIndex.update(articleID, previous: indexed, engine: engine, db)
        try await RelatedArticles.refresh(articleID, pinned: draft.relatedPinned, cascade: cascade, engine: engine, db)
        return articleID
    }

    /// The topic's id, created with this name when its slug is new (an existing topic keeps its name).
    static func topicID(kind: Topic.Kind, name: String, _ db: any SQLDatabase) async throws -> Int64 {
        let slug = VietnameseText.slug(name)
        if let row = try await db.raw("SELECT id FROM topics WHERE kind = \(bind: kind.rawValue) AND slug = \(bind: slug)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        let row = try await db.insert(into: "topics")
            .columns("kind", "slug", "name")
            .values(SQLBind(kind.rawValue), SQLBind(slug), SQLBind(name))
            .returning("id")
            .first()
        guard let row else { throw StorageError.noRowReturned }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func revisions(article: Article.ID, limit: Int) async throws -> [ArticleRevision] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id, article_id, editor, draft, created_at FROM article_revisions
                WHERE article_id = \(bind: article) ORDER BY id DESC LIMIT \(bind: limit)
                """
            ).all().map(Self.revision(from:))
        }
    }

    public func revision(id: ArticleRevision.ID) async throws -> ArticleRevision? {
        try await database.read { db in
            try await db.raw("SELECT id, article_id, editor, draft, created_at FROM article_revisions WHERE id = \(bind: id)")
                .first().map(Self.revision(from:))
        }
    }

    public func publishDue(now: Date) async throws -> [Article.ID] {
        try await database.write { [searchEngine] db in
            let published = try await db.raw(
                """
                UPDATE articles SET status = 'published', updated_at = \(bind: Timestamp(now)),
                    comments_version = comments_version + 1
                WHERE status = 'scheduled' AND published_at <= \(bind: Timestamp(now))
                RETURNING id
                """
            ).all().map { try $0.decode(column: "id", as: Article.ID.self) }
            // A scheduled article was not in the index.
            for id in published {
                try await SearchIndex.update(id, previous: nil, engine: searchEngine, db)
                try await RelatedArticles.refresh(id, pinned: nil, cascade: true, engine: searchEngine, db)
            }
            return published
        }
    }

    static func revision(from row: any SQLRow) throws -> ArticleRevision {
        ArticleRevision(
            id: try row.decode(column: "id", as: ArticleRevision.ID.self),
            articleID: try row.decode(column: "article_id", as: Article.ID.self),
            createdAt: try row.decode(column: "created_at", as: Timestamp.self).date,
            editor: try row.decode(column: "editor", as: String.self),
            draft: try JSONDecoder().decode(ArticleDraft.self, from: Data(try row.decode(column: "draft", as: String.self).utf8)))
    }
}

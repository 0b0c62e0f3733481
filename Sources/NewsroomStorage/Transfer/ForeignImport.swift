import Foundation
import NewsroomCore
import SQLKit

/// Moving in from another system (WordPress, Disqus): each article or thread with its comments is written in one
/// transaction, keyed by the source and its ids there (`import_keys`), so importing the same export again updates
/// what changed and adds nothing twice.
public struct ForeignImport: Sendable {
    /// Where the comments of one thread go.
    public enum Target: Sendable {
        /// An article of the export (created, or updated when imported before).
        case article(ForeignArticle)
        /// An article already on this site.
        case existing(Article.ID)
        /// The comment section of a page elsewhere, created on first use.
        case thread(EmbeddedThread, title: String)
    }

    /// What happened to one target.
    public struct Outcome: Sendable {
        public var article: Article
        /// The article (or thread) was new, changed, or the same as before.
        public var change: Change
        /// Comments added and comments changed, by status.
        public var added: [CommentStatus: Int] = [:]
        public var updated: Int = 0
        public var unchanged: Int = 0
    }

    public enum Change: Sendable { case created, updated, unchanged }

    let store: Store
    /// Names the export's system and site (`wordpress:https://example.vn`), keying its ids.
    public let source: String

    public init(store: Store, source: String) {
        self.store = store
        self.source = source
    }

    /// Writes one target and its comments (parents before the replies that answer them, `ForeignComment.parentsFirst`).
    public func save(_ target: Target, comments: [ForeignComment], now: Date) async throws -> Outcome {
        let engine = DatabaseCapabilities(store.database).search
        let source = source
        let (id, change, counts) = try await store.database.write { db in
            let (id, change) = try await Self.resolve(target, source: source, now: now, engine: engine, db)
            var counts = (added: [CommentStatus: Int](), updated: 0, unchanged: 0)
            for comment in comments {
                switch try await Self.store(comment, article: id, source: source, db) {
                case .created: counts.added[comment.status, default: 0] += 1
                case .updated: counts.updated += 1
                case .unchanged: counts.unchanged += 1
                }
            }
            return (id, change, counts)
        }
        guard let article = try await store.articles.article(id: id) else { throw StorageError.noRowReturned }
        return Outcome(article: article, change: change, added: counts.added, updated: counts.updated, unchanged: counts.unchanged)
    }

    /// The article an export's thread names: an article of this site at that address (its own path, or an old address
    /// that redirects to it), or the thread already made for the URL; nil when there is none yet.
    public func existingArticle(url canonicalURL: String) async throws -> Article.ID? {
        try await store.articles.elsewhere(url: canonicalURL, ownPaths: true)
    }

    private static func resolve(
        _ target: Target, source: String, now: Date, engine: any SearchEngine, _ db: any SQLDatabase
    ) async throws -> (Article.ID, Change) {
        switch target {
        case .existing(let id):
            return (id, .unchanged)
        case .thread(let thread, let title):
            if let row = try await db.raw("SELECT id FROM articles WHERE embed_url = \(bind: thread.url)").first() {
                return (try row.decode(column: "id", as: Article.ID.self), .unchanged)
            }
            return (try await SQLArticleRepository.createThread(thread, title: title, now: now, db), .created)
        case .article(let foreign):
            var draft = foreign.draft
            let known = try await localID(source: source, kind: "article", foreign.externalID, db)
            let existing: Article.ID? =
                if let known, try await db.raw("SELECT id FROM articles WHERE id = \(bind: known)").first() != nil { known } else { nil }
            if let owner = try await db.raw("SELECT id FROM articles WHERE slug = \(bind: draft.slug)").first()?
                .decode(column: "id", as: Article.ID.self), owner != existing
            {
                draft.slug = VietnameseText.slug("\(draft.slug)-\(foreign.externalID)")
            }
            var change = Change.created
            let id: Article.ID
            if let existing {
                // Unchanged since the last import (or edit): no new revision, nothing to reindex.
                let last = try await db.raw(
                    "SELECT draft FROM article_revisions WHERE article_id = \(bind: existing) ORDER BY id DESC LIMIT 1"
                ).first()?.decode(column: "draft", as: String.self)
                if let last, (try? JSONDecoder().decode(ArticleDraft.self, from: Data(last.utf8))) == draft {
                    change = .unchanged
                    id = existing
                } else {
                    change = .updated
                    id = try await SQLArticleRepository.store(draft, id: existing, editor: "import", now: now, engine: engine, db)
                }
            } else {
                id = try await SQLArticleRepository.store(draft, id: nil, editor: "import", now: now, engine: engine, db)
                try await remember(source: source, kind: "article", foreign.externalID, id: id, db)
            }
            for path in foreign.oldPaths where path != Article.path(slug: draft.slug, id: id) {
                try await db.raw(
                    """
                    INSERT INTO redirects (path, article_id) VALUES (\(bind: path), \(bind: id))
                    ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id
                    """
                ).run()
            }
            return (id, change)
        }
    }

    private static func store(_ comment: ForeignComment, article: Article.ID, source: String, _ db: any SQLDatabase) async throws -> Change
    {
        var parentID: Comment.ID?
        var replyToID: Comment.ID?
        if let parent = comment.parentExternalID, let local = try await localID(source: source, kind: "comment", parent, db),
            let row = try await db.raw("SELECT id, parent_id FROM comments WHERE id = \(bind: local) AND article_id = \(bind: article)")
                .first()
        {
            replyToID = local
            parentID = try row.decode(column: "parent_id", as: Comment.ID?.self) ?? local
        }
        let fingerprint = comment.clientFingerprint ?? "import:\(source)"
        if let local = try await localID(source: source, kind: "comment", comment.externalID, db),
            let row = try await db.raw(
                """
                SELECT parent_id, reply_to_id, author, email, author_url, body, status, created_at FROM comments
                WHERE id = \(bind: local) AND article_id = \(bind: article)
                """
            ).first()
        {
            let same =
                try row.decode(column: "parent_id", as: Comment.ID?.self) == parentID
                && row.decode(column: "reply_to_id", as: Comment.ID?.self) == replyToID
                && row.decode(column: "author", as: String.self) == comment.author
                && row.decode(column: "email", as: String?.self) == comment.email
                && row.decode(column: "author_url", as: String?.self) == comment.authorURL
                && row.decode(column: "body", as: String.self) == comment.body
                && row.decode(column: "status", as: String.self) == comment.status.rawValue
                && row.decode(column: "created_at", as: Timestamp.self).milliseconds == Timestamp(comment.createdAt).milliseconds
            if same { return .unchanged }
            try await db.update("comments")
                .set("parent_id", to: parentID).set("reply_to_id", to: replyToID).set("author", to: comment.author)
                .set("email", to: comment.email).set("author_url", to: comment.authorURL).set("body", to: comment.body)
                .set("status", to: comment.status.rawValue).set("created_at", to: Timestamp(comment.createdAt))
                .where("id", .equal, local)
                .run()
            return .updated
        }
        if let wordpressID = comment.wordpressID,
            let row = try await db.raw(
                """
                SELECT k.local_id FROM import_keys k JOIN comments c ON c.id = k.local_id
                WHERE k.kind = 'comment' AND k.external_id = \(bind: wordpressID) AND k.source LIKE 'wordpress:%'
                    AND c.body = \(bind: comment.body)
                """
            ).first()
        {
            // Already here from the WordPress export, with the same text: this is that comment, as Disqus synced it.
            let local = try row.decode(column: "local_id", as: Int64.self)
            try await remember(source: source, kind: "comment", comment.externalID, id: local, db)
            return .unchanged
        }
        let row = try await db.insert(into: "comments")
            .columns(
                "article_id", "parent_id", "reply_to_id", "author", "email", "author_url", "body", "status", "client_fingerprint",
                "created_at"
            )
            .values(
                SQLBind(article), SQLBind(parentID), SQLBind(replyToID), SQLBind(comment.author), SQLBind(comment.email),
                SQLBind(comment.authorURL), SQLBind(comment.body), SQLBind(comment.status.rawValue), SQLBind(fingerprint),
                SQLBind(Timestamp(comment.createdAt))
            )
            .returning("id")
            .first()
        guard let row else { throw StorageError.noRowReturned }
        let id = try row.decode(column: "id", as: Comment.ID.self)
        // A key left by a comment deleted since the last import points at the new one.
        try await db.raw(
            "DELETE FROM import_keys WHERE source = \(bind: source) AND kind = 'comment' AND external_id = \(bind: comment.externalID)"
        ).run()
        try await remember(source: source, kind: "comment", comment.externalID, id: id, db)
        return .created
    }

    private static func localID(source: String, kind: String, _ externalID: String, _ db: any SQLDatabase) async throws -> Int64? {
        try await db.raw(
            """
            SELECT local_id FROM import_keys
            WHERE source = \(bind: source) AND kind = \(bind: kind) AND external_id = \(bind: externalID)
            """
        ).first()?.decode(column: "local_id", as: Int64.self)
    }

    /// Keys an imported row by its id there; a key left by a row deleted here since the last import now names the new one.
    private static func remember(source: String, kind: String, _ externalID: String, id: Int64, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "DELETE FROM import_keys WHERE source = \(bind: source) AND kind = \(bind: kind) AND external_id = \(bind: externalID)"
        ).run()
        try await db.insert(into: "import_keys")
            .columns("source", "kind", "external_id", "local_id")
            .values(SQLBind(source), SQLBind(kind), SQLBind(externalID), SQLBind(id))
            .run()
    }
}

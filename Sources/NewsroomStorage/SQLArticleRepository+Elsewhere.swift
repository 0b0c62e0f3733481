import Crypto
import Foundation
import NewsroomCore
import SQLKit

/// Articles as other addresses know them: old addresses of articles that moved in (`redirects`, written by
/// `ForeignImport`), and the comment sections of pages on other sites (`embed_url`).
extension SQLArticleRepository {
    public func redirect(from oldAddress: String) async throws -> String? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT a.id, a.slug FROM redirects r JOIN articles a ON a.id = r.article_id
                WHERE r.path = \(bind: oldAddress) AND a.status = 'published'
                """
            ).first().map { row in
                Article.path(slug: try row.decode(column: "slug", as: String.self), id: try row.decode(column: "id", as: Article.ID.self))
            }
        }
    }

    public func elsewhere(url canonicalURL: String, ownPaths: Bool) async throws -> Article.ID? {
        let path = URLComponents(string: canonicalURL).map {
            ForeignArticle.redirectKey(path: $0.percentEncodedPath, query: $0.percentEncodedQuery)
        }
        return try await database.read { db in
            if let row = try await db.raw("SELECT id FROM articles WHERE embed_url = \(bind: canonicalURL)").first() {
                return try row.decode(column: "id", as: Article.ID.self)
            }
            guard let path, path != "/" else { return nil }
            if let row = try await db.raw("SELECT article_id FROM redirects WHERE path = \(bind: path)").first() {
                return try row.decode(column: "article_id", as: Article.ID.self)
            }
            let parts = path.split(separator: "/")
            guard ownPaths, parts.count == 1, let id = Article.id(fromPathComponent: String(parts[0])),
                let row = try await db.raw("SELECT slug FROM articles WHERE id = \(bind: id) AND embed_url IS NULL").first(),
                Article.path(slug: try row.decode(column: "slug", as: String.self), id: id) == path
            else { return nil }
            return id
        }
    }

    public func createThread(_ thread: EmbeddedThread, title: String, now: Date) async throws -> Article.ID {
        do {
            return try await database.write { db in
                if let row = try await db.raw("SELECT id FROM articles WHERE embed_url = \(bind: thread.url)").first() {
                    return try row.decode(column: "id", as: Article.ID.self)
                }
                return try await Self.createThread(thread, title: title, now: now, db)
            }
        } catch {
            // Two first readers of a page arrived together, on two instances: the second finds the first one's thread.
            guard
                let row = try await database.read({ db in
                    try await db.raw("SELECT id FROM articles WHERE embed_url = \(bind: thread.url)").first()
                })
            else { throw error }
            return try row.decode(column: "id", as: Article.ID.self)
        }
    }

    /// An article row that is only the comment section of a page elsewhere: published (so it takes comments), never
    /// listed.
    static func createThread(_ thread: EmbeddedThread, title: String, now: Date, _ db: any SQLDatabase) async throws -> Article.ID {
        let name = VietnameseText.cleanedLine(title)
        // Titles repeat across sites; the page's address keeps the slug unique.
        let urlKey = SHA256.hash(data: Data(thread.url.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        let row = try await db.insert(into: "articles")
            .columns(
                "slug", "title", "sapo", "body", "comments_open", "published_at", "updated_at", "status", "featured", "embed_url",
                "embed_site"
            )
            .values(
                SQLBind(VietnameseText.slug((name.isEmpty ? "binh-luan" : name) + " " + urlKey)), SQLBind(name.isEmpty ? thread.url : name),
                SQLBind(""),
                SQLBind("[]"), SQLBind(true), SQLBind(Timestamp(now)), SQLBind(Timestamp(now)), SQLBind("published"), SQLBind(false),
                SQLBind(thread.url), SQLBind(thread.site)
            )
            .returning("id")
            .first()
        guard let row else { throw StorageError.noRowReturned }
        return try row.decode(column: "id", as: Article.ID.self)
    }

}

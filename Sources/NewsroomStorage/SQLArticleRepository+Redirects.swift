import NewsroomCore
import SQLKit

/// Old addresses of articles that moved in (`redirects`, written by `ForeignImport`).
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
}

import NewsroomCore
import SQLKit

/// The one way to mark articles' pages changed (`PageStamp`): every write that changes what a page shows calls
/// one of these inside its own transaction.
enum PageVersion {
    /// These articles' pages changed.
    static func bump(_ articles: Set<Article.ID>) -> SQLQueryString {
        "UPDATE articles SET comments_version = comments_version + 1 WHERE id IN (\(binds: articles.sorted()))"
    }

    static func bump(article: Article.ID, on db: any SQLDatabase) async throws {
        try await db.raw(bump([article])).run()
    }

    /// The pages of the articles these comments belong to changed.
    static func bump(articlesOf comments: [Comment.ID], on db: any SQLDatabase) async throws {
        guard !comments.isEmpty else { return }
        try await db.raw(
            "UPDATE articles SET comments_version = comments_version + 1 WHERE id IN (SELECT article_id FROM comments WHERE id IN (\(binds: comments)))"
        ).run()
    }
}

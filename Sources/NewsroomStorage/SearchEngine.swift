import Foundation
import NewsroomCore
import SQLKit

/// The full-text engine behind search: how the index is written and asked, which is all of search that differs
/// between the databases. `SearchIndex` keeps the index current through it, `SQLSearchRepository` and the moderation
/// desk read ranked ids from it.
protocol SearchEngine: Sendable {
    /// What marks an exact key in the indexed text (`SearchText.indexed`): empty where exact keys have a column of
    /// their own.
    var exactPrefix: String { get }

    /// The entry the index holds for article `id`, read before the article changes when the engine must discount it
    /// (term counts); nil when it is not indexed, or when the engine keeps nothing to discount.
    func entry(of id: Article.ID, _ db: any SQLDatabase) async throws -> SearchIndex.Document?

    /// Puts the article's entry as it is now (`current`; nil when it is not published) in place of the one it had
    /// (`previous`, from `entry(of:)`).
    func update(
        _ id: Article.ID, previous: SearchIndex.Document?, current: SearchIndex.Document?, _ db: any SQLDatabase
    ) async throws

    /// Adds an article's entry to an index that `clearArticles` emptied (a rebuild).
    func insert(_ document: SearchIndex.Document, id: Article.ID, _ db: any SQLDatabase) async throws

    /// Indexes a comment's text (author and body, as `SearchText.indexed` gives them), replacing what it had.
    func indexComment(_ id: Comment.ID, text: (folded: String, exact: String), _ db: any SQLDatabase) async throws

    /// Empties the articles' index.
    func clearArticles(_ db: any SQLDatabase) async throws

    /// Empties the comments' index.
    func clearComments(_ db: any SQLDatabase) async throws

    /// After a rebuild, whatever keeps the new index quick to query.
    func optimize(on database: any Database) async throws

    /// The first `count` ids of the articles matching `query` and `filter`, in ranking order, among the newest
    /// `SearchResults.window` matches; and how many articles match, up to one more than the window.
    func rankArticles(
        _ query: SearchQuery, filter: SearchFilter, reading count: Int, _ db: any SQLDatabase
    ) async throws -> ([Article.ID], Int)

    /// The ids of comments whose author or text matches `query`, best first and then newest, `limit` at most.
    func rankComments(_ query: SearchQuery, limit: Int, _ db: any SQLDatabase) async throws -> [Comment.ID]
}

extension SearchEngine {
    /// The filter's category condition, on the index's article id column `id`.
    func inCategory(_ category: String?, id: String) -> SQLQueryString {
        guard let category else { return "" }
        return """
             AND EXISTS (SELECT 1 FROM article_topics at WHERE at.article_id = \(unsafeRaw: id)
                AND at.topic_id = (SELECT t.id FROM topics t WHERE t.kind = 'category' AND t.slug = \(bind: category)))
            """
    }
}

extension SearchFilter {
    /// The range of publication times the filter asks for, open ends filled in; nil when it asks for none.
    var publishedRange: (from: Timestamp, to: Timestamp)? {
        guard from != nil || to != nil else { return nil }
        return (Timestamp(from ?? Date(timeIntervalSince1970: 0)), Timestamp(to ?? Date(timeIntervalSince1970: 32_503_680_000)))
    }
}

import NewsroomCore
import SQLKit

/// Search on PostgreSQL: `tsvector('simple')` columns, folded and exact apart, under GIN indexes, ranked with
/// `ts_rank`, the exact keys weighing four times the folded words. It keeps no term counts.
struct PostgresSearchEngine: SearchEngine {
    var exactPrefix: String { "" }

    func entry(of id: Article.ID, _ db: any SQLDatabase) async throws -> SearchIndex.Document? { nil }

    func update(
        _ id: Article.ID, previous: SearchIndex.Document?, current: SearchIndex.Document?, _ db: any SQLDatabase
    ) async throws {
        guard let current else {
            try await db.raw("DELETE FROM article_search WHERE article_id = \(bind: id)").run()
            return
        }
        try await insert(current, id: id, db)
    }

    /// An upsert: it replaces the entry the article had, if any.
    func insert(_ document: SearchIndex.Document, id: Article.ID, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO article_search (article_id, folded, exact) VALUES (\(bind: id),
                setweight(to_tsvector('simple', \(bind: document.title.folded)), 'A')
                    || setweight(to_tsvector('simple', \(bind: document.lede.folded)), 'B')
                    || setweight(to_tsvector('simple', \(bind: document.body.folded)), 'D'),
                setweight(to_tsvector('simple', \(bind: document.title.exact)), 'A')
                    || setweight(to_tsvector('simple', \(bind: document.lede.exact)), 'B')
                    || setweight(to_tsvector('simple', \(bind: document.body.exact)), 'D'))
            ON CONFLICT (article_id) DO UPDATE SET folded = EXCLUDED.folded, exact = EXCLUDED.exact
            """
        ).run()
    }

    func indexComment(_ id: Comment.ID, text: (folded: String, exact: String), _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO comment_search (comment_id, folded, exact)
            VALUES (\(bind: id), to_tsvector('simple', \(bind: text.folded)), to_tsvector('simple', \(bind: text.exact)))
            ON CONFLICT (comment_id) DO UPDATE SET folded = EXCLUDED.folded, exact = EXCLUDED.exact
            """
        ).run()
    }

    func clearArticles(_ db: any SQLDatabase) async throws { try await db.raw("TRUNCATE article_search").run() }

    func clearComments(_ db: any SQLDatabase) async throws { try await db.raw("TRUNCATE comment_search").run() }

    /// The GIN index needs nothing after a rebuild.
    func optimize(on database: any Database) async throws {}

    /// As on SQLite: the newest matches first, as ids only (GIN finds them, or PostgreSQL walks the newest articles
    /// back when the words are common), then only those are ranked.
    func rankArticles(
        _ query: SearchQuery, filter: SearchFilter, reading count: Int, _ db: any SQLDatabase
    ) async throws -> ([Article.ID], Int) {
        let tsquery = TSQuery(query)
        let window = SearchResults.window
        var rank: SQLQueryString = "ts_rank(s.folded, to_tsquery('simple', \(bind: tsquery.folded)))"
        if let exact = tsquery.exact { rank = rank + " + 4 * ts_rank(s.exact, to_tsquery('simple', \(bind: exact)))" }
        let rows = try await db.raw(
            """
            SELECT w.article_id, w.matches FROM (
                SELECT article_id, row_number() OVER (ORDER BY article_id DESC) AS position, count(*) OVER () AS matches FROM (
                    SELECT s.article_id FROM article_search s WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded))
                    \(condition(filter)) ORDER BY s.article_id DESC LIMIT \(bind: window + 1)) m) w
            JOIN article_search s ON s.article_id = w.article_id JOIN articles a ON a.id = w.article_id
            WHERE w.position <= \(bind: window)
            ORDER BY \(rank) DESC, a.published_at DESC, w.article_id DESC LIMIT \(bind: min(window, count))
            """
        ).all()
        guard let first = rows.first else { return ([], 0) }
        return (
            try rows.map { try $0.decode(column: "article_id", as: Article.ID.self) }, try first.decode(column: "matches", as: Int.self)
        )
    }

    /// The filter's conditions, checked match by match as the search walks them newest first.
    private func condition(_ filter: SearchFilter) -> SQLQueryString {
        var condition = inCategory(filter.category, id: "s.article_id")
        if let range = filter.publishedRange {
            condition =
                condition
                    + """
                     AND EXISTS (SELECT 1 FROM articles d WHERE d.id = s.article_id
                        AND d.published_at BETWEEN \(bind: range.from) AND \(bind: range.to))
                    """
        }
        return condition
    }

    func rankComments(_ query: SearchQuery, limit: Int, _ db: any SQLDatabase) async throws -> [Comment.ID] {
        let tsquery = TSQuery(query)
        var rank: SQLQueryString = "ts_rank(folded, to_tsquery('simple', \(bind: tsquery.folded)))"
        if let exact = tsquery.exact { rank = rank + " + 4 * ts_rank(exact, to_tsquery('simple', \(bind: exact)))" }
        return try await db.raw(
            """
            SELECT comment_id AS id FROM comment_search WHERE folded @@ to_tsquery('simple', \(bind: tsquery.folded))
            ORDER BY \(rank) DESC, comment_id DESC LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(column: "id", as: Comment.ID.self) }
    }
}

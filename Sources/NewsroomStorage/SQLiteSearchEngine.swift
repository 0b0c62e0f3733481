import NewsroomCore
import SQLKit

/// Search on SQLite: FTS5 tables (`article_search`, `comment_search`) holding folded and exact keys side by side
/// (the exact ones marked by `FTS5Query.exactPrefix`), ranked with BM25 (`SearchRanking`) over term counts kept in
/// the same transaction (`SearchTermCounts`).
struct SQLiteSearchEngine: SearchEngine {
    var exactPrefix: String { FTS5Query.exactPrefix }

    func entry(of id: Article.ID, _ db: any SQLDatabase) async throws -> SearchIndex.Document? {
        try await SearchIndex.document(of: id, engine: self, db)
    }

    func update(
        _ id: Article.ID, previous: SearchIndex.Document?, current: SearchIndex.Document?, _ db: any SQLDatabase
    ) async throws {
        if let previous { try await SearchTermCounts.subtract(previous, db) }
        try await db.raw("DELETE FROM article_search WHERE rowid = \(bind: id)").run()
        guard let current else { return }
        try await insert(current, id: id, db)
        try await SearchTermCounts.add(current, db)
    }

    func insert(_ document: SearchIndex.Document, id: Article.ID, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO article_search (rowid, title_f, lede_f, body_f, title_e, lede_e, body_e)
            VALUES (\(bind: id), \(bind: document.title.folded), \(bind: document.lede.folded), \(bind: document.body.folded),
                \(bind: document.title.exact), \(bind: document.lede.exact), \(bind: document.body.exact))
            """
        ).run()
    }

    func indexComment(_ id: Comment.ID, text: (folded: String, exact: String), _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM comment_search WHERE rowid = \(bind: id)").run()
        try await db.raw(
            "INSERT INTO comment_search (rowid, folded, exact) VALUES (\(bind: id), \(bind: text.folded), \(bind: text.exact))"
        ).run()
    }

    func clearArticles(_ db: any SQLDatabase) async throws { try await db.raw("DELETE FROM article_search").run() }

    func clearComments(_ db: any SQLDatabase) async throws { try await db.raw("DELETE FROM comment_search").run() }

    /// After a rebuild, FTS5 holds the index in many small segments (one per batch) and every query would merge them:
    /// `optimize` merges them into one, then the keys are counted from the merged index, in the same transaction (so
    /// no change slips in between).
    func optimize(on database: any Database) async throws {
        try await database.write { db in
            try await db.raw("INSERT INTO article_search (article_search) VALUES ('optimize')").run()
            try await db.raw("INSERT INTO comment_search (comment_search) VALUES ('optimize')").run()
            try await SearchTermCounts.recount(db)
        }
    }

    /// FTS5 walks the matches newest first and stops after the window, however common the words; BM25
    /// (`SearchRanking`, with the counts of `SearchTermCounts`) scores only those, and the same walk counts them. Ties
    /// of score go to the newer article: a few more rows than asked are taken by score, then ordered by publication
    /// time within equal scores.
    func rankArticles(
        _ query: SearchQuery, filter: SearchFilter, reading count: Int, _ db: any SQLDatabase
    ) async throws -> ([Article.ID], Int) {
        let fts5 = FTS5Query(query)
        let window = SearchResults.window
        let documents = try await SearchTermCounts.documents(holding: fts5.phrases, db)
        let rows = try await db.raw(
            """
            SELECT s.id, s.matches FROM (
                SELECT id, score, matches FROM (
                    SELECT id, score, row_number() OVER (ORDER BY id DESC) AS position, count(*) OVER () AS matches FROM (
                        SELECT rowid AS id, \(unsafeRaw: SearchRanking.functionName)(article_search, \(binds: documents)) AS score
                        FROM article_search WHERE article_search MATCH \(bind: fts5.expression) \(condition(filter))
                        ORDER BY rowid DESC LIMIT \(bind: window + 1)))
                WHERE position <= \(bind: window) ORDER BY score, id DESC LIMIT \(bind: min(window, count + 20))) s
            JOIN articles a ON a.id = s.id ORDER BY s.score, a.published_at DESC, s.id DESC
            """
        ).all()
        guard let first = rows.first else { return ([], 0) }
        return (try rows.map { try $0.decode(column: "id", as: Article.ID.self) }, try first.decode(column: "matches", as: Int.self))
    }

    /// The filter's conditions, checked match by match as FTS5 walks them newest first. The dates go through the list
    /// of the articles in the range, read once; the `+` keeps that list away from FTS5, which would otherwise run the
    /// whole match once per id.
    private func condition(_ filter: SearchFilter) -> SQLQueryString {
        var condition = inCategory(filter.category, id: "article_search.rowid")
        if let range = filter.publishedRange {
            condition =
                condition + " AND +rowid IN (SELECT id FROM articles WHERE published_at BETWEEN \(bind: range.from) AND \(bind: range.to))"
        }
        return condition
    }

    func rankComments(_ query: SearchQuery, limit: Int, _ db: any SQLDatabase) async throws -> [Comment.ID] {
        let match = FTS5Query(query).expression
        return try await db.raw(
            """
            SELECT rowid AS id FROM comment_search WHERE comment_search MATCH \(bind: match)
            ORDER BY bm25(comment_search, 1.0, 4.0), rowid DESC LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(column: "id", as: Comment.ID.self) }
    }
}

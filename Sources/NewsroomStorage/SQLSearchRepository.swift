import Foundation
import NewsroomCore
import SQLKit

/// Search over the index `SearchIndex` keeps. Every query term must match a folded word (a query without diacritics
/// finds text with them); the exact keys of what the reader typed with diacritics (or in Telex or VNI) only raise the
/// score, so "bàn" ranks "bàn" above "bán". SQLite ranks with FTS5's BM25; PostgreSQL with `ts_rank`, the exact
/// matches weighing more. Recency breaks ties.
public struct SQLSearchRepository: SearchRepository {
    let database: any Database

    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(articles: [], total: 0) }
        let dialect = database.dialect
        return try await database.read { db in
            let (ranked, matches) =
                switch dialect {
                case .sqlite: try await Self.rankedOnSQLite(query, filter: filter, reading: offset + limit, db)
                case .postgres: try await Self.rankedOnPostgres(query, filter: filter, reading: offset + limit, db)
                }
            let total = min(matches, SearchResults.window)
            let capped = matches > SearchResults.window
            let page = Array(ranked.dropFirst(offset).prefix(limit))
            guard !page.isEmpty else { return SearchResults(articles: [], total: total, capped: capped) }
            // The status is checked here, not in SQL: with it, SQLite would read its status index whole. (The index
            // holds published articles only; this read is a moment later.)
            let rows = try await db.raw("SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id IN (\(binds: page))")
                .all()
            let articles = Dictionary(
                try rows.map(SQLArticleRepository.article(from:)).filter { $0.status == .published }.map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            return SearchResults(articles: page.compactMap { articles[$0] }, total: total, capped: capped)
        }
    }

    /// The first `count` ids in ranking order, and how many articles match (up to one more than the window). FTS5
    /// walks the matches newest first and stops after the window, however common the words; BM25 (`SearchRanking`,
    /// with the counts of `SearchTermCounts`) scores only those, and the same walk counts them. Ties of score go to
    /// the newer article: a few more rows than asked are taken by score, then ordered by publication time within equal
    /// scores.
    static func rankedOnSQLite(
        _ query: SearchQuery, filter: SearchFilter, reading count: Int, _ db: any SQLDatabase
    )
        async throws -> ([Article.ID], Int)
    {
        let fts5 = FTS5Query(query)
        let window = SearchResults.window
        let documents = try await SearchTermCounts.documents(holding: fts5.phrases, db)
        let rows = try await db.raw(
            """
            SELECT s.id, s.matches FROM (
                SELECT id, score, matches FROM (
                    SELECT id, score, row_number() OVER (ORDER BY id DESC) AS position, count(*) OVER () AS matches FROM (
                        SELECT rowid AS id, \(unsafeRaw: SearchRanking.functionName)(article_search, \(binds: documents)) AS score
                        FROM article_search WHERE article_search MATCH \(bind: fts5.expression) \(condition(filter, dialect: .sqlite))
                        ORDER BY rowid DESC LIMIT \(bind: window + 1)))
                WHERE position <= \(bind: window) ORDER BY score, id DESC LIMIT \(bind: min(window, count + 20))) s
            JOIN articles a ON a.id = s.id ORDER BY s.score, a.published_at DESC, s.id DESC
            """
        ).all()
        guard let first = rows.first else { return ([], 0) }
        return (try rows.map { try $0.decode(column: "id", as: Article.ID.self) }, try first.decode(column: "matches", as: Int.self))
    }

    /// As on SQLite: the newest matches first, as ids only (GIN finds them, or PostgreSQL walks the newest articles
    /// back when the words are common), then only those are ranked, with `ts_rank`, the exact keys weighing four times
    /// the folded words.
    static func rankedOnPostgres(
        _ query: SearchQuery, filter: SearchFilter, reading count: Int, _ db: any SQLDatabase
    )
        async throws -> ([Article.ID], Int)
    {
        let tsquery = TSQuery(query)
        let window = SearchResults.window
        var rank: SQLQueryString = "ts_rank(s.folded, to_tsquery('simple', \(bind: tsquery.folded)))"
        if let exact = tsquery.exact { rank = rank + " + 4 * ts_rank(s.exact, to_tsquery('simple', \(bind: exact)))" }
        let rows = try await db.raw(
            """
            SELECT w.article_id, w.matches FROM (
                SELECT article_id, row_number() OVER (ORDER BY article_id DESC) AS position, count(*) OVER () AS matches FROM (
                    SELECT s.article_id FROM article_search s WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded))
                    \(condition(filter, dialect: .postgres)) ORDER BY s.article_id DESC LIMIT \(bind: window + 1)) m) w
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

    public func rebuild() async throws -> Int {
        try await SearchIndex.rebuild(on: database)
    }

    /// The filter's conditions, checked match by match as the search walks them newest first, on the id of
    /// `article_search` (`rowid` in FTS5). On SQLite the dates go through the list of the articles in the range, read
    /// once; the `+` keeps that list away from FTS5, which would otherwise run the whole match once per id.
    static func condition(_ filter: SearchFilter, dialect: DatabaseDialect) -> SQLQueryString {
        let id = dialect == .sqlite ? "article_search.rowid" : "s.article_id"
        var condition: SQLQueryString = ""
        if let category = filter.category {
            condition =
                condition
                    + """
                     AND EXISTS (SELECT 1 FROM article_topics at WHERE at.article_id = \(unsafeRaw: id)
                        AND at.topic_id = (SELECT t.id FROM topics t WHERE t.kind = 'category' AND t.slug = \(bind: category)))
                    """
        }
        if filter.from != nil || filter.to != nil {
            let from = Timestamp(filter.from ?? Date(timeIntervalSince1970: 0))
            let to = Timestamp(filter.to ?? Date(timeIntervalSince1970: 32_503_680_000))
            condition =
                switch dialect {
                case .sqlite:
                    condition + " AND +rowid IN (SELECT id FROM articles WHERE published_at BETWEEN \(bind: from) AND \(bind: to))"
                case .postgres:
                    condition
                        + """
                         AND EXISTS (SELECT 1 FROM articles d WHERE d.id = s.article_id
                            AND d.published_at BETWEEN \(bind: from) AND \(bind: to))
                        """
                }
        }
        return condition
    }
}

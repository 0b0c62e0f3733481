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
        switch database.dialect {
        case .sqlite:
            // FTS5 finds the newest `window` matches in rowid order (it stops there, however common the words) and
            // scores only those with BM25 (`SearchRanking`, with the counts of `SearchTermCounts`); the articles of
            // the page are read afterwards by id. Ties of score go to the newer article: the rows read are a little
            // more than the page, re-sorted by publication time within equal scores.
            let fts5 = FTS5Query(query)
            let narrowing = Self.condition(filter, dialect: .sqlite)
            let window = SearchResults.window
            let read = min(window, offset + limit + 20)
            return try await database.read { db in
                let documents = try await SearchTermCounts.documents(holding: fts5.phrases, db)
                // One walk of the matches: one more than the window is read, to know whether more match.
                let matches = try await db.raw(
                    """
                    SELECT id, score, matches FROM (
                        SELECT id, score, row_number() OVER (ORDER BY id DESC) AS position, count(*) OVER () AS matches FROM (
                            SELECT rowid AS id, \(unsafeRaw: SearchRanking.functionName)(article_search, \(binds: documents)) AS score
                            FROM article_search WHERE article_search MATCH \(bind: fts5.expression) \(narrowing)
                            ORDER BY rowid DESC LIMIT \(bind: window + 1)))
                    WHERE position <= \(bind: window) ORDER BY score, id DESC LIMIT \(bind: read)
                    """
                ).all()
                let scored = try matches.map {
                    (id: try $0.decode(column: "id", as: Article.ID.self), score: try $0.decode(column: "score", as: Double.self))
                }
                let counted = try matches.first?.decode(column: "matches", as: Int.self) ?? 0
                let total = min(counted, window)
                guard !scored.isEmpty else { return SearchResults(articles: [], total: total, capped: counted > window) }
                var published: [Article.ID: Int64] = [:]
                for row in try await db.raw("SELECT id, published_at FROM articles WHERE id IN (\(binds: scored.map(\.id)))").all() {
                    published[try row.decode(column: "id", as: Article.ID.self)] = try row.decode(column: "published_at", as: Int64.self)
                }
                let ordered = scored.sorted { a, b in
                    a.score != b.score ? a.score < b.score : (published[a.id] ?? 0, a.id) > (published[b.id] ?? 0, b.id)
                }
                let page = Array(ordered.dropFirst(offset).prefix(limit).map(\.id))
                guard !page.isEmpty else { return SearchResults(articles: [], total: total, capped: counted > window) }
                // The status is checked here, not in SQL: with it, SQLite would read its status index whole.
                let rows = try await db.raw(
                    "SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id IN (\(binds: page))"
                ).all()
                let articles = Dictionary(
                    try rows.map(SQLArticleRepository.article(from:)).filter { $0.status == .published }.map { ($0.id, $0) },
                    uniquingKeysWith: { first, _ in first })
                return SearchResults(articles: page.compactMap { articles[$0] }, total: total, capped: counted > window)
            }
        case .postgres:
            // As on SQLite: the newest `window` matches are ranked and counted.
            let condition = Self.condition(filter, dialect: .postgres)
            let tsquery = TSQuery(query)
            let window = SearchResults.window
            var rank: SQLQueryString = "ts_rank(m.folded, to_tsquery('simple', \(bind: tsquery.folded)))"
            if let exact = tsquery.exact { rank = rank + " + 4 * ts_rank(m.exact, to_tsquery('simple', \(bind: exact)))" }
            return try await database.read { [rank] db in
                let matches: SQLQueryString = """
                    SELECT s.article_id, s.folded, s.exact, a.published_at FROM article_search s JOIN articles a ON a.id = s.article_id
                    WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded)) AND a.status = 'published' \(condition)
                    ORDER BY s.article_id DESC LIMIT \(bind: window)
                    """
                let ranked = try await db.raw(
                    """
                    SELECT m.article_id FROM (\(matches)) m
                    ORDER BY \(rank) DESC, m.published_at DESC, m.article_id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                    """
                ).all().map { try $0.decode(column: "article_id", as: Article.ID.self) }
                let counted =
                    try await db.raw(
                        """
                        SELECT COUNT(*) AS n FROM (SELECT 1 FROM article_search s JOIN articles a ON a.id = s.article_id
                        WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded)) AND a.status = 'published' \(condition)
                        LIMIT \(bind: window + 1)) c
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                guard !ranked.isEmpty else { return SearchResults(articles: [], total: min(counted, window), capped: counted > window) }
                let rows = try await db.raw(
                    "SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id IN (\(binds: ranked))"
                ).all()
                let articles = Dictionary(
                    try rows.map(SQLArticleRepository.article(from:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                return SearchResults(
                    articles: ranked.compactMap { articles[$0] }, total: min(counted, window), capped: counted > window)
            }
        }
    }

    public func rebuild() async throws -> Int {
        try await SearchIndex.rebuild(on: database)
    }

    /// The filter's conditions, checked match by match as the search walks them newest first: on the id of
    /// `article_search` (SQLite) or on `articles a` (PostgreSQL). On SQLite the dates go through the list of articles
    /// in the range, read once; the `+` keeps that list away from FTS5, which would otherwise run the whole match
    /// once per id.
    static func condition(_ filter: SearchFilter, dialect: DatabaseDialect) -> SQLQueryString {
        let id = dialect == .sqlite ? "article_search.rowid" : "a.id"
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
            switch dialect {
            case .sqlite:
                condition =
                    condition + " AND +rowid IN (SELECT id FROM articles WHERE published_at BETWEEN \(bind: from) AND \(bind: to))"
            case .postgres: condition = condition + " AND a.published_at BETWEEN \(bind: from) AND \(bind: to)"
            }
        }
        return condition
    }
}

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
            // scores only those with BM25; the articles of the page are read afterwards by id. Ties of score go to the
            // newer article: the rows read are a little more than the page, re-sorted by publication time within
            // equal scores.
            let match = FTS5Query(query).expression
            let narrowing = Self.sqliteCondition(filter)
            let window = SearchResults.window
            let read = min(window, offset + limit + 20)
            return try await database.read { db in
                let scored = try await db.raw(
                    """
                    SELECT id, score FROM (
                        SELECT rowid AS id, bm25(article_search, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0) AS score FROM article_search
                        WHERE article_search MATCH \(bind: match) \(narrowing) ORDER BY rowid DESC LIMIT \(bind: window))
                    ORDER BY score, id DESC LIMIT \(bind: read)
                    """
                ).all().map {
                    (id: try $0.decode(column: "id", as: Article.ID.self), score: try $0.decode(column: "score", as: Double.self))
                }
                let counted =
                    try await db.raw(
                        """
                        SELECT COUNT(*) AS n FROM (SELECT rowid FROM article_search WHERE article_search MATCH \(bind: match) \(narrowing)
                            ORDER BY rowid DESC LIMIT \(bind: window + 1))
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
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
                let rows = try await db.raw(
                    "SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id IN (\(binds: page)) AND status = 'published'"
                ).all()
                let articles = Dictionary(
                    try rows.map(SQLArticleRepository.article(from:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                return SearchResults(articles: page.compactMap { articles[$0] }, total: total, capped: counted > window)
            }
        case .postgres:
            // As on SQLite: the newest `window` matches are ranked and counted.
            let condition = Self.condition(filter)
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

    /// The filter's conditions on the FTS5 table's rowid (the article's id), each through a narrow index. The `+` keeps
    /// the condition away from FTS5, which would otherwise run the whole match once per id of the list.
    static func sqliteCondition(_ filter: SearchFilter) -> SQLQueryString {
        var condition: SQLQueryString = ""
        if let category = filter.category {
            condition =
                condition
                    + """
                     AND +rowid IN (SELECT at.article_id FROM article_topics at JOIN topics t ON t.id = at.topic_id
                        WHERE t.kind = 'category' AND t.slug = \(bind: category))
                    """
        }
        if filter.from != nil || filter.to != nil {
            let from = Timestamp(filter.from ?? Date(timeIntervalSince1970: 0))
            let to = Timestamp(filter.to ?? Date(timeIntervalSince1970: 32_503_680_000))
            condition =
                condition + " AND +rowid IN (SELECT id FROM articles WHERE published_at BETWEEN \(bind: from) AND \(bind: to))"
        }
        return condition
    }

    /// The filter's conditions on `articles a`.
    static func condition(_ filter: SearchFilter) -> SQLQueryString {
        var condition: SQLQueryString = ""
        if let category = filter.category {
            condition =
                condition
                    + """
                     AND a.id IN (SELECT at.article_id FROM article_topics at JOIN topics t ON t.id = at.topic_id
                        WHERE t.kind = 'category' AND t.slug = \(bind: category))
                    """
        }
        if let from = filter.from { condition = condition + " AND a.published_at >= \(bind: Timestamp(from))" }
        if let to = filter.to { condition = condition + " AND a.published_at <= \(bind: Timestamp(to))" }
        return condition
    }
}

/// A query's terms in one engine's syntax: the required ones (folded words, each with its readings, and phrases) and
/// the exact keys that only raise the score.
struct MatchTerms {
    var required: [String] = []
    var boosts: [String] = []

    /// `token` writes one token, `alternatives` a word's readings, `phrase` words that must follow each other.
    init(
        _ query: SearchQuery, exactPrefix: String = "", token: (String) -> String, alternatives: ([String]) -> String,
        phrase: ([String]) -> String
    ) {
        for term in query.terms {
            switch term {
            case .word(let readings):
                required.append(alternatives(readings.map { token($0.folded) }))
                boosts += readings.filter(\.hasMarks).map { token(exactPrefix + $0.exact) }
            case .phrase(let words):
                required.append(phrase(words.map(\.folded)))
                if words.contains(where: \.hasMarks) { boosts.append(phrase(words.map { exactPrefix + $0.exact })) }
            }
        }
    }
}

/// A query as an FTS5 MATCH expression. Every token is a run of letters and digits in double quotes, so nothing the
/// reader typed is read as FTS5 syntax.
struct FTS5Query {
    /// Written before every exact key in the index, so exact keys and folded words never share a token: no query
    /// needs a column filter (which FTS5 applies position by position, the slow path on long doclists).
    static let exactPrefix = "0"

    let expression: String

    init(_ query: SearchQuery) {
        let terms = MatchTerms(
            query, exactPrefix: Self.exactPrefix, token: Self.quoted, alternatives: { "(" + $0.joined(separator: " OR ") + ")" },
            phrase: { Self.quoted($0.joined(separator: " ")) })
        let all = terms.required.joined(separator: " AND ")
        // The boosts are optional: OR-ed with the first required term, which every match has anyway, so they add to
        // BM25's score only where they match.
        expression =
            terms.boosts.isEmpty ? all : "\(all) AND (\((terms.boosts + [terms.required[0]]).joined(separator: " OR ")))"
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "") + "\"" }
}

/// A query as PostgreSQL `to_tsquery` text: the required terms (folded), and the exact keys that raise the rank.
struct TSQuery {
    let folded: String
    let exact: String?

    init(_ query: SearchQuery) {
        let terms = MatchTerms(
            query, token: Self.lexeme, alternatives: { "(" + $0.joined(separator: " | ") + ")" },
            phrase: { "(" + $0.map(Self.lexeme).joined(separator: " <-> ") + ")" })
        folded = terms.required.joined(separator: " & ")
        exact = terms.boosts.isEmpty ? nil : terms.boosts.joined(separator: " | ")
    }

    /// A lexeme quoted for `to_tsquery`.
    static func lexeme(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "") + "'" }
}

/// The FTS5 expression of a query, for tools (the search benchmark explains its plans with it).
public enum FTS5Expression {
    public static func of(_ query: SearchQuery) -> String { FTS5Query(query).expression }
}

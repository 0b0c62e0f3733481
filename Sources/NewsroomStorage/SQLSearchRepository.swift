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
        let condition = Self.condition(filter)
        let columns = SQLArticleRepository.columns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        switch database.dialect {
        case .sqlite:
            let match = FTS5Query(query)
            return try await database.read { db in
                let rows = try await db.raw(
                    """
                    SELECT \(unsafeRaw: columns) FROM article_search s JOIN articles a ON a.id = s.rowid
                    WHERE article_search MATCH \(bind: match.expression) AND a.status = 'published' \(condition)
                    ORDER BY bm25(article_search, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0), a.published_at DESC, a.id DESC
                    LIMIT \(bind: limit) OFFSET \(bind: offset)
                    """
                ).all()
                let total =
                    try await db.raw(
                        """
                        SELECT COUNT(*) AS n FROM article_search s JOIN articles a ON a.id = s.rowid
                        WHERE article_search MATCH \(bind: match.expression) AND a.status = 'published' \(condition)
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                return SearchResults(articles: try rows.map(SQLArticleRepository.article(from:)), total: total)
            }
        case .postgres:
            let tsquery = TSQuery(query)
            var rank: SQLQueryString = "ts_rank(s.folded, to_tsquery('simple', \(bind: tsquery.folded)))"
            if let exact = tsquery.exact { rank = rank + " + 4 * ts_rank(s.exact, to_tsquery('simple', \(bind: exact)))" }
            return try await database.read { [rank] db in
                let rows = try await db.raw(
                    """
                    SELECT \(unsafeRaw: columns) FROM article_search s JOIN articles a ON a.id = s.article_id
                    WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded)) AND a.status = 'published' \(condition)
                    ORDER BY \(rank) DESC, a.published_at DESC, a.id DESC
                    LIMIT \(bind: limit) OFFSET \(bind: offset)
                    """
                ).all()
                let total =
                    try await db.raw(
                        """
                        SELECT COUNT(*) AS n FROM article_search s JOIN articles a ON a.id = s.article_id
                        WHERE s.folded @@ to_tsquery('simple', \(bind: tsquery.folded)) AND a.status = 'published' \(condition)
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                return SearchResults(articles: try rows.map(SQLArticleRepository.article(from:)), total: total)
            }
        }
    }

    public func rebuild() async throws -> Int {
        try await SearchIndex.rebuild(on: database)
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

/// A query as an FTS5 MATCH expression. Every token is a run of letters and digits in double quotes, so nothing the
/// reader typed is read as FTS5 syntax.
struct FTS5Query {
    static let folded = "{title_f lede_f body_f}"
    static let exact = "{title_e lede_e body_e}"

    let expression: String

    init(_ query: SearchQuery) {
        var required: [String] = []
        var boosts: [String] = []
        for term in query.terms {
            switch term {
            case .word(let readings):
                required.append("(" + readings.map { "\(Self.folded) : \(Self.quoted($0.folded))" }.joined(separator: " OR ") + ")")
                boosts += readings.filter(\.hasMarks).map { "\(Self.exact) : \(Self.quoted($0.exact))" }
            case .phrase(let words):
                required.append("\(Self.folded) : " + Self.quoted(words.map(\.folded).joined(separator: " ")))
                if words.contains(where: \.hasMarks) {
                    boosts.append("\(Self.exact) : " + Self.quoted(words.map(\.exact).joined(separator: " ")))
                }
            }
        }
        let all = required.joined(separator: " AND ")
        // The boosts are optional: OR-ed with the first required term, which every match has anyway, so they add to
        // BM25's score only where they match.
        expression = boosts.isEmpty ? all : "\(all) AND (\((boosts + [required[0]]).joined(separator: " OR ")))"
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "") + "\"" }
}

/// A query as PostgreSQL `to_tsquery` text: the required terms (folded), and the exact keys that raise the rank.
struct TSQuery {
    let folded: String
    let exact: String?

    init(_ query: SearchQuery) {
        var required: [String] = []
        var boosts: [String] = []
        for term in query.terms {
            switch term {
            case .word(let readings):
                required.append("(" + readings.map { Self.lexeme($0.folded) }.joined(separator: " | ") + ")")
                boosts += readings.filter(\.hasMarks).map { Self.lexeme($0.exact) }
            case .phrase(let words):
                required.append("(" + words.map { Self.lexeme($0.folded) }.joined(separator: " <-> ") + ")")
                if words.contains(where: \.hasMarks) {
                    boosts.append("(" + words.map { Self.lexeme($0.exact) }.joined(separator: " <-> ") + ")")
                }
            }
        }
        folded = required.joined(separator: " & ")
        exact = boosts.isEmpty ? nil : boosts.joined(separator: " | ")
    }

    /// A lexeme quoted for `to_tsquery`.
    static func lexeme(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "") + "'" }
}

import Foundation
import NewsroomCore
import SQLKit

/// How many indexed articles hold each key, on SQLite: the document frequencies BM25 weighs words by
/// (`SearchRanking`). They change with the index, in the same transaction: an article's keys are counted when it is
/// indexed and discounted when its entry is replaced or removed. A rebuild counts them from the index itself (the
/// `fts5vocab` table `article_search_terms`). PostgreSQL ranks with `ts_rank`, which needs no such counts.
enum SearchTermCounts {
    /// The distinct keys of a document, as the index splits them (`SearchText` separates keys with single spaces).
    static func keys(of document: SearchIndex.Document) -> Set<Substring> {
        var keys = Set<Substring>()
        for field in [document.title, document.lede, document.body] {
            for text in [field.folded, field.exact] {
                for key in text.split(separator: " ") { keys.insert(key) }
            }
        }
        return keys
    }

    // The keys travel as one JSON array, which `json_each` reads back: one statement whatever their number.

    static func add(_ document: SearchIndex.Document, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO search_terms (term, documents) SELECT value, 1 FROM json_each(\(bind: try json(keys(of: document))))
            WHERE true ON CONFLICT (term) DO UPDATE SET documents = documents + 1
            """
        ).run()
    }

    static func subtract(_ document: SearchIndex.Document, _ db: any SQLDatabase) async throws {
        let keys = try json(keys(of: document))
        try await db.raw(
            "UPDATE search_terms SET documents = documents - 1 WHERE term IN (SELECT value FROM json_each(\(bind: keys)))"
        ).run()
        try await db.raw(
            "DELETE FROM search_terms WHERE term IN (SELECT value FROM json_each(\(bind: keys))) AND documents <= 0"
        ).run()
    }

    /// Counts every key again from the index (after a rebuild).
    static func recount(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM search_terms").run()
        try await db.raw("INSERT INTO search_terms (term, documents) SELECT term, doc FROM article_search_terms").run()
    }

    /// The number of articles holding each phrase, in order: a word's own count, and for words that must follow each
    /// other the count of the rarest of them (at least as many articles as hold the phrase; counting those exactly is
    /// the walk this table avoids).
    static func documents(holding phrases: [[String]], _ db: any SQLDatabase) async throws -> [Double] {
        var counts: [String: Double] = [:]
        let words = try json(Set(phrases.joined()))
        for row in try await db.raw(
            "SELECT term, documents FROM search_terms WHERE term IN (SELECT value FROM json_each(\(bind: words)))"
        ).all() {
            counts[try row.decode(column: "term", as: String.self)] = try row.decode(column: "documents", as: Double.self)
        }
        return phrases.map { phrase in phrase.map { counts[$0] ?? 0 }.min() ?? 0 }
    }

    private static func json(_ keys: Set<some StringProtocol>) throws -> String {
        String(decoding: try JSONEncoder().encode(keys.map { String($0) }), as: UTF8.self)
    }
}

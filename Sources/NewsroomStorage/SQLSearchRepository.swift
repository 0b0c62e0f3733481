import Foundation
import NewsroomCore
import SQLKit

/// Search over the index `SearchIndex` keeps. Every query term must match a folded word (a query without diacritics
/// finds text with them); the exact keys of what the reader typed with diacritics (or in Telex or VNI) only raise the
/// score, so "bàn" ranks "bàn" above "bán". The database's `SearchEngine` ranks the matches; recency breaks ties.
public struct SQLSearchRepository: SearchRepository {
    let database: any Database
    let engine: any SearchEngine

    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(articles: [], total: 0) }
        return try await database.read { [engine] db in
            let (ranked, matches) = try await engine.rankArticles(query, filter: filter, reading: offset + limit, db)
            let total = min(matches, SearchResults.window)
            let capped = matches > SearchResults.window
            let page = Array(ranked.dropFirst(offset).prefix(limit))
            guard !page.isEmpty else { return SearchResults(articles: [], total: total, capped: capped) }
            // The status is checked here, not in SQL: with it, SQLite would read its status index whole. (The index
            // holds published articles only; this read is a moment later.)
            let rows = try await db.raw("SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id IN (\(binds: page))")
                .all()
            let articles = Dictionary(
                try rows.map(SQLArticleRepository.article(from:)).filter(\.isListed).map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            return SearchResults(articles: page.compactMap { articles[$0] }, total: total, capped: capped)
        }
    }

    public func rebuild() async throws -> Int {
        try await SearchIndex.rebuild(on: database, engine: engine)
    }

    public func rebuildRelated() async throws -> Int {
        try await RelatedArticles.rebuildAll(on: database, engine: engine)
    }
}

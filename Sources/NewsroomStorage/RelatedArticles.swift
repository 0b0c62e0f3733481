import Foundation
import NewsroomCore
import SQLKit

/// "Tin liên quan": each article's related articles, computed when it is saved (never per view) and kept in
/// `related_articles` beside the ones its editor pinned. A listed article scores 3 for each tag it shares, 2 for each
/// two-word phrase of the title it holds (found through the search index: Vietnamese words are syllables, and the
/// phrase "ngoại giao" says more than "ngoại" and "giao" apart), and 1 for sharing the category; the newer wins a tie.
enum RelatedArticles {
    /// How many computed related articles are kept.
    static let kept = 5
    /// Syllables that join words rather than name a subject: a title phrase holding one says nothing of its topic.
    static let joiningWords: Set<String> = [
        "va", "cua", "la", "cac", "nhung", "cho", "voi", "trong", "duoc", "co", "mot", "nay", "da", "se", "khong", "thi",
        "o", "tai", "tu", "den", "ve", "nhu", "khi", "de", "bi", "boi", "lai", "ra", "vao", "len", "theo", "sau", "truoc",
        "hon", "nhat", "rat", "moi", "van", "con", "cung", "dang", "nam", "ngay", "thang", "gi", "ai", "nao", "sao",
    ]

    /// Replaces the editor's pinned choice when `pinned` is given, and computes the rest again, inside the caller's
    /// transaction, after the article and its search entry are written. With `cascade`, the lists of the articles
    /// chosen are computed again too (an editor's save; imports of many articles leave it to `newsroom reindex`).
    static func refresh(
        _ id: Article.ID, pinned: [Article.ID]?, cascade: Bool, engine: any SearchEngine, _ db: any SQLDatabase
    ) async throws {
        if let pinned {
            try await db.raw("DELETE FROM related_articles WHERE article_id = \(bind: id) AND pinned = \(bind: true)").run()
            var seen = Set([id])
            for other in pinned where seen.insert(other).inserted {
                try await db.raw(
                    """
                    INSERT INTO related_articles (article_id, related_id, position, pinned)
                    SELECT \(bind: id), id, \(bind: seen.count - 1), \(bind: true) FROM articles WHERE id = \(bind: other)
                    """
                ).run()
            }
        }
        try await db.raw("DELETE FROM related_articles WHERE article_id = \(bind: id) AND pinned = \(bind: false)").run()
        let keep = try await db.raw("SELECT related_id FROM related_articles WHERE article_id = \(bind: id)").all()
            .map { try $0.decode(column: "related_id", as: Article.ID.self) }
        let chosen = try await computed(for: id, excluding: Set(keep + [id]), engine: engine, db)
        try await store(chosen, for: id, db)
        // The articles it relates to may now relate to it (a new article appears under the older ones it is about).
        for other in chosen where cascade {
            try await db.raw("DELETE FROM related_articles WHERE article_id = \(bind: other) AND pinned = \(bind: false)").run()
            let pinned = try await db.raw("SELECT related_id FROM related_articles WHERE article_id = \(bind: other)").all()
                .map { try $0.decode(column: "related_id", as: Article.ID.self) }
            try await store(try await computed(for: other, excluding: Set(pinned + [other]), engine: engine, db), for: other, db)
        }
    }

    /// Computes every listed article's list again, `batch` articles per transaction (after a rebuild of the search
    /// index, or once after upgrading to a version with related articles); returns how many were computed.
    static func rebuildAll(on database: any Database, engine: any SearchEngine, batch: Int = 200) async throws -> Int {
        var after: Article.ID = 0
        var count = 0
        while true {
            let start = after
            let ids = try await database.read { db in
                try await db.raw(
                    """
                    SELECT id FROM articles WHERE id > \(bind: start) AND status = 'published' AND embed_url IS NULL
                    ORDER BY id LIMIT \(bind: batch)
                    """
                ).all().map { try $0.decode(column: "id", as: Article.ID.self) }
            }
            guard let last = ids.last else { return count }
            try await database.write { db in
                for id in ids { try await refresh(id, pinned: nil, cascade: false, engine: engine, db) }
            }
            count += ids.count
            after = last
        }
    }

    private static func store(_ related: [Article.ID], for id: Article.ID, _ db: any SQLDatabase) async throws {
        for (position, other) in related.enumerated() {
            try await db.raw(
                """
                INSERT INTO related_articles (article_id, related_id, position, pinned)
                VALUES (\(bind: id), \(bind: other), \(bind: position), \(bind: false))
                """
            ).run()
        }
    }

    /// The best `kept` listed articles for a listed article (none for any other).
    static func computed(
        for id: Article.ID, excluding excluded: Set<Article.ID>, engine: any SearchEngine, _ db: any SQLDatabase
    ) async throws -> [Article.ID] {
        guard
            let row = try await db.raw(
                "SELECT title FROM articles WHERE id = \(bind: id) AND status = 'published' AND embed_url IS NULL"
            ).first()
        else { return [] }
        var scores: [Article.ID: Int] = [:]
        // Tags shared, among the newest articles that carry each.
        let tagged = try await db.raw(
            """
            SELECT other.article_id FROM article_topics mine
            JOIN topics t ON t.id = mine.topic_id AND t.kind = 'tag'
            JOIN article_topics other ON other.topic_id = mine.topic_id AND other.article_id <> mine.article_id
            WHERE mine.article_id = \(bind: id) ORDER BY other.article_id DESC LIMIT 500
            """
        ).all()
        for row in tagged { scores[try row.decode(column: "article_id", as: Article.ID.self), default: 0] += 3 }
        // Phrases of the title, through the search index.
        for phrase in phrases(of: try row.decode(column: "title", as: String.self)) {
            let (ids, _) = try await engine.rankArticles(SearchQuery("\"\(phrase)\""), filter: SearchFilter(), reading: 20, db)
            for other in ids.prefix(20) { scores[other, default: 0] += 2 }
        }
        // The category: a point for those found above, and its newest articles to fill the list.
        if let category = try await db.raw(
            """
            SELECT at.topic_id FROM article_topics at JOIN topics t ON t.id = at.topic_id AND t.kind = 'category'
            WHERE at.article_id = \(bind: id)
            """
        ).first()?.decode(column: "topic_id", as: Int64.self) {
            let newest = try await db.raw(
                """
                SELECT at.article_id FROM article_topics at JOIN articles a ON a.id = at.article_id
                WHERE at.topic_id = \(bind: category) AND a.status = 'published' ORDER BY a.published_at DESC LIMIT 10
                """
            ).all().map { try $0.decode(column: "article_id", as: Article.ID.self) }
            for other in newest where scores[other] == nil { scores[other] = 0 }
            let candidates = Array(scores.keys)
            if !candidates.isEmpty {
                let inCategory = try await db.raw(
                    "SELECT article_id FROM article_topics WHERE topic_id = \(bind: category) AND article_id IN (\(binds: candidates))"
                ).all()
                for row in inCategory { scores[try row.decode(column: "article_id", as: Article.ID.self), default: 0] += 1 }
            }
        }
        for other in excluded { scores[other] = nil }
        guard !scores.isEmpty else { return [] }
        // Only listed articles, the newer first among equals.
        let listed = try await db.raw(
            """
            SELECT id, published_at FROM articles WHERE id IN (\(binds: Array(scores.keys)))
            AND status = 'published' AND embed_url IS NULL
            """
        ).all().map { (try $0.decode(column: "id", as: Article.ID.self), try $0.decode(column: "published_at", as: Int64.self)) }
        return listed.filter { (scores[$0.0] ?? 0) > 0 }
            .sorted { (scores[$0.0] ?? 0, $0.1, $0.0) > (scores[$1.0] ?? 0, $1.1, $1.0) }
            .prefix(kept).map(\.0)
    }

    /// Up to six two-word phrases of a title whose words both name something.
    static func phrases(of title: String) -> [String] {
        let words = SearchText.words(title).map { String(title[$0.range]) }
        var phrases: [String] = []
        for index in words.indices.dropLast() {
            let pair = [words[index], words[index + 1]]
            guard pair.allSatisfy({ !joiningWords.contains(SearchWord($0).folded) }) else { continue }
            phrases.append(pair.joined(separator: " "))
            if phrases.count == 6 { break }
        }
        return phrases
    }
}

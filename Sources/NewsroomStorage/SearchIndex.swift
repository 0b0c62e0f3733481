import Foundation
import NewsroomCore
import SQLKit

/// Keeping the search index current: an article is in it while it is published, with the text it has now. Called
/// inside the transaction that changes the article, so the index never disagrees with what readers see. What is
/// written, and how, is the database's `SearchEngine`.
enum SearchIndex {
    /// The fields of an article as the index stores them.
    struct Document {
        var title: (folded: String, exact: String)
        var lede: (folded: String, exact: String)
        var body: (folded: String, exact: String)

        init(_ article: Article, exactPrefix prefix: String) {
            title = SearchText.indexed(article.title, exactPrefix: prefix)
            lede = SearchText.indexed(([article.sapo] + article.tags.map(\.name)).joined(separator: " \n "), exactPrefix: prefix)
            body = SearchText.indexed(article.body.map(\.plainText).joined(separator: "\n"), exactPrefix: prefix)
        }
    }

    /// Indexes the article when it is published, takes it out otherwise. `previous` is its entry before the change
    /// (`SearchEngine.entry(of:)`).
    static func update(_ id: Article.ID, previous: Document?, engine: any SearchEngine, _ db: any SQLDatabase) async throws {
        try await engine.update(id, previous: previous, current: try await document(of: id, engine: engine, db), db)
    }

    /// The article's entry when it is published.
    static func document(of id: Article.ID, engine: any SearchEngine, _ db: any SQLDatabase) async throws -> Document? {
        let row = try await db.raw("SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id = \(bind: id)").first()
        guard let row, let article = try? SQLArticleRepository.article(from: row), article.isListed else { return nil }
        return Document(try await SQLArticleRepository.withTopics([article], db)[0], exactPrefix: engine.exactPrefix)
    }

    /// Indexes a comment for the moderators' search: its author and its text.
    static func comment(
        _ id: Comment.ID, author: String, body: String, engine: any SearchEngine, _ db: any SQLDatabase
    ) async throws {
        try await engine.indexComment(id, text: SearchText.indexed(author + " \n " + body, exactPrefix: engine.exactPrefix), db)
    }

    /// Empties the index and indexes every published article again, in batches of 500 per transaction, then the
    /// comments; returns how many articles were indexed.
    static func rebuild(on database: any Database, engine: any SearchEngine, batch: Int = 500) async throws -> Int {
        try await database.write { db in try await engine.clearArticles(db) }
        var after: Article.ID = 0
        var count = 0
        while true {
            // Batches go by id alone and drafts are skipped here: a condition on the status would lead SQLite to its
            // status index, which reads and sorts every published article's id for each batch.
            let (articles, last) = try await database.read { [after] db in
                let rows = try await db.raw(
                    "SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id > \(bind: after) ORDER BY id LIMIT \(bind: batch)"
                ).all()
                let articles = try rows.map(SQLArticleRepository.article(from:))
                return (try await SQLArticleRepository.withTopics(articles.filter(\.isListed), db), articles.last?.id)
            }
            guard let last else {
                try await rebuildComments(on: database, engine: engine)
                try await engine.optimize(on: database)
                return count
            }
            // Folding happens here, outside the transaction, so writers wait only for the inserts.
            let documents = articles.map { ($0.id, Document($0, exactPrefix: engine.exactPrefix)) }
            if !documents.isEmpty {
                try await database.write { db in
                    for (id, document) in documents { try await engine.insert(document, id: id, db) }
                }
            }
            count += articles.count
            after = last
        }
    }

    /// Empties the comments' index and indexes every comment again.
    static func rebuildComments(on database: any Database, engine: any SearchEngine) async throws {
        try await database.write { db in
            try await engine.clearComments(db)
            try await db.raw("DELETE FROM search_progress WHERE name = 'comments'").run()
        }
        try await catchUpComments(on: database, engine: engine)
    }

    /// Indexes the comments posted since the index last caught up (a moderator's search calls this first), in batches;
    /// each batch and the progress it makes commit together.
    static func catchUpComments(on database: any Database, engine: any SearchEngine, batch: Int = 2000) async throws {
        while true {
            let done = try await database.write { db -> Bool in
                let last =
                    try await db.raw("SELECT last_id FROM search_progress WHERE name = 'comments'").first()?
                    .decode(column: "last_id", as: Int64.self) ?? 0
                let comments = try await db.raw(
                    "SELECT id, author, body FROM comments WHERE id > \(bind: last) ORDER BY id LIMIT \(bind: batch)"
                ).all().map {
                    (
                        id: try $0.decode(column: "id", as: Comment.ID.self), author: try $0.decode(column: "author", as: String.self),
                        body: try $0.decode(column: "body", as: String.self)
                    )
                }
                guard let newest = comments.last?.id else { return true }
                for comment in comments {
                    // A correction may have indexed a comment already: replace what is there.
                    try await SearchIndex.comment(comment.id, author: comment.author, body: comment.body, engine: engine, db)
                }
                try await db.raw("DELETE FROM search_progress WHERE name = 'comments'").run()
                try await db.raw("INSERT INTO search_progress (name, last_id) VALUES ('comments', \(bind: newest))").run()
                return comments.count < batch
            }
            if done { return }
        }
    }
}

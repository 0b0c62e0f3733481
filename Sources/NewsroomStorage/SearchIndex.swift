import Foundation
import NewsroomCore
import SQLKit

/// Keeping the search index current: an article is in it while it is published, with the text it has now. Called
/// inside the transaction that changes the article, so the index never disagrees with what readers see.
enum SearchIndex {
    /// The fields of an article as the index stores them.
    struct Document {
        var title: (folded: String, exact: String)
        var lede: (folded: String, exact: String)
        var body: (folded: String, exact: String)

        init(_ article: Article, dialect: DatabaseDialect) {
            let prefix = dialect == .sqlite ? FTS5Query.exactPrefix : ""
            title = SearchText.indexed(article.title, exactPrefix: prefix)
            lede = SearchText.indexed(([article.sapo] + article.tags.map(\.name)).joined(separator: " \n "), exactPrefix: prefix)
            body = SearchText.indexed(article.body.map(\.plainText).joined(separator: "\n"), exactPrefix: prefix)
        }
    }

    /// The entry the index holds for article `id`, made from the article as it is now: the caller reads it before
    /// changing the article, so `update` can discount its keys. Nil when the article is not indexed, and on PostgreSQL,
    /// which keeps no counts.
    static func entry(of id: Article.ID, dialect: DatabaseDialect, _ db: any SQLDatabase) async throws -> Document? {
        guard dialect == .sqlite else { return nil }
        return try await document(of: id, dialect: dialect, db)
    }

    /// Indexes the article when it is published, takes it out otherwise. `previous` is its entry before the change
    /// (`entry(of:)`).
    static func update(_ id: Article.ID, previous: Document?, dialect: DatabaseDialect, _ db: any SQLDatabase) async throws {
        if let previous { try await SearchTermCounts.subtract(previous, db) }
        guard let document = try await document(of: id, dialect: dialect, db) else {
            try await remove(id, dialect: dialect, db)
            return
        }
        try await write(document, id: id, dialect: dialect, db)
        if dialect == .sqlite { try await SearchTermCounts.add(document, db) }
    }

    /// The article's entry when it is published.
    private static func document(of id: Article.ID, dialect: DatabaseDialect, _ db: any SQLDatabase) async throws -> Document? {
        let row = try await db.raw("SELECT \(unsafeRaw: SQLArticleRepository.columns) FROM articles WHERE id = \(bind: id)").first()
        guard let row, let article = try? SQLArticleRepository.article(from: row), article.status == .published else { return nil }
        return Document(try await SQLArticleRepository.withTopics([article], db)[0], dialect: dialect)
    }

    private static func remove(_ id: Article.ID, dialect: DatabaseDialect, _ db: any SQLDatabase) async throws {
        switch dialect {
        case .sqlite: try await db.raw("DELETE FROM article_search WHERE rowid = \(bind: id)").run()
        case .postgres: try await db.raw("DELETE FROM article_search WHERE article_id = \(bind: id)").run()
        }
    }

    /// Writes an article's entry; `replacing` removes the one it had first (not needed while rebuilding an empty index).
    static func write(
        _ document: Document, id: Article.ID, dialect: DatabaseDialect, replacing: Bool = true, _ db: any SQLDatabase
    ) async throws {
        switch dialect {
        case .sqlite:
            if replacing { try await db.raw("DELETE FROM article_search WHERE rowid = \(bind: id)").run() }
            try await db.raw(
                """
                INSERT INTO article_search (rowid, title_f, lede_f, body_f, title_e, lede_e, body_e)
                VALUES (\(bind: id), \(bind: document.title.folded), \(bind: document.lede.folded), \(bind: document.body.folded),
                    \(bind: document.title.exact), \(bind: document.lede.exact), \(bind: document.body.exact))
                """
            ).run()
        case .postgres:
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
    }

    /// Indexes a comment for the moderators' search: its author and its text.
    static func comment(
        _ id: Comment.ID, author: String, body: String, dialect: DatabaseDialect, replacing: Bool, _ db: any SQLDatabase
    )
        async throws
    {
        let text = SearchText.indexed(author + " \n " + body, exactPrefix: dialect == .sqlite ? FTS5Query.exactPrefix : "")
        switch dialect {
        case .sqlite:
            if replacing { try await db.raw("DELETE FROM comment_search WHERE rowid = \(bind: id)").run() }
            try await db.raw(
                "INSERT INTO comment_search (rowid, folded, exact) VALUES (\(bind: id), \(bind: text.folded), \(bind: text.exact))"
            ).run()
        case .postgres:
            try await db.raw(
                """
                INSERT INTO comment_search (comment_id, folded, exact)
                VALUES (\(bind: id), to_tsvector('simple', \(bind: text.folded)), to_tsvector('simple', \(bind: text.exact)))
                ON CONFLICT (comment_id) DO UPDATE SET folded = EXCLUDED.folded, exact = EXCLUDED.exact
                """
            ).run()
        }
    }

    /// Empties the index and indexes every published article again, in batches of 500 per transaction, then the
    /// comments; returns how many articles were indexed.
    static func rebuild(on database: any Database, batch: Int = 500) async throws -> Int {
        let dialect = database.dialect
        try await database.write { db in
            switch dialect {
            case .sqlite: try await db.raw("DELETE FROM article_search").run()
            case .postgres: try await db.raw("TRUNCATE article_search").run()
            }
        }
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
                return (try await SQLArticleRepository.withTopics(articles.filter { $0.status == .published }, db), articles.last?.id)
            }
            guard let last else {
                try await rebuildComments(on: database)
                try await optimize(on: database)
                return count
            }
            // Folding happens here, outside the transaction, so writers wait only for the inserts.
            let documents = articles.map { ($0.id, Document($0, dialect: dialect)) }
            if !documents.isEmpty {
                try await database.write { db in
                    for (id, document) in documents { try await write(document, id: id, dialect: dialect, replacing: false, db) }
                }
            }
            count += articles.count
            after = last
        }
    }

    /// Empties the comments' index and indexes every comment again.
    static func rebuildComments(on database: any Database) async throws {
        let dialect = database.dialect
        try await database.write { db in
            switch dialect {
            case .sqlite: try await db.raw("DELETE FROM comment_search").run()
            case .postgres: try await db.raw("TRUNCATE comment_search").run()
            }
            try await db.raw("DELETE FROM search_progress WHERE name = 'comments'").run()
        }
        try await catchUpComments(on: database)
    }

    /// Indexes the comments posted since the index last caught up (a moderator's search calls this first), in batches;
    /// each batch and the progress it makes commit together.
    static func catchUpComments(on database: any Database, batch: Int = 2000) async throws {
        let dialect = database.dialect
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
                    try await SearchIndex.comment(
                        comment.id, author: comment.author, body: comment.body, dialect: dialect, replacing: true, db)
                }
                try await db.raw("DELETE FROM search_progress WHERE name = 'comments'").run()
                try await db.raw("INSERT INTO search_progress (name, last_id) VALUES ('comments', \(bind: newest))").run()
                return comments.count < batch
            }
            if done { return }
        }
    }

    /// After a rebuild, FTS5 holds the index in many small segments (one per batch) and every query would merge them:
    /// `optimize` merges them into one, then the keys are counted from the merged index, in the same transaction (so
    /// no change slips in between). PostgreSQL's GIN index needs nothing.
    static func optimize(on database: any Database) async throws {
        guard database.dialect == .sqlite else { return }
        try await database.write { db in
            try await db.raw("INSERT INTO article_search (article_search) VALUES ('optimize')").run()
            try await db.raw("INSERT INTO comment_search (comment_search) VALUES ('optimize')").run()
            try await SearchTermCounts.recount(db)
        }
    }
}

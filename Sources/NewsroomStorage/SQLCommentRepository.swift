import Foundation
import NewsroomCore
import SQLKit

/// Comments and likes over SQLKit.
public struct SQLCommentRepository: CommentRepository {
    let database: any Database
    let locks: any WriteLocks
    let duplicates: any DuplicateLookup

    /// Every comment query selects these, so `comment(from:)` can read any of them.
    static let select = """
        SELECT c.id, c.article_id, c.parent_id, c.reply_to_id, rt.author AS reply_to_author, c.author, c.email,
            c.body, c.status, c.likes, c.reports, c.reports_cleared, c.created_at, c.held_reason, c.held_words, c.verified,
            (c.featured_at IS NOT NULL) AS featured, (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id AND r.status = 'published') AS reply_count
        FROM comments c LEFT JOIN comments rt ON rt.id = c.reply_to_id
        """

    public func insert(_ comment: NewComment) async throws -> Comment {
        try await database.write { db in
            let row = try await db.insert(into: "comments")
                .columns(
                    "article_id", "parent_id", "reply_to_id", "author", "email", "body", "status", "likes",
                    "client_fingerprint", "created_at", "held_reason", "held_words", "verified"
                )
                .values(
                    SQLBind(comment.articleID), SQLBind(comment.parentID), SQLBind(comment.replyToID),
                    SQLBind(comment.author), SQLBind(comment.email), SQLBind(comment.body),
                    SQLBind(comment.status.rawValue), SQLBind(comment.likes), SQLBind(comment.clientFingerprint),
                    SQLBind(Timestamp(comment.createdAt)), SQLBind(comment.heldReason),
                    SQLBind(comment.heldWords.isEmpty ? nil : comment.heldWords.joined(separator: "\n")), SQLBind(comment.verified)
                )
                .returning("id")
                .first()
            guard let id = try row?.decode(column: "id", as: Comment.ID.self) else { throw StorageError.noRowReturned }
            if comment.replyToID == nil {
                // A new thread: everything is known without reading it back (the writer is the one serial path).
                return Comment(
                    id: id, articleID: comment.articleID, parentID: comment.parentID, author: comment.author,
                    email: comment.email, body: comment.body, status: comment.status, likes: comment.likes,
                    createdAt: Timestamp(comment.createdAt).date, heldReason: comment.heldReason, heldWords: comment.heldWords,
                    verified: comment.verified)
            }
            // A reply names the comment it answers: read it back on the writer, inside the transaction.
            guard let stored = try await db.raw("\(unsafeRaw: Self.select) WHERE c.id = \(bind: id)").first() else {
                throw StorageError.noRowReturned
            }
            return try Self.comment(from: stored)
        }
    }

    public func comment(id: Comment.ID) async throws -> Comment? {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.select) WHERE c.id = \(bind: id)").first().map(Self.comment(from:))
        }
    }

    public func threads(
        article: Article.ID, sort: CommentSort, after cursor: Cursor?, limit: Int, replies: Int
    ) async throws -> Page<CommentThread> {
        try await database.read { db in
            var query = SQLQueryString(
                """
                \(unsafeRaw: Self.select) WHERE c.article_id = \(bind: article) AND c.status = 'published' AND c.parent_id IS NULL
                AND c.featured_at IS NULL
                """
            )
            if let cursor {
                switch sort {
                case .newest: query.appendInterpolation(SQLQueryString(" AND c.id < \(bind: cursor.id)"))
                case .oldest: query.appendInterpolation(SQLQueryString(" AND c.id > \(bind: cursor.id)"))
                case .top:
                    let likes = cursor.key ?? 0
                    query.appendInterpolation(
                        SQLQueryString(" AND (c.likes < \(bind: likes) OR (c.likes = \(bind: likes) AND c.id < \(bind: cursor.id)))"))
                }
            }
            let order: String
            switch sort {
            case .newest: order = " ORDER BY c.id DESC"
            case .oldest: order = " ORDER BY c.id ASC"
            case .top: order = " ORDER BY c.likes DESC, c.id DESC"
            }
            query.appendInterpolation(SQLQueryString("\(unsafeRaw: order) LIMIT \(bind: limit + 1)"))
            var top = try await db.raw(query).all().map(Self.comment(from:))
            let hasMore = top.count > limit
            if hasMore { top.removeLast() }

            let repliesByThread = try await Self.firstReplies(of: top.map(\.id), count: replies, on: db)
            let threads = top.map { comment in
                let shown = repliesByThread[comment.id] ?? []
                let next = comment.replyCount > shown.count ? shown.last.map { Cursor(id: $0.id) } : nil
                return CommentThread(comment: comment, replies: shown, nextRepliesCursor: next)
            }
            let nextCursor = hasMore ? top.last.map { Self.cursor(for: $0, sort: sort) } : nil
            return Page(items: threads, nextCursor: nextCursor)
        }
    }

    public func featured(article: Article.ID, replies: Int) async throws -> [CommentThread] {
        try await database.read { db in
            let featured = try await db.raw(
                """
                \(unsafeRaw: Self.select) WHERE c.article_id = \(bind: article) AND c.featured_at IS NOT NULL
                AND c.status = 'published' ORDER BY c.featured_at DESC, c.id DESC LIMIT \(bind: CommentLimits.maxFeatured)
                """
            ).all().map(Self.comment(from:))
            let repliesByThread = try await Self.firstReplies(
                of: featured.filter { $0.parentID == nil }.map(\.id), count: replies, on: db)
            return featured.map { comment in
                let shown = comment.parentID == nil ? repliesByThread[comment.id] ?? [] : []
                let next = comment.replyCount > shown.count ? shown.last.map { Cursor(id: $0.id) } : nil
                return CommentThread(comment: comment, replies: shown, nextRepliesCursor: next)
            }
        }
    }

    /// The first `count` published replies of each thread, in one query.
    static func firstReplies(of threads: [Comment.ID], count: Int, on db: any SQLDatabase) async throws -> [Comment.ID: [Comment]] {
        guard !threads.isEmpty, count > 0 else { return [:] }
        let rows = try await db.raw(
            """
            SELECT * FROM (
                \(unsafeRaw: select.replacingOccurrences(of: "SELECT c.id,", with: "SELECT ROW_NUMBER() OVER (PARTITION BY c.parent_id ORDER BY c.id) AS position, c.id,"))
                WHERE c.parent_id IN (\(binds: threads)) AND c.status = 'published'
            ) numbered WHERE position <= \(bind: count) ORDER BY parent_id, id
            """
        ).all()
        return Dictionary(grouping: try rows.map(comment(from:)), by: { $0.parentID ?? 0 })
    }

    public func replies(to thread: Comment.ID, after cursor: Cursor?, limit: Int) async throws -> Page<Comment> {
        try await database.read { db in
            var replies = try await db.raw(
                """
                \(unsafeRaw: Self.select) WHERE c.parent_id = \(bind: thread) AND c.status = 'published'
                AND c.id > \(bind: cursor?.id ?? 0) ORDER BY c.id LIMIT \(bind: limit + 1)
                """
            ).all().map(Self.comment(from:))
            let hasMore = replies.count > limit
            if hasMore { replies.removeLast() }
            return Page(items: replies, nextCursor: hasMore ? replies.last.map { Cursor(id: $0.id) } : nil)
        }
    }

    public func publishedCount(article: Article.ID) async throws -> Int {
        try await database.read { db in
            try await db.raw(
                "SELECT COUNT(*) AS n FROM comments WHERE article_id = \(bind: article) AND status = 'published'"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func like(comment: Comment.ID, client: String, address: String, perAddress: Int, at date: Date) async throws -> Int? {
        try await database.write { [locks] db in
            // Where writers run side by side, the count and the insert below are one step per address.
            try await locks.serialise(on: ["like:\(comment):\(address)"], db)
            guard
                try await db.raw("SELECT id FROM comments WHERE id = \(bind: comment) AND status = 'published'").first()
                    != nil
            else { return nil }
            // Cookies are cheap to collect: however many a client brings, one address gives at most `perAddress` a day.
            let fromAddress =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM comment_likes WHERE comment_id = \(bind: comment) AND address = \(bind: address)
                    AND created_at >= \(bind: Timestamp(date.addingTimeInterval(-86_400)))
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            if fromAddress < perAddress {
                let inserted = try await db.insert(into: "comment_likes")
                    .columns("comment_id", "client", "address", "created_at")
                    .values(SQLBind(comment), SQLBind(client), SQLBind(address), SQLBind(Timestamp(date)))
                    .ignoringConflicts(with: ["comment_id", "client"])
                    .returning("comment_id")
                    .first()
                if inserted != nil {
                    try await db.raw("UPDATE comments SET likes = likes + 1 WHERE id = \(bind: comment)").run()
                }
            }
            return try await db.raw("SELECT likes FROM comments WHERE id = \(bind: comment)").first()?
                .decode(column: "likes", as: Int.self)
        }
    }

    public func hasDuplicate(
        article: Article.ID, body: String, email: String?, client: String, since date: Date
    ) async throws -> Bool {
        let sameBody = duplicates.sameBody(body)
        return try await database.read { db in
            // Two lookups, each a seek on its own index (an OR of both would scan).
            let byClient = try await db.raw(
                """
                SELECT id FROM comments WHERE article_id = \(bind: article) AND client_fingerprint = \(bind: client)
                AND \(sameBody) AND created_at >= \(bind: Timestamp(date)) LIMIT 1
                """
            ).first()
            if byClient != nil { return true }
            guard let email else { return false }
            return try await db.raw(
                """
                SELECT id FROM comments WHERE article_id = \(bind: article) AND email = \(bind: email)
                AND \(sameBody) AND created_at >= \(bind: Timestamp(date)) LIMIT 1
                """
            ).first() != nil
        }
    }

    public func setStatus(_ status: CommentStatus, ids: [Comment.ID]) async throws -> [Comment.ID] {
        guard !ids.isEmpty else { return [] }
        return try await database.write { db in
            let existing = try await db.raw("SELECT id FROM comments WHERE id IN (\(binds: ids))").all()
                .map { try $0.decode(column: "id", as: Comment.ID.self) }
            guard !existing.isEmpty else { return [] }
            try await db.raw("UPDATE comments SET status = \(bind: status.rawValue) WHERE id IN (\(binds: existing))").run()
            return existing.sorted()
        }
    }

    public func list(status: CommentStatus?) async throws -> [Comment] {
        try await database.read { db in
            let query: SQLQueryString =
                if let status { "\(unsafeRaw: Self.select) WHERE c.status = \(bind: status.rawValue) ORDER BY c.id" } else {
                    "\(unsafeRaw: Self.select) ORDER BY c.id"
                }
            return try await db.raw(query).all().map(Self.comment(from:))
        }
    }

    static func cursor(for comment: Comment, sort: CommentSort) -> Cursor {
        sort == .top ? Cursor(key: Int64(comment.likes), id: comment.id) : Cursor(id: comment.id)
    }

    static func comment(from row: any SQLRow) throws -> Comment {
        let replyToID = try row.decodeNil(column: "reply_to_id") ? nil : try row.decode(column: "reply_to_id", as: Comment.ID.self)
        let replyTo = try replyToID.map { id in
            ReplyTarget(id: id, author: try row.decode(column: "reply_to_author", as: String?.self) ?? "")
        }
        var comment = Comment(
            id: try row.decode(column: "id", as: Comment.ID.self),
            articleID: try row.decode(column: "article_id", as: Article.ID.self),
            parentID: try row.decode(column: "parent_id", as: Comment.ID?.self),
            replyTo: replyTo,
            author: try row.decode(column: "author", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            body: try row.decode(column: "body", as: String.self),
            status: CommentStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            likes: try row.decode(column: "likes", as: Int.self),
            reports: try row.decode(column: "reports", as: Int.self),
            replyCount: try row.decode(column: "reply_count", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Timestamp.self).date,
            heldReason: try row.decode(column: "held_reason", as: String?.self),
            heldWords: (try row.decode(column: "held_words", as: String?.self))?.split(separator: "\n").map(String.init) ?? [],
            verified: try row.decode(column: "verified", as: Bool.self)
        )
        comment.reportsBeforeApproval = try row.decode(column: "reports_cleared", as: Int.self)
        comment.featured = try row.decode(column: "featured", as: Bool.self)
        return comment
    }
}

import Foundation
import NewsroomCore
import SQLKit

/// The moderation desk over SQLKit: queues, counts, actions and the log.
public struct SQLModerationRepository: ModerationRepository {
    let database: any Database
    let engine: any SearchEngine

    /// The filter of each queue, on the `c` alias of `SQLCommentRepository.select`.
    static func condition(_ queue: ModerationQueue) -> String {
        switch queue {
        case .pending: "c.status = 'pending'"
        case .reported: "c.status = 'published' AND c.reports > 0"
        case .published: "c.status = 'published'"
        case .rejected: "c.status IN ('rejected', 'spam')"
        }
    }

    public func queue(
        _ queue: ModerationQueue, article: Article.ID?, after cursor: Cursor?, limit: Int
    ) async throws -> Page<ModeratedComment> {
        try await database.read { db in
            // Pending comments are decided first come, first served; the other queues show the latest first.
            let ascending = queue == .pending
            var query = SQLQueryString(
                """
                SELECT q.*, a.title AS article_title, a.slug AS article_slug, a.embed_url, a.embed_site FROM (\(unsafeRaw: SQLCommentRepository.select)
                WHERE \(unsafeRaw: Self.condition(queue))) q JOIN articles a ON a.id = q.article_id WHERE 1 = 1
                """)
            if let article { query.appendInterpolation(SQLQueryString(" AND q.article_id = \(bind: article)")) }
            if let cursor {
                query.appendInterpolation(
                    ascending ? SQLQueryString(" AND q.id > \(bind: cursor.id)") : SQLQueryString(" AND q.id < \(bind: cursor.id)"))
            }
            query.appendInterpolation(SQLQueryString(" ORDER BY q.id \(unsafeRaw: ascending ? "ASC" : "DESC") LIMIT \(bind: limit + 1)"))
            let rows = try await db.raw(query).all()
            var items = try await Self.moderated(rows, db)
            let hasMore = items.count > limit
            if hasMore { items.removeLast() }
            return Page(items: items, nextCursor: hasMore ? items.last.map { Cursor(id: $0.comment.id) } : nil)
        }
    }

    public func search(_ query: SearchQuery, limit: Int) async throws -> [ModeratedComment] {
        guard !query.isEmpty else { return [] }
        // Comments are indexed here rather than when posted, which keeps the posting path free of it.
        try await SearchIndex.catchUpComments(on: database, engine: engine)
        return try await database.read { [engine] db in
            let ids = try await engine.rankComments(query, limit: limit, db)
            guard !ids.isEmpty else { return [] }
            let rows = try await db.raw(
                """
                SELECT q.*, a.title AS article_title, a.slug AS article_slug, a.embed_url, a.embed_site FROM (\(unsafeRaw: SQLCommentRepository.select)
                WHERE c.id IN (\(binds: ids))) q JOIN articles a ON a.id = q.article_id
                """
            ).all()
            let found = Dictionary(try await Self.moderated(rows, db).map { ($0.comment.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ids.compactMap { found[$0] }
        }
    }

    /// Desk rows from comment rows joined with their article, with the comments they answer for context.
    static func moderated(_ rows: [any SQLRow], _ db: any SQLDatabase) async throws -> [ModeratedComment] {
        do {
            var items = try rows.map { row in
                ModeratedComment(
                    comment: try SQLCommentRepository.comment(from: row),
                    articleTitle: try row.decode(column: "article_title", as: String.self),
                    articlePath: Article.path(
                        slug: try row.decode(column: "article_slug", as: String.self),
                        id: try row.decode(column: "article_id", as: Article.ID.self)),
                    answers: nil,
                    thread: try row.decode(column: "embed_url", as: String?.self).map { url in
                        EmbeddedThread(url: url, site: try row.decode(column: "embed_site", as: String?.self) ?? "")
                    })
            }
            // The comments answered, for context, in one query.
            let answeredIDs = Array(Set(items.compactMap { $0.comment.replyTo?.id }))
            if !answeredIDs.isEmpty {
                let answered = try await db.raw("\(unsafeRaw: SQLCommentRepository.select) WHERE c.id IN (\(binds: answeredIDs))").all()
                    .map(SQLCommentRepository.comment(from:))
                let byID = Dictionary(uniqueKeysWithValues: answered.map { ($0.id, $0) })
                for index in items.indices { items[index].answers = items[index].comment.replyTo.flatMap { byID[$0.id] } }
            }
            return items
        }
    }

    public func counts(article: Article.ID?) async throws -> [ModerationQueue: Int] {
        try await database.read { db in
            let filter: SQLQueryString = article.map { " AND c.article_id = \(bind: $0)" } ?? ""
            var counts: [ModerationQueue: Int] = [:]
            for queue in ModerationQueue.allCases {
                counts[queue] =
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM comments c WHERE \(unsafeRaw: Self.condition(queue))\(filter)"
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            return counts
        }
    }

    /// How many comments wait for a moderator, and since when the oldest has waited.
    public func queueSummary() async throws -> (count: Int, oldest: Date?) {
        try await database.read { db in
            let row = try await db.raw(
                "SELECT COUNT(*) AS n, MIN(c.created_at) AS oldest FROM comments c WHERE \(unsafeRaw: Self.condition(.pending))"
            ).first()
            let oldest = try row?.decode(column: "oldest", as: Int64?.self)
            return (try row?.decode(column: "n", as: Int.self) ?? 0, oldest.map { Timestamp(milliseconds: $0).date })
        }
    }

    public func apply(
        _ action: ModerationAction, to ids: [Comment.ID], by staff: StaffMember, at date: Date
    ) async throws
        -> [Comment.ID]
    {
        guard !ids.isEmpty else { return [] }
        if action == .feature || action == .unfeature { return try await feature(action == .feature, ids, by: staff, at: date) }
        guard let status = action.status else { return [] }
        return try await database.write { db in
            let rows = try await db.raw("SELECT id, status FROM comments WHERE id IN (\(binds: ids)) ORDER BY id").all()
            var changed: [Comment.ID] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Comment.ID.self)
                let before = try row.decode(column: "status", as: String.self)
                try await db.raw("UPDATE comments SET status = \(bind: status.rawValue) WHERE id = \(bind: id)").run()
                if action == .approve {
                    // A moderator has read the reports and kept the comment: they no longer count towards sending it
                    // back; only reports made after this do.
                    try await db.raw("UPDATE comment_reports SET cleared = 1 WHERE comment_id = \(bind: id) AND cleared = 0").run()
                    try await db.raw(
                        "UPDATE comments SET reports_cleared = reports_cleared + reports, reports = 0 WHERE id = \(bind: id)"
                    ).run()
                }
                try await Self.record(action, comment: id, before: before, after: status.rawValue, by: staff, at: date, on: db)
                changed.append(id)
            }
            return changed
        }
    }

    /// Marks published comments featured (or takes the mark away) and logs each change; an article keeps at most
    /// `CommentLimits.maxFeatured`, so featuring one more unfeatures the one featured longest ago, logged too. Returns
    /// the published comments among `ids` (those whose mark is now as asked).
    private func feature(_ on: Bool, _ ids: [Comment.ID], by staff: StaffMember, at date: Date) async throws -> [Comment.ID] {
        try await database.write { db in
            let rows = try await db.raw(
                "SELECT id, article_id, featured_at FROM comments WHERE id IN (\(binds: ids)) AND status = 'published' ORDER BY id"
            ).all()
            var changed: [Comment.ID] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Comment.ID.self)
                changed.append(id)
                let wasFeatured = try row.decode(column: "featured_at", as: Int64?.self) != nil
                guard wasFeatured != on else { continue }
                // Never two comments featured at the same millisecond, so the order of a batch is kept.
                let stamp: Timestamp? = on ? Timestamp(date.addingTimeInterval(Double(changed.count) / 1000)) : nil
                try await db.raw("UPDATE comments SET featured_at = \(bind: stamp) WHERE id = \(bind: id)").run()
                try await Self.record(
                    on ? .feature : .unfeature, comment: id, before: nil, after: nil, by: staff, at: date, on: db)
                guard on else { continue }
                let article = try row.decode(column: "article_id", as: Article.ID.self)
                let surplus = try await db.raw(
                    """
                    SELECT id FROM comments WHERE article_id = \(bind: article) AND featured_at IS NOT NULL
                    ORDER BY featured_at DESC, id DESC LIMIT 1000 OFFSET \(bind: CommentLimits.maxFeatured)
                    """
                ).all().map { try $0.decode(column: "id", as: Comment.ID.self) }
                for old in surplus {
                    try await db.raw("UPDATE comments SET featured_at = NULL WHERE id = \(bind: old)").run()
                    try await Self.record(.unfeature, comment: old, before: nil, after: nil, by: staff, at: date, on: db)
                }
            }
            return changed
        }
    }

    public func edit(_ id: Comment.ID, body: String, by staff: StaffMember, at date: Date) async throws -> Bool {
        try await database.write { [engine] db in
            guard let row = try await db.raw("SELECT body, author FROM comments WHERE id = \(bind: id)").first() else { return false }
            let before = try row.decode(column: "body", as: String.self)
            guard before != body else { return true }
            try await db.raw("UPDATE comments SET body = \(bind: body) WHERE id = \(bind: id)").run()
            try await SearchIndex.comment(id, author: try row.decode(column: "author", as: String.self), body: body, engine: engine, db)
            try await Self.record(.edit, comment: id, before: before, after: body, by: staff, at: date, on: db)
            return true
        }
    }

    public func log(comment: Comment.ID?, limit: Int) async throws -> [ModerationLogEntry] {
        try await database.read { db in
            let filter: SQLQueryString = comment.map { "WHERE l.comment_id = \(bind: $0)" } ?? ""
            return try await db.raw(
                """
                SELECT l.id, s.email, l.comment_id, l.action, l.before_text, l.after_text, l.created_at
                FROM moderation_log l JOIN staff s ON s.id = l.staff_id \(filter) ORDER BY l.id DESC LIMIT \(bind: limit)
                """
            ).all().map { row in
                ModerationLogEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    staffEmail: try row.decode(column: "email", as: String.self),
                    commentID: try row.decode(column: "comment_id", as: Comment.ID.self),
                    action: ModerationAction(rawValue: try row.decode(column: "action", as: String.self)) ?? .edit,
                    before: try row.decode(column: "before_text", as: String?.self),
                    after: try row.decode(column: "after_text", as: String?.self),
                    createdAt: try row.decode(column: "created_at", as: Timestamp.self).date)
            }
        }
    }

    static func record(
        _ action: ModerationAction, comment: Comment.ID, before: String?, after: String?, by staff: StaffMember, at date: Date,
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "moderation_log")
            .columns("staff_id", "comment_id", "action", "before_text", "after_text", "created_at")
            .values(
                SQLBind(staff.id), SQLBind(comment), SQLBind(action.rawValue), SQLBind(before), SQLBind(after), SQLBind(Timestamp(date))
            )
            .run()
    }
}

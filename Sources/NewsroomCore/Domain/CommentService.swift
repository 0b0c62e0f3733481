import Foundation

/// The rules that turn a reader's submission into a stored comment, shared by the JSON API and the HTML form.
public struct CommentService: Sendable {
    public var articles: any ArticleRepository
    public var comments: any CommentRepository
    public var moderation: ModerationMode
    /// Per-client limit on new comments; nil turns it off.
    public var rateLimiter: RateLimiter?
    /// How long the same text from the same person counts as a duplicate.
    public var duplicateWindow: TimeInterval
    public var now: @Sendable () -> Date
    /// The rules in force (word lists, links…), read when a comment arrives; nil applies none.
    public var rules: (@Sendable () async throws -> CommentRules)?

    public init(
        articles: any ArticleRepository, comments: any CommentRepository, moderation: ModerationMode,
        rateLimiter: RateLimiter? = nil, duplicateWindow: TimeInterval = 600,
        now: @escaping @Sendable () -> Date = Date.init, rules: (@Sendable () async throws -> CommentRules)? = nil
    ) {
        self.articles = articles
        self.comments = comments
        self.moderation = moderation
        self.rateLimiter = rateLimiter
        self.duplicateWindow = duplicateWindow
        self.now = now
        self.rules = rules
    }

    /// Validates and stores a comment on an article. Throws `NewsroomError` for anything the reader must
    /// change; nothing is stored then.
    public func post(_ submission: CommentSubmission, to articleID: Article.ID, client: String) async throws -> Comment {
        let valid = try submission.validated()
        guard let article = try await articles.article(id: articleID) else {
            throw NewsroomError(.articleNotFound)
        }
        guard article.commentsOpen else { throw NewsroomError(.commentsClosed) }

        var threadID: Comment.ID?
        var replyToID: Comment.ID?
        if let parentID = valid.parentID {
            guard let parent = try await comments.comment(id: parentID), parent.articleID == articleID,
                parent.status == .published
            else { throw NewsroomError(.parentInvalid, field: "parentId") }
            threadID = parent.parentID ?? parent.id
            replyToID = parent.id
        }

        let now = now()
        if try await comments.hasDuplicate(
            article: articleID, body: valid.body, email: valid.email, client: client,
            since: now.addingTimeInterval(-duplicateWindow))
        {
            throw NewsroomError(.duplicateComment)
        }
        if let rateLimiter, let wait = await rateLimiter.acquire(key: client, now: now) {
            throw NewsroomError(.rateLimited, retryAfter: wait)
        }
        var comment = NewComment(
            articleID: articleID, parentID: threadID, replyToID: replyToID, author: valid.author,
            email: valid.email, body: valid.body, status: moderation.initialStatus, clientFingerprint: client,
            createdAt: now)
        switch try await rules?().verdict(for: valid.body) ?? .accept {
        case .accept:
            break
        case .hold(let reason, let words):
            comment.status = .pending
            comment.heldReason = reason
            comment.heldWords = words
        case .refuse(let reason, let words):
            // Refused, and kept as rejected so the desk sees what was attempted and why.
            comment.status = .rejected
            comment.heldReason = reason
            comment.heldWords = words
            _ = try await comments.insert(comment)
            throw NewsroomError(.commentRejected)
        }
        return try await comments.insert(comment)
    }
}

/// A sliding-window limit per key (a client): at most `limit` events in any `window` seconds.
/// Kept in memory; one instance only, until shared state moves to the database.
public actor RateLimiter {
    public let limit: Int
    public let window: TimeInterval
    private var events: [String: [Date]] = [:]

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an event for `key` and returns nil, or returns the whole seconds to wait when the limit is reached.
    public func acquire(key: String, now: Date) -> Int? {
        let start = now.addingTimeInterval(-window)
        var recent = events[key, default: []].filter { $0 > start }
        if recent.count >= limit, let oldest = recent.first {
            events[key] = recent
            return max(1, Int((oldest.timeIntervalSince(start)).rounded(.up)))
        }
        recent.append(now)
        events[key] = recent
        if events.count > 10_000 { events = events.filter { $0.value.last.map { $0 > start } ?? false } }
        return nil
    }
}

import Foundation

/// The rules that turn a reader's submission into a stored comment, shared by the JSON API and the HTML form.
public struct CommentService: Sendable {
    public var articles: any ArticleRepository
    public var comments: any CommentRepository
    public var moderation: ModerationMode
    /// Limits on new comments per client and per e-mail; nil turns them off.
    public var rateLimiter: (any RateLimitStore)?
    /// How long the same text from the same person counts as a duplicate.
    public var duplicateWindow: TimeInterval
    public var now: @Sendable () -> Date
    /// The rules in force (word lists, links…), read when a comment arrives; nil applies none.
    public var rules: (@Sendable () async throws -> CommentRules)?
    /// Bans and the history that earns trust; nil checks neither.
    public var standing: (any ReaderStandingRepository)?
    /// Under pre-moderation, an e-mail with this many published comments is published at once (0: never).
    public var trustAfter: Int = 0

    public init(
        articles: any ArticleRepository, comments: any CommentRepository, moderation: ModerationMode,
        rateLimiter: (any RateLimitStore)? = nil, duplicateWindow: TimeInterval = 600,
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
    /// change; nothing is stored then, except a comment a word rule refuses, which is kept as rejected for the desk.
    /// `heldBecause` holds the comment for a moderator whatever the rules say (a form sent too fast, say).
    public func post(
        _ submission: CommentSubmission, to articleID: Article.ID, client: String, heldBecause: String? = nil
    ) async throws -> Comment {
        let valid = try submission.validated()
        let now = now()
        // The independent checks run together: one round of reads instead of three in a row.
        async let policy = articles.commentPolicy(id: articleID)
        async let banned = standing?.isBanned(email: valid.email, client: client) ?? false
        async let duplicate = comments.hasDuplicate(
            article: articleID, body: valid.body, email: valid.email, client: client,
            since: now.addingTimeInterval(-duplicateWindow))
        guard let policy = try await policy else { throw NewsroomError(.articleNotFound) }
        guard policy.open else { throw NewsroomError(.commentsClosed) }
        if try await banned { throw NewsroomError(.forbidden, message: Strings.banned) }
        var threadID: Comment.ID?
        var replyToID: Comment.ID?
        if let parentID = valid.parentID {
            guard let parent = try await comments.comment(id: parentID), parent.articleID == articleID,
                parent.status == .published
            else { throw NewsroomError(.parentInvalid, field: "parentId") }
            threadID = parent.parentID ?? parent.id
            replyToID = parent.id
        }

        if try await duplicate { throw NewsroomError(.duplicateComment) }
        // Per client and, when given, per e-mail: a new address or a new e-mail alone does not reset the count.
        let keys = ["client:\(client)"] + (valid.email.map { ["email:\($0)"] } ?? [])
        if let rateLimiter, let wait = try await rateLimiter.acquire(keys: keys, now: now) {
            throw NewsroomError(.rateLimited, retryAfter: wait)
        }
        var comment = NewComment(
            articleID: articleID, parentID: threadID, replyToID: replyToID, author: valid.author,
            email: valid.email, body: valid.body, status: (policy.moderation ?? moderation).initialStatus, clientFingerprint: client,
            createdAt: now, verified: valid.verified)
        if comment.status == .pending, trustAfter > 0, let email = valid.email, let standing,
            try await standing.publishedCount(email: email) >= trustAfter
        {
            // A regular whose comments moderators have approved again and again (as Isso and WordPress do).
            comment.status = .published
        }
        var verdict = try await rules?().verdict(for: valid.body) ?? .accept
        if verdict == .accept, let heldBecause { verdict = .hold(reason: heldBecause, words: []) }
        switch verdict {
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

/// A limit: at most `count` events in any `seconds`.
public struct RateLimit: Sendable, Equatable {
    public var count: Int
    public var seconds: TimeInterval

    public init(_ count: Int, per seconds: TimeInterval) {
        self.count = count
        self.seconds = seconds
    }

    /// Reads "1/10,10/3600" (count/seconds, comma-separated); "off" or "" is no limit. Nil when malformed.
    public static func list(parsing text: String) -> [RateLimit]? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty || text == "off" || text == "0" { return [] }
        var limits: [RateLimit] = []
        for part in text.split(separator: ",") {
            let numbers = part.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard numbers.count == 2, let count = Int(numbers[0]), count > 0, let seconds = Double(numbers[1]), seconds > 0 else {
                return nil
            }
            limits.append(RateLimit(count, per: seconds))
        }
        return limits
    }
}

/// Where the events that limits count are kept: in memory for one process (`RateLimiter`), in the database when
/// several instances must agree.
public protocol RateLimitStore: Sendable {
    /// Records an event for every key and returns nil, or returns the whole seconds to wait when a limit is reached
    /// (and records nothing).
    func acquire(keys: [String], now: Date) async throws -> Int?
}

extension RateLimit {
    /// The decision for one attempt, given each key's earlier events (any order): nil when every limit of every key
    /// allows it, else the whole seconds until the first one does.
    public static func wait(_ limits: [RateLimit], events: [String: [Date]], now: Date) -> Int? {
        var wait: TimeInterval = 0
        for times in events.values {
            for limit in limits {
                let inWindow = times.filter { $0 > now.addingTimeInterval(-limit.seconds) }
                if inWindow.count >= limit.count, let oldest = inWindow.min() {
                    wait = max(wait, oldest.addingTimeInterval(limit.seconds).timeIntervalSince(now))
                }
            }
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }
}

/// Sliding-window limits per key (a client, an e-mail): an event is allowed only when every limit of every key
/// allows it, and only allowed events are counted. Kept in this process's memory: right for one instance and for
/// tests; several instances share `SQLRateLimiter` instead.
public actor RateLimiter: RateLimitStore {
    public let limits: [RateLimit]
    /// The most keys remembered at once.
    public let maxKeys: Int
    private var events: [String: [Date]] = [:]
    private let longest: TimeInterval

    public init(limits: [RateLimit], maxKeys: Int = 200_000) {
        self.limits = limits
        self.longest = limits.map(\.seconds).max() ?? 0
        self.maxKeys = maxKeys
    }

    /// How many keys are remembered.
    public var keyCount: Int { events.count }

    public init(limit: Int, window: TimeInterval) { self.init(limits: [RateLimit(limit, per: window)]) }

    public func acquire(keys: [String], now: Date) -> Int? {
        var recent: [String: [Date]] = [:]
        for key in keys {
            recent[key] = events[key, default: []].filter { $0 > now.addingTimeInterval(-longest) }
            events[key] = recent[key]
        }
        if let wait = RateLimit.wait(limits, events: recent, now: now) { return wait }
        for key in keys { events[key, default: []].append(now) }
        if events.count > min(50_000, maxKeys) {
            events = events.filter { $0.value.last.map { $0 > now.addingTimeInterval(-longest) } ?? false }
        }
        // Still too many (a flood from ever new addresses within one window): the keys seen longest ago go, so memory
        // stays bounded; a client forgotten this way is at worst let through once more.
        if events.count > maxKeys {
            let kept = events.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }.prefix(maxKeys * 3 / 4)
            events = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
        return nil
    }

    public func acquire(key: String, now: Date) -> Int? { acquire(keys: [key], now: now) }
}

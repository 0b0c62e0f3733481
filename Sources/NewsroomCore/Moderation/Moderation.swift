import Foundation

/// The desk's queues.
public enum ModerationQueue: String, Sendable, CaseIterable, Codable {
    /// Waiting for a decision.
    case pending
    /// Published, but readers reported it.
    case reported
    case published
    /// Rejected or marked as spam.
    case rejected

    public var label: String {
        switch self {
        case .pending: "Chờ duyệt"
        case .reported: "Bị báo cáo"
        case .published: "Đã duyệt"
        case .rejected: "Đã từ chối"
        }
    }

    /// The Vietnamese slug used in the desk's URLs.
    public var slug: String {
        switch self {
        case .pending: "cho-duyet"
        case .reported: "bi-bao-cao"
        case .published: "da-duyet"
        case .rejected: "da-tu-choi"
        }
    }

    public init?(slug: String) {
        guard let queue = Self.allCases.first(where: { $0.slug == slug || $0.rawValue == slug }) else { return nil }
        self = queue
    }
}

/// What a moderator does to a comment.
public enum ModerationAction: String, Sendable, CaseIterable, Codable {
    case approve, reject, spam, edit
    /// Marks a published comment "Bình luận nổi bật", or takes the mark away.
    case feature, unfeature

    /// The status a comment takes, nil for an action that keeps it.
    public var status: CommentStatus? {
        switch self {
        case .approve: .published
        case .reject: .rejected
        case .spam: .spam
        case .edit, .feature, .unfeature: nil
        }
    }

    public var label: String {
        switch self {
        case .approve: "Duyệt"
        case .reject: "Từ chối"
        case .spam: "Đánh dấu spam"
        case .edit: "Sửa nội dung"
        case .feature: "Chọn là nổi bật"
        case .unfeature: "Bỏ nổi bật"
        }
    }
}

/// A comment as the desk shows it: with its article and, for a reply, the comment it answers.
public struct ModeratedComment: Sendable, Equatable {
    public var comment: Comment
    public var articleTitle: String
    public var articlePath: String
    /// The comment this one answers, for context.
    public var answers: Comment?
    /// Set when the comment is under a page of another site (embedded comments): that page and its site.
    public var thread: EmbeddedThread?

    public init(comment: Comment, articleTitle: String, articlePath: String, answers: Comment?, thread: EmbeddedThread? = nil) {
        self.thread = thread
        self.comment = comment
        self.articleTitle = articleTitle
        self.articlePath = articlePath
        self.answers = answers
    }

    /// Why the comment is in the queue, in Vietnamese.
    public var reason: String {
        if let held = comment.heldReason, comment.status != .published { return held }
        switch comment.status {
        case .pending: return "Đang chờ duyệt (bình luận mới)"
        case .published where comment.reports > 0 && comment.reportsBeforeApproval > 0:
            return "Bị báo cáo \(comment.reports) lần sau khi đã được duyệt (trước đó \(comment.reportsBeforeApproval) lần)"
        case .published where comment.reports > 0: return "Bị báo cáo \(comment.reports) lần"
        case .published: return "Đã được đăng"
        case .rejected: return "Đã bị từ chối"
        case .spam: return "Bị đánh dấu là spam"
        }
    }
}

/// One line of the moderation log: who did what to which comment, when, and the text before and after.
public struct ModerationLogEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var staffEmail: String
    public var commentID: Comment.ID
    public var action: ModerationAction
    public var before: String?
    public var after: String?
    public var createdAt: Date

    public init(
        id: Int64, staffEmail: String, commentID: Comment.ID, action: ModerationAction, before: String?, after: String?,
        createdAt: Date
    ) {
        self.id = id
        self.staffEmail = staffEmail
        self.commentID = commentID
        self.action = action
        self.before = before
        self.after = after
        self.createdAt = createdAt
    }
}

/// The desk's storage.
public protocol ModerationRepository: Sendable {
    /// Comments of a queue, oldest first for pending (first come, first served) and newest first otherwise,
    /// optionally of one article, `limit` at most, after `cursor`.
    func queue(
        _ queue: ModerationQueue, article: Article.ID?, after cursor: Cursor?, limit: Int
    ) async throws -> Page<ModeratedComment>

    /// How many comments each queue holds, optionally for one article.
    func counts(article: Article.ID?) async throws -> [ModerationQueue: Int]

    /// How many comments wait for a moderator, and since when the oldest has waited (nil when none waits).
    func queueSummary() async throws -> (count: Int, oldest: Date?)

    /// Comments in any status whose author or text matches every term of the query (folded, as the reader search
    /// does), best first and then newest, `limit` at most.
    func search(_ query: SearchQuery, limit: Int) async throws -> [ModeratedComment]

    /// Applies a status change to these comments and logs it, in one transaction; returns the ids that exist.
    func apply(
        _ action: ModerationAction, to ids: [Comment.ID], by staff: StaffMember, at date: Date
    ) async throws
        -> [Comment.ID]

    /// Replaces a comment's text and logs the text before and after; returns false when there is no such comment.
    func edit(_ id: Comment.ID, body: String, by staff: StaffMember, at date: Date) async throws -> Bool

    /// The log, newest first, optionally for one comment.
    func log(comment: Comment.ID?, limit: Int) async throws -> [ModerationLogEntry]
}

/// Failed logins, counted per key (an account, a client) so guessing can be slowed down on every instance.
/// A login attempt recorded as a failure before its password is checked.
public struct LoginAttempt: Sendable, Equatable {
    public var id: String
    /// For each key given to `begin`, the failures recorded before this attempt.
    public var failuresBefore: [Int]
    /// Whether the attempt was recorded; false when it was refused on the counts alone.
    public var recorded: Bool

    public init(id: String, failuresBefore: [Int], recorded: Bool = true) {
        self.id = id
        self.failuresBefore = failuresBefore
        self.recorded = recorded
    }
}

public protocol LoginAttemptRepository: Sendable {
    /// Counts each key's failures since `since` and, unless `refusing` says the attempt is refused on those counts,
    /// records it as a failure under each key, atomically with the counting; `forget` takes it back when it succeeds
    /// (or is refused later without being checked). A refused attempt writes nothing (`recorded` is false).
    func begin(
        keys: [String], since: Date, at date: Date, refusing: @escaping @Sendable ([Int]) -> Bool
    ) async throws -> LoginAttempt

    /// Removes an attempt's rows.
    func forget(_ attempt: LoginAttempt) async throws

    /// Failures recorded for `key` since `date`.
    func failures(key: String, since date: Date) async throws -> Int

    /// Records one failure.
    func recordFailure(key: String, at date: Date) async throws

    /// Forgets the failures of `key` (after a successful login).
    func clear(key: String) async throws
}

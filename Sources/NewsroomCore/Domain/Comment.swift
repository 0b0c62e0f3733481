import Foundation

/// Where a comment stands in moderation.
public enum CommentStatus: String, Sendable, Codable, CaseIterable {
    case pending, published, rejected, spam

    /// Vietnamese name of the status, for the desk.
    public var label: String {
        switch self {
        case .pending: "Chờ duyệt"
        case .published: "Đã đăng"
        case .rejected: "Đã từ chối"
        case .spam: "Spam"
        }
    }
}

/// How a newspaper moderates new comments: `pre` holds each one for a moderator, `post` publishes at once.
public enum ModerationMode: String, Sendable, Codable, CaseIterable {
    case pre, post

    /// The status a new comment starts with under this mode.
    public var initialStatus: CommentStatus { self == .pre ? .pending : .published }
}

/// A reader's comment.
public struct Comment: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var articleID: Article.ID
    /// The thread's top-level comment for a reply; nil for a top-level comment.
    public var parentID: ID?
    /// The comment this one answers (any comment of the thread), with its author's name.
    public var replyTo: ReplyTarget?
    public var author: String
    /// Never shown to readers.
    public var email: String?
    public var body: String
    public var status: CommentStatus
    public var likes: Int
    /// Reports since a moderator last approved the comment (earlier ones no longer count).
    public var reports: Int
    /// Reports a moderator has already answered by approving the comment.
    public var reportsBeforeApproval = 0
    /// Published replies under a top-level comment (0 for replies).
    public var replyCount: Int
    /// Why a rule held or refused the comment, for the desk; nil when no rule did.
    public var heldReason: String?
    /// The words the rule matched, as the reader wrote them, to highlight on the desk.
    public var heldWords: [String]
    public var createdAt: Date
    /// Signed in through the host site of embedded comments: its name is the one that site vouches for.
    public var verified: Bool
    /// A moderator chose it as "Bình luận nổi bật": shown first, with a badge.
    public var featured = false

    public init(
        id: ID, articleID: Article.ID, parentID: ID? = nil, replyTo: ReplyTarget? = nil, author: String,
        email: String? = nil, body: String, status: CommentStatus, likes: Int = 0, reports: Int = 0,
        replyCount: Int = 0, createdAt: Date, heldReason: String? = nil, heldWords: [String] = [], verified: Bool = false
    ) {
        self.verified = verified
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.replyTo = replyTo
        self.author = author
        self.email = email
        self.body = body
        self.status = status
        self.likes = likes
        self.reports = reports
        self.replyCount = replyCount
        self.createdAt = createdAt
        self.heldReason = heldReason
        self.heldWords = heldWords
    }

    /// The comment's anchor on its article page: `binh-luan-{id}`.
    public var anchor: String { Comment.anchor(id) }

    public static func anchor(_ id: ID) -> String { anchorPrefix + String(id) }

    /// What every comment's anchor starts with.
    public static let anchorPrefix = "binh-luan-"

    /// The comment's permalink on an article: `{articlePath}#binh-luan-{id}`.
    public func permalink(articlePath: String) -> String { "\(articlePath)#\(anchor)" }
}

/// The comment a reply answers.
public struct ReplyTarget: Sendable, Equatable {
    public var id: Comment.ID
    public var author: String

    public init(id: Comment.ID, author: String) {
        self.id = id
        self.author = author
    }
}

/// A top-level comment with the first of its published replies.
public struct CommentThread: Sendable, Equatable {
    public var comment: Comment
    public var replies: [Comment]
    /// Where the next page of replies starts, nil when `replies` holds them all.
    public var nextRepliesCursor: Cursor?

    public init(comment: Comment, replies: [Comment], nextRepliesCursor: Cursor?) {
        self.comment = comment
        self.replies = replies
        self.nextRepliesCursor = nextRepliesCursor
    }
}

/// The order of an article's top-level comments.
public enum CommentSort: String, Sendable, CaseIterable {
    case newest, oldest, top
}

/// One page of a list, with where the next page starts.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: Cursor?

    public init(items: [Item], nextCursor: Cursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}

/// An opaque position in a list: the sort key and id of the last item of the previous page.
/// Written as `{key}.{id}` (for example `12.345` under "top", `345` otherwise).
public struct Cursor: Sendable, Equatable, CustomStringConvertible {
    public var key: Int64?
    public var id: Int64

    public init(key: Int64? = nil, id: Int64) {
        self.key = key
        self.id = id
    }

    /// Parses a cursor a client sent back; nil when it is not one Newsroom wrote.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let id = Int64(parts[0]), id >= 0 else { return nil }
            self.init(id: id)
        case 2:
            guard let key = Int64(parts[0]), let id = Int64(parts[1]), id >= 0 else { return nil }
            self.init(key: key, id: id)
        default:
            return nil
        }
    }

    public var description: String { key.map { "\($0).\(id)" } ?? "\(id)" }
}

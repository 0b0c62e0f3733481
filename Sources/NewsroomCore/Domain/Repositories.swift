import Foundation

/// Where articles are kept. Implemented by `NewsroomStorage`; the core only depends on this protocol.
public protocol ArticleRepository: Sendable {
    /// The article with this id, or nil when there is none.
    func article(id: Article.ID) async throws -> Article?

    /// Whether the article takes comments, or nil when there is no such article: what a new comment needs to know,
    /// without reading (and decoding) the article's text.
    func commentsOpen(id: Article.ID) async throws -> Bool?

    /// What identifies the current rendering of an article's page, or nil when there is no such article.
    func pageStamp(id: Article.ID) async throws -> PageStamp?

    /// Published articles, newest first, `limit` at most, skipping `offset`.
    func latest(limit: Int, offset: Int) async throws -> [Article]

    /// How many articles exist.
    func count() async throws -> Int

    /// Creates the article, or updates the one with the same slug while keeping its first publication time.
    /// Atomic: either the whole article is saved or nothing is. Returns the stored article and whether it is new.
    func save(_ draft: ArticleDraft, now: Date) async throws -> (article: Article, created: Bool)
}

/// The slug of an article and a version that changes whenever anything its page shows changes (its text, a
/// comment published or taken down, a like), read together in one query.
public struct PageStamp: Sendable, Equatable {
    public var slug: String
    /// The article's own version, raised when it is saved.
    public var version: Int64
    public var updatedAt: Date
    /// The newest event of its comment section (`ArticleEvent`): a live page follows on from here.
    public var latestEvent: Int64
    /// When what the page shows last changed: the article saved, or its newest event.
    public var lastChanged: Date

    public init(slug: String, version: Int64, updatedAt: Date, latestEvent: Int64 = 0, lastChanged: Date? = nil) {
        self.slug = slug
        self.version = version
        self.updatedAt = updatedAt
        self.latestEvent = latestEvent
        self.lastChanged = lastChanged ?? updatedAt
    }
}

/// What storage needs to create a comment.
public struct NewComment: Sendable, Equatable {
    public var articleID: Article.ID
    public var parentID: Comment.ID?
    public var replyToID: Comment.ID?
    public var author: String
    public var email: String?
    public var body: String
    public var status: CommentStatus
    public var clientFingerprint: String
    public var createdAt: Date
    public var likes: Int
    public var heldReason: String?
    public var heldWords: [String]

    public init(
        articleID: Article.ID, parentID: Comment.ID? = nil, replyToID: Comment.ID? = nil, author: String,
        email: String? = nil, body: String, status: CommentStatus, clientFingerprint: String, createdAt: Date,
        likes: Int = 0, heldReason: String? = nil, heldWords: [String] = []
    ) {
        self.articleID = articleID
        self.parentID = parentID
        self.replyToID = replyToID
        self.author = author
        self.email = email
        self.body = body
        self.status = status
        self.clientFingerprint = clientFingerprint
        self.createdAt = createdAt
        self.likes = likes
        self.heldReason = heldReason
        self.heldWords = heldWords
    }
}

/// Where the newspaper's word lists are kept.
public protocol WordRuleRepository: Sendable {
    /// Every rule, sorted by phrase.
    func all() async throws -> [WordRule]
    /// Adds or re-kinds rules.
    func add(_ rules: [WordRule]) async throws
    /// Removes rules by phrase; returns the phrases that existed.
    func remove(_ phrases: [String]) async throws -> [String]
}

/// Where comments and likes are kept.
public protocol CommentRepository: Sendable {
    /// Stores a new comment; returns it with its id once it is durably on disk.
    func insert(_ comment: NewComment) async throws -> Comment

    /// The comment with this id whatever its status, or nil.
    func comment(id: Comment.ID) async throws -> Comment?

    /// Published top-level comments of an article in `sort` order, `limit` at most, after `cursor` when given,
    /// each with its first `replies` published replies (oldest first).
    func threads(
        article: Article.ID, sort: CommentSort, after cursor: Cursor?, limit: Int, replies: Int
    ) async throws -> Page<CommentThread>

    /// Published replies of a top-level comment, oldest first, `limit` at most, after `cursor` when given.
    func replies(to thread: Comment.ID, after cursor: Cursor?, limit: Int) async throws -> Page<Comment>

    /// Published comments of an article, replies included.
    func publishedCount(article: Article.ID) async throws -> Int

    /// Records a like of a published comment by a client; liking twice counts once.
    /// Returns the comment's like count, or nil when no published comment has this id.
    func like(comment: Comment.ID, client: String, at date: Date) async throws -> Int?

    /// Whether the same person (e-mail when given, else client) sent the same body to the article since `date`.
    func hasDuplicate(
        article: Article.ID, body: String, email: String?, client: String, since date: Date
    ) async throws -> Bool

    /// Sets the status of these comments; returns the ids that exist (and so were changed).
    func setStatus(_ status: CommentStatus, ids: [Comment.ID]) async throws -> [Comment.ID]

    /// All comments with this status (all statuses when nil), oldest first, for the moderation command.
    func list(status: CommentStatus?) async throws -> [Comment]
}

import Foundation

/// Where articles are kept. Implemented by `NewsroomStorage`; the core only depends on this protocol.
public protocol ArticleRepository: Sendable {
    /// The article with this id, in any status, or nil when there is none.
    func article(id: Article.ID) async throws -> Article?

    /// Whether a published article takes comments and how they are moderated, or nil when there is no such
    /// published article: what a new comment needs to know, without reading (and decoding) the article's text.
    func commentPolicy(id: Article.ID) async throws -> CommentPolicy?

    /// What identifies the current rendering of a published article's page, or nil when there is no such article.
    func pageStamp(id: Article.ID) async throws -> PageStamp?

    /// Published articles of a listing, newest first, `limit` at most, skipping `offset`.
    func published(_ filter: ArticleFilter, limit: Int, offset: Int) async throws -> [Article]

    /// How many published articles a listing has.
    func publishedCount(_ filter: ArticleFilter) async throws -> Int

    /// How many articles exist, in any status.
    func count() async throws -> Int

    /// The category, tag or author with this slug, or nil.
    func topic(_ kind: Topic.Kind, slug: String) async throws -> Topic?

    /// Every category, tag or author, by name.
    func topics(_ kind: Topic.Kind) async throws -> [Topic]

    /// The desk's list: articles in any status, most recently changed first.
    func desk(_ filter: DeskArticleFilter, limit: Int, offset: Int) async throws -> (articles: [Article], total: Int)

    /// Imports: creates the article, or updates the one with the same slug while keeping its first publication
    /// time. Atomic: either the whole article is saved or nothing is. Returns the stored article and whether it is new.
    func save(_ draft: ArticleDraft, now: Date) async throws -> (article: Article, created: Bool)

    /// The editors' desk: creates an article (`id` nil) or updates this one, slug included, keeping a revision of
    /// what was saved. Throws `slug_taken` when another article has the slug, `article_not_found` for no such id.
    func edit(_ id: Article.ID?, _ draft: ArticleDraft, by editor: String, now: Date) async throws -> Article

    /// An article's revisions, newest first.
    func revisions(article: Article.ID, limit: Int) async throws -> [ArticleRevision]

    /// One revision, or nil.
    func revision(id: ArticleRevision.ID) async throws -> ArticleRevision?

    /// Publishes every scheduled article whose time has come; returns their ids.
    func publishDue(now: Date) async throws -> [Article.ID]

    /// The page of the published article an old address (`ForeignArticle.redirectKey`) leads to, or nil.
    func redirect(from oldAddress: String) async throws -> String?

    /// The article a page's canonical URL names: the comment section kept for that page of another site, an article
    /// whose old address (`redirects`) is that page's path, or with `ownPaths` an article at that path here
    /// (`/{slug}-{id}`, whatever the host); nil when there is none.
    func elsewhere(url canonicalURL: String, ownPaths: Bool) async throws -> Article.ID?

    /// Creates the comment section of a page on another site (published, so it takes comments, and never listed), or
    /// returns the one a concurrent request has just created.
    func createThread(_ thread: EmbeddedThread, title: String, now: Date) async throws -> Article.ID
}

extension ArticleRepository {
    /// Published articles, newest first.
    public func latest(limit: Int, offset: Int) async throws -> [Article] {
        try await published(.all, limit: limit, offset: offset)
    }
}

/// Whether an article takes comments, and how they are moderated (nil: the site's setting).
public struct CommentPolicy: Sendable, Equatable {
    public var open: Bool
    public var moderation: ModerationMode?

    public init(open: Bool, moderation: ModerationMode? = nil) {
        self.open = open
        self.moderation = moderation
    }
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
    /// The author's name and e-mail come from the host site's signed sign-in, not from what the reader typed.
    public var verified: Bool

    public init(
        articleID: Article.ID, parentID: Comment.ID? = nil, replyToID: Comment.ID? = nil, author: String,
        email: String? = nil, body: String, status: CommentStatus, clientFingerprint: String, createdAt: Date,
        likes: Int = 0, heldReason: String? = nil, heldWords: [String] = [], verified: Bool = false
    ) {
        self.verified = verified
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

    /// Published top-level comments of an article that are not featured (`featured` lists those) in `sort` order,
    /// `limit` at most, after `cursor` when given, each with its first `replies` published replies (oldest first).
    func threads(
        article: Article.ID, sort: CommentSort, after cursor: Cursor?, limit: Int, replies: Int
    ) async throws -> Page<CommentThread>

    /// The featured published comments of an article, most recently featured first: a top-level one with its first
    /// `replies` published replies, a reply on its own (no replies).
    func featured(article: Article.ID, replies: Int) async throws -> [CommentThread]

    /// Published replies of a top-level comment, oldest first, `limit` at most, after `cursor` when given.
    func replies(to thread: Comment.ID, after cursor: Cursor?, limit: Int) async throws -> Page<Comment>

    /// Published comments of an article, replies included.
    func publishedCount(article: Article.ID) async throws -> Int

    /// Records a like of a published comment by a client (a keyed hash of its signed cookie, or of its address when it
    /// has none); liking twice counts once, and one `address` (keyed hash) gives at most `perAddress` likes to a
    /// comment in a day. Returns the comment's like count, or nil when no published comment has this id.
    func like(comment: Comment.ID, client: String, address: String, perAddress: Int, at date: Date) async throws -> Int?

    /// Whether the same person (e-mail when given, else client) sent the same body to the article since `date`.
    func hasDuplicate(
        article: Article.ID, body: String, email: String?, client: String, since date: Date
    ) async throws -> Bool

    /// Sets the status of these comments; returns the ids that exist (and so were changed).
    func setStatus(_ status: CommentStatus, ids: [Comment.ID]) async throws -> [Comment.ID]

    /// All comments with this status (all statuses when nil), oldest first, for the moderation command.
    func list(status: CommentStatus?) async throws -> [Comment]
}

/// Searching published articles.
public protocol SearchRepository: Sendable {
    /// Published articles matching every term of the query, best first (exact-diacritic matches above folded ones,
    /// recency breaking ties) among the newest `SearchResults.window` matches, `limit` at most after `offset`, with how
    /// many match. An empty query matches nothing.
    func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int) async throws -> SearchResults

    /// Rebuilds the index from every published article; returns how many were indexed.
    func rebuild() async throws -> Int

    /// Computes every published article's related articles again through the index ("Tin liên quan"; pinned ones are
    /// kept); returns how many articles were computed.
    func rebuildRelated() async throws -> Int
}

/// What narrows a search: a category (by slug) and a range of publication times.
public struct SearchFilter: Sendable, Equatable {
    public var category: String?
    public var from: Date?
    public var to: Date?

    public init(category: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.category = category
        self.from = from
        self.to = to
    }
}

/// One page of search results and the number of matches in all.
public struct SearchResults: Sendable, Equatable {
    /// Search ranks the newest this many matches of a query (all of them for all but the commonest words), which
    /// keeps a search fast however many articles a word appears in; a date filter reaches older ones.
    public static let window = 1000

    public var articles: [Article]
    /// How many articles match, counted up to `window`.
    public var total: Int
    /// Whether more than `window` articles match (`total` is then `window`).
    public var capped: Bool

    public init(articles: [Article], total: Int, capped: Bool = false) {
        self.articles = articles
        self.total = total
        self.capped = capped
    }
}

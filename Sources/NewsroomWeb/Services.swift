import Foundation
import Hummingbird
import NewsroomCore
import NewsroomStorage

/// What the controllers share: storage, the comment rules, form tokens and the clock.
struct Services: Sendable {
    let store: Store
    var comments: CommentService
    let tokens: FormTokens
    let pageCache: PageCache
    let passwords: Passwords
    let rules: RulesProvider
    let streams: StreamQuota
    let siteCache = SiteCache()
    let config: AppConfig
    let now: @Sendable () -> Date

    init(config: AppConfig, store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.config = config
        self.now = now
        self.tokens = FormTokens(secret: config.secret)
        self.passwords = Passwords(cost: config.bcryptCost)
        self.streams = StreamQuota(maxTotal: config.maxStreams, maxPerAddress: config.streamsPerAddress)
        self.pageCache = PageCache(recheckInterval: config.pageRecheckInterval, maxBytes: config.cacheBytes)
        let rules = RulesProvider(store: store, config: config, now: now)
        self.rules = rules
        self.comments = CommentService(
            articles: store.articles, comments: store.comments, moderation: config.moderation,
            rateLimiter: store.commentLimiter(config.commentLimits),
            now: now, rules: { try await rules.rules() })
        self.comments.standing = store.standing
        self.comments.trustAfter = config.trustAfter
    }

    /// Why a comment sent with this form token should wait for a moderator: sent faster than a person writes.
    func tooFast(_ token: String?, article: Article.ID) -> String? {
        guard let token, let age = tokens.age(token, article: article, at: now()), age < config.minimumFormSeconds else { return nil }
        return Strings.sentTooFast
    }

    /// A reader's comment through the rules (`CommentService.post`), counted by what became of it for `/metrics`;
    /// the cached page goes when it is published.
    func post(_ submission: CommentSubmission, to article: Article.ID, client: String, heldBecause: String?) async throws -> Comment {
        do {
            let comment = try await comments.post(submission, to: article, client: client, heldBecause: heldBecause)
            Telemetry.comment(comment.status == .published ? .published : .held)
            if comment.status == .published { pageChanged(article: article) }
            return comment
        } catch let error as NewsroomError {
            let outcome: Telemetry.CommentOutcome =
                switch error.code {
                case .rateLimited: .rateLimited
                case .commentRejected, .forbidden, .duplicateComment: .refused
                default: .invalid
                }
            Telemetry.comment(outcome)
            throw error
        } catch {
            Telemetry.comment(.failed)
            throw error
        }
    }

    /// What an article's page shows changed through this process: its cached renderings go at once.
    func pageChanged(article: Article.ID) {
        pageCache.invalidate(article: article)
    }

    /// A moderator changed comments: every cached page goes (moderation is rare next to reading).
    func moderated() {
        pageCache.invalidateAll()
        siteCache.invalidate()
    }

    /// A reader's like of a published comment: once per browser, at most `likesPerAddress` a day from one address.
    /// The count after it, nil when no published comment has this id.
    func like(_ comment: Comment, client: ClientIdentity) async throws -> Int? {
        let likes = try await store.comments.like(
            comment: comment.id, client: client.likeKey, address: client.addressKey, perAddress: config.likesPerAddress, at: now())
        pageChanged(article: comment.articleID)
        return likes
    }

    /// A reader's report of a published comment: once per browser; reports from `reportThreshold` distinct addresses
    /// send it back to the queue. The reports since its last approval, nil when no published comment has this id.
    func report(_ comment: Comment, reason: ReportReason, client: ClientIdentity) async throws -> Int? {
        let reports = try await store.standing.report(
            comment: comment.id, client: client.likeKey, address: client.addressKey, perAddress: config.likesPerAddress,
            reason: reason,
            threshold: config.reportThreshold, at: now())
        pageChanged(article: comment.articleID)
        return reports
    }

    /// Who sent a request, for limits, likes and reports.
    func client(_ request: Request, _ context: NewsroomRequestContext) -> ClientIdentity {
        var client = ClientIdentity(request: request, context: context, secret: config.secret, trustedProxies: config.trustedProxies)
        client.secure = config.secureCookies
        return client
    }

    /// The published article with this id, or 404 `article_not_found` (readers never see drafts).
    func article(_ id: Article.ID) async throws -> Article {
        try await store.articles.publishedArticle(id)
    }
}

extension ArticleRepository {
    /// The published article with this id, or 404 `article_not_found` (readers never see drafts).
    func publishedArticle(_ id: Article.ID) async throws -> Article {
        guard let article = try await article(id: id), article.status == .published else { throw NewsroomError(.articleNotFound) }
        return article
    }
}

import Foundation
import Hummingbird
import NewsroomCore
import NewsroomStorage

/// What the application shares, made once from the configuration and the store: the comment rules, form tokens,
/// caches, the reader actions and the clock. Each controller is given the parts it uses.
struct Services: Sendable {
    let store: Store
    let tokens: FormTokens
    let pageCache: PageCache
    let passwords: Passwords
    let rules: RulesProvider
    let streams: StreamQuota
    let siteCache = SiteCache()
    let config: AppConfig
    let now: @Sendable () -> Date
    /// Who sent a request, for limits, likes and reports.
    let clients: ClientIdentities
    /// Posting, liking and reporting, for the forms and the API.
    let readers: ReaderActions
    /// Views, and the "Đọc nhiều" and "Bàn luận sôi nổi" boxes.
    let readership: Readership

    init(config: AppConfig, store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.config = config
        self.now = now
        self.tokens = FormTokens(secret: config.secret)
        self.passwords = Passwords(cost: config.bcryptCost)
        self.streams = StreamQuota(maxTotal: config.maxStreams, maxPerAddress: config.streamsPerAddress)
        let pageCache = PageCache(recheckInterval: config.pageRecheckInterval, maxBytes: config.cacheBytes)
        self.pageCache = pageCache
        self.readership = Readership(
            highlights: store.highlights, interval: config.viewsFlushInterval, changed: { pageCache.invalidateAll() })
        let rules = RulesProvider(store: store, config: config, now: now)
        self.rules = rules
        var comments = CommentService(
            articles: store.articles, comments: store.comments, moderation: config.moderation,
            rateLimiter: store.commentLimiter(config.commentLimits),
            now: now, rules: { try await rules.rules() })
        comments.standing = store.standing
        comments.trustAfter = config.trustAfter
        self.clients = ClientIdentities(secret: config.secret, trustedProxies: config.trustedProxies, secure: config.secureCookies)
        self.readers = ReaderActions(
            service: comments, comments: store.comments, standing: store.standing, tokens: tokens, pageCache: pageCache,
            minimumFormSeconds: config.minimumFormSeconds, likesPerAddress: config.likesPerAddress,
            reportThreshold: config.reportThreshold, now: now)
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
}

extension ArticleRepository {
    /// The published article with this id, or 404 `article_not_found` (readers never see drafts).
    func publishedArticle(_ id: Article.ID) async throws -> Article {
        guard let article = try await article(id: id), article.status == .published else { throw NewsroomError(.articleNotFound) }
        return article
    }
}

import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// The reader pages: home and article.
struct PageController {
    let services: Services

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.Pattern.home, use: home)
        router.get(SiteRoute.Pattern.article, use: article)
    }

    @Sendable func home(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let articles = try await services.store.articles.latest(limit: 30, offset: 0)
        return Responses.html(HomePage(model: .init(articles: articles)).render())
    }

    @Sendable func article(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let component = context.parameters.get("slugAndID") ?? ""
        guard let id = Article.id(fromPathComponent: component) else { throw NewsroomError(.articleNotFound) }
        let query = request.uri.queryParameters
        let sort = query["sort"].flatMap { CommentSort(rawValue: String($0)) } ?? .newest
        // Only the plain page (in each sort order) is cached; pages with a cursor, an open reply form or a notice
        // are rendered each time.
        let cacheKey = query.allSatisfy({ $0.key == "sort" }) ? PageCache.Key(variant: "page:\(sort.rawValue)") : nil
        let now = services.now()
        // The plain page (in each sort order) carries validators, so browsers revalidate it for a 304.
        let validators = { (stamp: PageStamp) in Validators(stamp: stamp, article: id, variant: sort.rawValue, now: now) }
        if let cacheKey, let entry = services.pageCache.recent(cacheKey, article: id, now: now),
            component == "\(entry.stamp.slug)-\(id)"
        {
            return validators(entry.stamp).respond(to: request, with: Responses.html(entry.body))
        }
        let generation = services.pageCache.generation(article: id)
        guard let stamp = try await services.store.articles.pageStamp(id: id) else { throw NewsroomError(.articleNotFound) }
        guard component == "\(stamp.slug)-\(id)" else {
            // An old or mistyped slug: send readers and search engines to the current address.
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Responses.redirect(to: Article.path(slug: stamp.slug, id: id) + query, status: .movedPermanently)
        }
        if let cacheKey, let cached = services.pageCache.page(cacheKey, article: id, stamp: stamp, now: now) {
            return validators(stamp).respond(to: request, with: Responses.html(cached))
        }
        if cacheKey != nil, validators(stamp).notModified(request) {
            return validators(stamp).respond(to: request, with: Responses.html(ByteBuffer()))
        }
        let article = try await services.article(id)
        var notice: ArticlePage.Model.Notice?
        if let pending = query["cho-duyet"].flatMap({ Comment.ID(String($0)) }) { notice = .pending(pending) }
        var model = try await pageModel(
            article: article, sort: sort, cursor: query["cursor"].flatMap { Cursor(String($0)) },
            expandedThread: query["tra-loi-cua"].flatMap { Comment.ID(String($0)) },
            replyingTo: query["tra-loi"].flatMap { Comment.ID(String($0)) },
            form: .init(), notice: notice)
        model.reported = query["da-bao-cao"].flatMap { Comment.ID(String($0)) }
        // The page's live stream follows on from what the page shows, even when it is served from the cache later.
        model.latestEvent = stamp.latestEvent
        let body = ByteBuffer(bytes: ArticlePage(model: model).render().render())
        guard let cacheKey else { return Responses.html(body) }
        services.pageCache.store(body, for: cacheKey, article: id, stamp: stamp, generation: generation, now: now)
        return validators(stamp).respond(to: request, with: Responses.html(body))
    }

    /// Everything the article page shows; also used to re-render it with a form error.
    func pageModel(
        article: Article, sort: CommentSort, cursor: Cursor?, expandedThread: Comment.ID?, replyingTo: Comment.ID?,
        form: ArticlePage.Model.FormState, notice: ArticlePage.Model.Notice?
    ) async throws -> ArticlePage.Model {
        let comments = services.store.comments
        async let total = comments.publishedCount(article: article.id)
        var page = try await comments.threads(
            article: article.id, sort: sort, after: cursor, limit: CommentLimits.defaultPageSize,
            replies: CommentLimits.repliesPerThread)
        if let expandedThread, let index = page.items.firstIndex(where: { $0.comment.id == expandedThread }) {
            let all = try await comments.replies(to: expandedThread, after: nil, limit: CommentLimits.maxPageSize)
            page.items[index].replies = all.items
            page.items[index].nextRepliesCursor = all.nextCursor
        }
        return ArticlePage.Model(
            article: article, threads: page.items, total: try await total, sort: sort, nextCursor: page.nextCursor,
            expandedThread: expandedThread, replyingTo: replyingTo, form: form,
            formToken: services.tokens.issue(article: article.id, at: services.now()), notice: notice)
    }
}

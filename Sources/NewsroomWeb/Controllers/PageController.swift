import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// The reader pages: home and article.
struct PageController {
    let articles: any ArticleRepository
    let comments: any CommentRepository
    let highlights: any HighlightRepository
    /// Views, and the boxes beside articles.
    let readership: Readership
    let cache: PageCache
    let tokens: FormTokens
    let clients: ClientIdentities
    /// The site's public address, for the page's absolute links.
    let baseURL: String
    let now: @Sendable () -> Date

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.home.pattern, use: home)
        router.get(SiteRoute.pattern(SiteRoute.article)) { request, context in
            // A reader gets the signed client cookie with the page, so its first like already counts as its own. Only a
            // request without the cookie pays for it: one that sent a bad cookie gets a good one at its first like.
            var response = try await article(request, context: context)
            if request.cookies[ClientIdentity.cookieName] == nil { clients.identify(request, context).apply(to: &response) }
            // A reader saw the article, from the cache or not (a 304 is a page the browser kept).
            if response.status == .ok || response.status == .notModified, request.method == .get,
                let id = context.parameters.get("slugAndID").flatMap(Article.id(fromPathComponent:))
            {
                readership.count(article: id, headers: request.headers)
            }
            return response
        }
        for kind in Topic.Kind.allCases {
            router.get(SiteRoute.topic(kind, slug: "").pattern) { request, context in try await topic(kind, request, context) }
        }
    }

    /// `?trang=N`: the page of a listing, 1 when absent; nil for anything that is not a page number.
    static func pageNumber(_ request: Request) -> Int? {
        guard let text = request.query(.page) else { return 1 }
        guard let page = Int(text), page >= 1, page <= 10_000 else { return nil }
        return page
    }

    @Sendable func home(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        guard let page = Self.pageNumber(request) else { throw NewsroomError(.notFound) }
        let size = HomePage.pageSize
        async let featured = page == 1 ? articles.published(.featured, limit: 3, offset: 0) : []
        async let list = articles.published(.all, limit: size, offset: (page - 1) * size)
        async let total = articles.publishedCount(.all)
        async let sections = articles.topics(.category)
        let top = try await featured
        // The featured articles lead the first page; the list below does not repeat them.
        var model = HomePage.Model(
            featured: top, articles: try await list.filter { article in !top.contains { $0.id == article.id } }, page: page,
            total: try await total, sections: try await sections)
        model.boxes = await readership.boxes(now: now())
        if page > 1, model.articles.isEmpty { throw NewsroomError(.notFound) }
        let body = ByteBuffer(bytes: HomePage(model: model).render().render())
        return Validators.respond(to: request, with: Responses.html(body), body: body)
    }

    /// A category's, tag's or author's page.
    func topic(_ kind: Topic.Kind, _ request: Request, _ context: NewsroomRequestContext) async throws -> Response {
        guard let page = Self.pageNumber(request), let slug = context.parameters.get("slug"),
            let topic = try await articles.topic(kind, slug: slug)
        else { throw NewsroomError(.notFound) }
        let size = HomePage.pageSize
        async let list = articles.published(.topic(kind, slug: topic.slug), limit: size, offset: (page - 1) * size)
        async let total = articles.publishedCount(.topic(kind, slug: topic.slug))
        async let sections = articles.topics(.category)
        var model = TopicPage.Model(
            topic: topic, articles: try await list, page: page, total: try await total, sections: try await sections)
        model.boxes = try await readership.boxes(topic: topic, now: now())
        if page > 1, model.articles.isEmpty { throw NewsroomError(.notFound) }
        let body = ByteBuffer(bytes: TopicPage(model: model).render().render())
        return Validators.respond(to: request, with: Responses.html(body), body: body)
    }

    @Sendable func article(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let component = context.parameters.get("slugAndID") ?? ""
        guard let id = Article.id(fromPathComponent: component) else { throw NewsroomError(.articleNotFound) }
        let query = request.uri.queryParameters
        let sort = query[.sort].flatMap(CommentSort.init(rawValue:)) ?? .newest
        // Only the plain page (in each sort order) is cached; pages with a cursor, an open reply form or a notice
        // are rendered each time.
        let cacheKey = query.allSatisfy({ $0.key == QueryKey.sort.rawValue }) ? PageCache.Key(variant: "page:\(sort.rawValue)") : nil
        let now = self.now()
        // The plain page (in each sort order) carries validators, so browsers revalidate it for a 304; they change with
        // the boxes beside the article too.
        let variant = "\(sort.rawValue)-\(readership.version(refreshingIfDue: now))"
        let validators = { (stamp: PageStamp) in Validators(stamp: stamp, article: id, variant: variant, now: now) }
        let cached = cache.lookup(cacheKey, article: id, now: now) { component == "\($0.stamp.slug)-\(id)" }
        if let entry = cached.recent { return validators(entry.stamp).respond(to: request, with: Responses.html(entry.body)) }
        guard let stamp = try await articles.pageStamp(id: id) else { throw NewsroomError(.articleNotFound) }
        guard component == "\(stamp.slug)-\(id)" else {
            // An old or mistyped slug: send readers and search engines to the current address.
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Responses.redirect(to: Article.path(slug: stamp.slug, id: id) + query, status: .movedPermanently)
        }
        if let body = cached.current(stamp) { return validators(stamp).respond(to: request, with: Responses.html(body)) }
        if cacheKey != nil, validators(stamp).notModified(request) {
            return validators(stamp).respond(to: request, with: Responses.html(ByteBuffer()))
        }
        let article = try await articles.publishedArticle(id)
        var notice: ArticlePage.Model.Notice?
        if let pending = query[.pending].flatMap({ Comment.ID($0) }) { notice = .pending(pending) }
        var model = try await pageModel(
            article: article, sort: sort, cursor: query[.cursor].flatMap { Cursor($0) },
            expandedThread: query[.repliesOf].flatMap { Comment.ID($0) },
            replyingTo: query[.replyTo].flatMap { Comment.ID($0) },
            form: .init(), notice: notice)
        model.reported = query[.reported].flatMap { Comment.ID($0) }
        // The page's live stream follows on from what the page shows, even when it is served from the cache later.
        model.latestEvent = stamp.latestEvent
        let body = ByteBuffer(bytes: ArticlePage(model: model).render().render())
        guard cacheKey != nil else { return Responses.html(body) }
        cached.keep(body, stamp: stamp)
        return validators(stamp).respond(to: request, with: Responses.html(body))
    }

    /// Everything the article page shows; also used to re-render it with a form error.
    func pageModel(
        article: Article, sort: CommentSort, cursor: Cursor?, expandedThread: Comment.ID?, replyingTo: Comment.ID?,
        form: ArticlePage.Model.FormState, notice: ArticlePage.Model.Notice?
    ) async throws -> ArticlePage.Model {
        async let total = comments.publishedCount(article: article.id)
        // The featured comments lead the first page of every sort order.
        async let featured = cursor == nil ? comments.featured(article: article.id, replies: CommentLimits.repliesPerThread) : []
        async let related = article.isListed ? highlights.related(to: article.id, limit: Readership.boxSize) : []
        var page = try await comments.threads(
            article: article.id, sort: sort, after: cursor, limit: CommentLimits.defaultPageSize,
            replies: CommentLimits.repliesPerThread)
        if let expandedThread, let index = page.items.firstIndex(where: { $0.comment.id == expandedThread }) {
            let all = try await comments.replies(to: expandedThread, after: nil, limit: CommentLimits.maxPageSize)
            page.items[index].replies = all.items
            page.items[index].nextRepliesCursor = all.nextCursor
        }
        var model = ArticlePage.Model(
            article: article, threads: page.items, total: try await total, sort: sort, nextCursor: page.nextCursor,
            expandedThread: expandedThread, replyingTo: replyingTo, form: form,
            formToken: tokens.issue(article: article.id, at: now()), notice: notice)
        model.baseURL = baseURL
        model.sections = try await articles.topics(.category)
        model.featured = try await featured
        if let expandedThread, let index = model.featured.firstIndex(where: { $0.comment.id == expandedThread }) {
            let all = try await comments.replies(to: expandedThread, after: nil, limit: CommentLimits.maxPageSize)
            model.featured[index].replies = all.items
            model.featured[index].nextRepliesCursor = all.nextCursor
        }
        if article.isListed {
            model.related = try await related
            model.boxes = readership.current
        }
        return model
    }
}

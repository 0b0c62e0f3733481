import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// `/api/v1`: articles, comments, replies and likes, as DESIGN.md states them.
struct APIController {
    let articles: any ArticleRepository
    let comments: any CommentRepository
    let cache: PageCache
    let clients: ClientIdentities
    let actions: ReaderActions
    /// Checks the sign-ins of embedded sections' host sites; nil when no host site may sign readers in.
    let signIns: EmbedSignIn?
    let now: @Sendable () -> Date

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.pattern(SiteRoute.apiArticle), use: article)
        router.get(SiteRoute.pattern(SiteRoute.apiArticleComments), use: commentList)
        router.post(SiteRoute.pattern(SiteRoute.apiArticleComments), use: create)
        router.get(SiteRoute.pattern(SiteRoute.apiReplies), use: replies)
        router.post(SiteRoute.pattern(SiteRoute.apiLikes), use: like)
        router.post(SiteRoute.pattern(SiteRoute.apiReports), use: report)
    }

    @Sendable func article(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let article = try await articles.publishedArticle(try articleID(context))
        let count = try await comments.publishedCount(article: article.id)
        return try Responses.json(APIModels.ArticleJSON(article, commentCount: count))
    }

    @Sendable func commentList(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let articleID = try articleID(context)
        let query = request.uri.queryParameters
        var sort = CommentSort.newest
        if let raw = query["sort"] {
            guard let parsed = CommentSort(rawValue: String(raw)) else {
                throw NewsroomError(.invalidField, message: "Tham số sort phải là newest, oldest hoặc top.", field: "sort")
            }
            sort = parsed
        }
        let limit = try Self.limit(query["limit"].map(String.init))
        let cursor = try Self.cursor(query["cursor"].map(String.init))
        // The first page at the page's own size is cached like the article page, under the same article version;
        // other pages and sizes (a cursor is any number a client sends) are read each time, so made-up parameters
        // cannot fill the cache.
        let key =
            cursor == nil && limit == CommentLimits.defaultPageSize ? PageCache.Key(variant: "json:\(sort.rawValue):\(limit)") : nil
        let cached = cache.lookup(key, article: articleID, now: now())
        if let entry = cached.recent { return Responses.json(body: entry.body) }
        guard let stamp = try await articles.pageStamp(id: articleID) else { throw NewsroomError(.articleNotFound) }
        if let body = cached.current(stamp) { return Responses.json(body: body) }
        let path = Article.path(slug: stamp.slug, id: articleID)
        async let total = comments.publishedCount(article: articleID)
        // The featured comments lead the first page, in every sort order; the pages after it hold the others.
        async let featured = cursor == nil ? comments.featured(article: articleID, replies: CommentLimits.repliesPerThread) : []
        let page = try await comments.threads(
            article: articleID, sort: sort, after: cursor, limit: limit, replies: CommentLimits.repliesPerThread)
        let threads = try await featured.filter { $0.comment.parentID == nil } + page.items
        let body = ByteBuffer(
            bytes: try Responses.encoder.encode(
                APIModels.CommentPage(
                    comments: threads.map { APIModels.CommentJSON(comment: $0.comment, articlePath: path, thread: $0) },
                    total: try await total, nextCursor: page.nextCursor?.description)))
        cached.keep(body, stamp: stamp)
        return Responses.json(body: body)
    }

    @Sendable func replies(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        guard comment.parentID == nil else {
            throw NewsroomError(.invalidField, message: "Chỉ bình luận gốc mới có danh sách trả lời.", field: "id")
        }
        let article = try await articles.publishedArticle(comment.articleID)
        let query = request.uri.queryParameters
        let page = try await comments.replies(
            to: comment.id, after: try Self.cursor(query["cursor"].map(String.init)),
            limit: try Self.limit(query["limit"].map(String.init)))
        return try Responses.json(
            APIModels.ReplyPage(
                replies: page.items.map { APIModels.CommentJSON(comment: $0, articlePath: article.path) },
                nextCursor: page.nextCursor?.description))
    }

    @Sendable func create(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let articleID = try articleID(context)
        let input = try await RequestBody.json(APIModels.CreateComment.self, of: request)
        // Only the article's address is needed here (the service checks that it takes comments): the stamp reads it
        // without decoding the article's text.
        guard let stamp = try await articles.pageStamp(id: articleID) else { throw NewsroomError(.articleNotFound) }
        let articlePath = Article.path(slug: stamp.slug, id: articleID)
        var submission = CommentSubmission(
            author: input.author ?? "", email: input.email ?? "", body: input.body ?? "", parentID: input.parentId,
            website: input.website ?? "")
        if let token = input.signIn, !token.isEmpty {
            // The host site vouches for the name (and e-mail): what was typed gives way to it.
            guard let signIns else { throw NewsroomError(.unauthenticated, message: Strings.embedSignInInvalid) }
            let reader = try await signIns.reader(token)
            submission.author = reader.name
            submission.email = reader.email ?? ""
            submission.verified = true
        }
        let comment = try await actions.post(
            submission, to: articleID, formToken: input.formToken, tokenRequired: false, client: clients.identify(request, context))
        /// `notice` is the sentence to show the reader: published, or waiting for a moderator.
        struct Created: Encodable {
            var comment: APIModels.CommentJSON
            var notice: String
        }
        return try Responses.json(
            Created(
                comment: .init(comment: comment, articlePath: articlePath, includeStatus: true),
                notice: comment.status == .published ? Strings.publishedNotice : Strings.pendingNotice),
            status: .created)
    }

    @Sendable func like(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        // A like carries nothing: no body is fine (DESIGN.md); a body must be JSON, and is read (64 KiB at most, or
        // 413) so that it cannot be a free upload. Another site's page cannot send either: the Origin guard stops it.
        var request = request
        if try await !RequestBody.text(of: &request).isEmpty { try RequestBody.requireJSON(request) }
        let client = clients.identify(request, context)
        let likes = try await actions.like(comment, client: client)
        struct Likes: Encodable { var likes: Int }
        var response = try Responses.json(Likes(likes: likes))
        client.apply(to: &response)
        return response
    }

    /// `{"reason": "spam" | "xuc-pham" | "sai-su-that" | "khac"}` → `{"reports": N}`; once per client.
    @Sendable func report(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        struct Input: Decodable { var reason: String? }
        let input = try await RequestBody.json(Input.self, of: request)
        guard let reason = ReportReason(rawValue: input.reason ?? "khac") else {
            throw NewsroomError(.invalidField, message: "Lý do báo cáo phải là spam, xuc-pham, sai-su-that hoặc khac.", field: "reason")
        }
        let client = clients.identify(request, context)
        let reports = try await actions.report(comment, reason: reason, client: client)
        struct Reports: Encodable {
            var reports: Int
            var notice: String
        }
        var response = try Responses.json(Reports(reports: reports, notice: Strings.reportThanks))
        client.apply(to: &response)
        return response
    }

    private func articleID(_ context: NewsroomRequestContext) throws -> Article.ID {
        guard let id = context.parameters.get("id").flatMap({ Article.ID($0) }), id > 0 else {
            throw NewsroomError(.articleNotFound)
        }
        return id
    }

    static func limit(_ raw: String?) throws -> Int {
        guard let raw else { return CommentLimits.defaultPageSize }
        guard let limit = Int(raw), limit >= 1 else {
            throw NewsroomError(.invalidField, message: "Tham số limit phải là số nguyên từ 1 đến 100.", field: "limit")
        }
        return min(limit, CommentLimits.maxPageSize)
    }

    static func cursor(_ raw: String?) throws -> Cursor? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let cursor = Cursor(raw) else {
            throw NewsroomError(.invalidField, message: "Tham số cursor không hợp lệ.", field: "cursor")
        }
        return cursor
    }
}

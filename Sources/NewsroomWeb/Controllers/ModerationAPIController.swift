import Foundation
import Hummingbird
import NewsroomCore

/// `/api/v1/moderation/…`: the desk's actions for scripts and the desk's own keyboard shortcuts. Staff only; a
/// state-changing call needs the session's CSRF token in `X-CSRF-Token`.
struct ModerationAPIController {
    let moderation: any ModerationRepository
    let comments: any CommentRepository
    let standing: any ReaderStandingRepository
    let articles: any ArticleRepository
    let now: @Sendable () -> Date

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(SiteRoute.apiModerationComments.pattern, use: list)
        group.get(SiteRoute.apiModerationCounts.pattern, use: counts)
        group.get(SiteRoute.apiModerationLog.pattern, use: log)
        group.post(SiteRoute.apiModerationBulk.pattern, use: bulk)
        group.post(SiteRoute.pattern(SiteRoute.apiModerationBan), use: ban)
        group.post(SiteRoute.pattern(SiteRoute.apiModerationAction), use: act)
        group.patch(SiteRoute.pattern(SiteRoute.apiModerationComment), use: edit)
    }

    struct ModeratedJSON: Encodable {
        var comment: APIModels.CommentJSON
        var email: String?
        var status: String
        var reports: Int
        var articleTitle: String
        var reason: String
        var answers: APIModels.CommentJSON?
        /// For a comment under a page of another site: that page's URL and its site.
        var embed: EmbeddedThread?

        init(_ item: ModeratedComment) {
            embed = item.thread
            comment = APIModels.CommentJSON(comment: item.comment, articlePath: item.articlePath)
            email = item.comment.email
            status = item.comment.status.rawValue
            reports = item.comment.reports
            articleTitle = item.articleTitle
            reason = item.reason
            answers = item.answers.map { APIModels.CommentJSON(comment: $0, articlePath: item.articlePath) }
        }
    }

    /// An optional id filter: absent or empty is none; anything but a positive integer is 400 naming the parameter.
    static func id(_ raw: Substring?, field: String) throws -> Int64? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = Int64(raw), id > 0 else {
            throw NewsroomError(.invalidField, message: "Tham số \(field) phải là một mã số.", field: field)
        }
        return id
    }

    @Sendable func list(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        let query = request.uri.queryParameters
        var queue = ModerationQueue.pending
        if let raw = query["queue"] {
            guard let parsed = ModerationQueue(slug: String(raw)) else {
                throw NewsroomError(
                    .invalidField, message: "Tham số queue phải là pending, reported, published hoặc rejected.", field: "queue")
            }
            queue = parsed
        }
        let page = try await moderation.queue(
            queue, article: try Self.id(query["article"], field: "article"),
            after: try APIController.cursor(query["cursor"].map(String.init)),
            limit: try APIController.limit(query["limit"].map(String.init)))
        struct Body: Encodable {
            var comments: [ModeratedJSON]
            var nextCursor: String?
        }
        return try Responses.json(Body(comments: page.items.map(ModeratedJSON.init), nextCursor: page.nextCursor?.description))
    }

    @Sendable func counts(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        let counts = try await moderation.counts(
            article: try Self.id(request.uri.queryParameters["article"], field: "article"))
        return try Responses.json(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
    }

    @Sendable func log(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        let query = request.uri.queryParameters
        let entries = try await moderation.log(
            comment: try Self.id(query["comment"], field: "comment"), limit: try APIController.limit(query["limit"].map(String.init)))
        struct Entry: Encodable {
            var id: Int64
            var staff: String
            var commentId: Comment.ID
            var action: String
            var before: String?
            var after: String?
            var createdAt: String
        }
        struct Body: Encodable { var entries: [Entry] }
        return try Responses.json(
            Body(
                entries: entries.map {
                    Entry(
                        id: $0.id, staff: $0.staffEmail, commentId: $0.commentID, action: $0.action.rawValue, before: $0.before,
                        after: $0.after, createdAt: VietnameseFormat.iso8601($0.createdAt))
                }))
    }

    @Sendable func act(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }) else { throw NewsroomError(.commentNotFound) }
        guard let action = context.parameters.get("action").flatMap(ModerationAction.init(rawValue:)), action != .edit else {
            throw NewsroomError(.notFound)
        }
        guard try await !moderation.apply(action, to: [id], by: staff, at: now()).isEmpty else {
            if action == .feature || action == .unfeature, try await comments.comment(id: id) != nil {
                throw NewsroomError(.invalidField, message: Strings.featureNeedsPublished, field: "id")
            }
            throw NewsroomError(.commentNotFound)
        }
        return try await commentResponse(id)
    }

    /// Bans the e-mail and the client behind a comment (their later comments are refused) and rejects it.
    @Sendable func ban(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }),
            try await standing.ban(comment: id, by: staff, at: now())
        else { throw NewsroomError(.commentNotFound) }
        return try await commentResponse(id)
    }

    @Sendable func bulk(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        struct Input: Decodable {
            var action: String?
            var ids: [Comment.ID]?
        }
        let input = try await RequestBody.json(Input.self, of: request)
        guard let action = input.action.flatMap(ModerationAction.init(rawValue:)), action != .edit else {
            throw NewsroomError(.invalidField, message: "Thao tác phải là approve, reject, spam, feature hoặc unfeature.", field: "action")
        }
        let changed = try await moderation.apply(action, to: input.ids ?? [], by: staff, at: now())
        struct Body: Encodable { var changed: [Comment.ID] }
        return try Responses.json(Body(changed: changed))
    }

    @Sendable func edit(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }) else { throw NewsroomError(.commentNotFound) }
        struct Input: Decodable {
            var body: String?
            var approve: Bool?
        }
        let input = try await RequestBody.json(Input.self, of: request)
        let body = try ModerationEdit.validatedBody(input.body ?? "")
        guard try await moderation.edit(id, body: body, by: staff, at: now()) else {
            throw NewsroomError(.commentNotFound)
        }
        if input.approve == true { _ = try await moderation.apply(.approve, to: [id], by: staff, at: now()) }
        return try await commentResponse(id)
    }

    private func commentResponse(_ id: Comment.ID) async throws -> Response {
        guard let comment = try await comments.comment(id: id) else { throw NewsroomError(.commentNotFound) }
        let article = try await articles.publishedArticle(comment.articleID)
        struct Body: Encodable { var comment: APIModels.CommentJSON }
        return try Responses.json(Body(comment: .init(comment: comment, articlePath: article.path, includeStatus: true)))
    }
}

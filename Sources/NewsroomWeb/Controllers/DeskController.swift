import Foundation
import Hummingbird
import NewsroomCore

/// The moderation desk's pages: the queues, actions one by one and in bulk, corrections, and the log.
struct DeskController {
    let moderation: any ModerationRepository
    let articles: any ArticleRepository
    let standing: any ReaderStandingRepository
    let wordRules: any WordRuleRepository
    let site: any SiteRepository
    /// The word rules comments are checked against, read again after the lists change.
    let rules: RulesProvider
    let now: @Sendable () -> Date

    func register(on staff: RouterGroup<NewsroomRequestContext>) {
        staff.get(SiteRoute.desk.pattern, use: desk)
        staff.post(SiteRoute.act.pattern, use: act)
        staff.post(SiteRoute.pattern(SiteRoute.edit), use: edit)
        staff.get(SiteRoute.log.pattern, use: log)
        staff.get(SiteRoute.words.pattern, use: words)
        staff.post(SiteRoute.words.pattern, use: editWords)
    }

    @Sendable func desk(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let queue = request.query(.queue).flatMap { ModerationQueue(slug: $0) } ?? .pending
        let articleID = request.query(.article).flatMap { Article.ID($0) }
        let article = try await articleID.asyncMap { try await articles.article(id: $0) } ?? nil
        let search = try RequestBody.query(of: request)[.deskSearch].map(VietnameseText.cleanedLine) ?? ""
        var page: Page<ModeratedComment>
        if search.isEmpty {
            page = try await moderation.queue(
                queue, article: article?.id, after: request.query(.after).flatMap { Cursor($0) }, limit: 50)
        } else {
            // A search looks through every comment, whatever its status.
            page = Page(items: try await moderation.search(SearchQuery(search), limit: 50), nextCursor: nil)
        }
        let counts = try await moderation.counts(article: nil)
        let model = DeskPage.Model(
            staff: staff, csrf: context.csrfToken ?? "", queue: queue, counts: counts, items: page.items,
            article: article.map { ($0.id, $0.title) }, nextCursor: page.nextCursor,
            notice: Self.notice(done: request.query(.done), count: request.query(.count)), search: search.isEmpty ? nil : search,
            backups: staff.role == .admin ? try await site.lastBackups() : nil)
        var response = Responses.html(DeskPage(model: model).render())
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func act(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let pairs = try await RequestBody.formPairs(of: request)
        let fields = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        var action: ModerationAction?
        var ids: [Comment.ID] = []
        if let one = fields["one"], one.hasPrefix("ban:"), let id = Comment.ID(one.dropFirst(4)) {
            // Ban the e-mail and the client behind a comment; the comment is rejected with them.
            guard try await standing.ban(comment: id, by: staff, at: now()) else {
                throw NewsroomError(.commentNotFound)
            }
            return Responses.redirect(to: Self.back(fields["back"], action: .reject, count: 1), status: .seeOther)
        }
        if let one = fields["one"] {
            // One comment's own button: "approve:12".
            let parts = one.split(separator: ":")
            if parts.count == 2 { action = ModerationAction(rawValue: String(parts[0])); ids = Comment.ID(parts[1]).map { [$0] } ?? [] }
        } else {
            action = fields["action"].flatMap(ModerationAction.init(rawValue:))
            ids = pairs.filter { $0.0 == "ids" }.compactMap { Comment.ID($0.1) }
        }
        guard let action, action != .edit else {
            throw NewsroomError(.invalidField, message: "Thao tác không hợp lệ.", field: "action")
        }
        let changed = try await moderation.apply(action, to: ids, by: staff, at: now())
        return Responses.redirect(to: Self.back(fields["back"], action: action, count: changed.count), status: .seeOther)
    }

    @Sendable func edit(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }) else { throw NewsroomError(.commentNotFound) }
        let fields = try await RequestBody.form(of: request)
        let body = try ModerationEdit.validatedBody(fields["body"] ?? "")
        guard try await moderation.edit(id, body: body, by: staff, at: now()) else {
            throw NewsroomError(.commentNotFound)
        }
        var action = ModerationAction.edit
        if fields["approve"] == "1" {
            _ = try await moderation.apply(.approve, to: [id], by: staff, at: now())
            action = .approve
        }
        return Responses.redirect(to: Self.back(fields["back"], action: action, count: 1), status: .seeOther)
    }

    @Sendable func log(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let entries = try await moderation.log(comment: nil, limit: 200)
        let counts = try await moderation.counts(article: nil)
        let model = ModerationLogPage.Model(staff: staff, csrf: context.csrfToken ?? "", counts: counts, entries: entries)
        var response = Responses.html(ModerationLogPage(model: model).render())
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func words(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        var notice: String?
        if let phrase = request.query(.added) { notice = "Đã thêm «\(phrase)»." }
        if let phrase = request.query(.removed) { notice = "Đã bỏ «\(phrase)»." }
        var response = Responses.html(
            WordsPage(
                model: .init(
                    staff: staff, csrf: context.csrfToken ?? "", counts: try await moderation.counts(article: nil),
                    rules: try await wordRules.all(), notice: notice)
            ).render())
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func editWords(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        let fields = try await RequestBody.form(of: request)
        let phrase = WordRule(fields["phrase"] ?? "", .banned).phrase
        guard !phrase.isEmpty else { throw NewsroomError(.invalidField, message: "Xin nhập một từ hoặc cụm từ.", field: "phrase") }
        if fields["action"] == "remove" {
            _ = try await wordRules.remove([phrase])
            rules.invalidate()
            return Responses.redirect(to: SiteRoute.words.path((.removed, phrase)), status: .seeOther)
        }
        let kind = fields["kind"].flatMap(WordKind.init(rawValue:)) ?? .banned
        try await wordRules.add([WordRule(phrase, kind)])
        rules.invalidate()
        return Responses.redirect(to: SiteRoute.words.path((.added, phrase)), status: .seeOther)
    }

    /// Where to go after an action: the page it came from (a desk page only), saying what was done.
    static func back(_ back: String?, action: ModerationAction, count: Int) -> String {
        let base =
            back.flatMap { $0.hasPrefix(SiteRoute.desk.path) && !$0.hasPrefix("//") ? $0 : nil }
            ?? SiteRoute.deskQueue(.pending, article: nil)
        return base + (base.contains("?") ? "&" : "?") + Query([(.done, action.rawValue), (.count, String(count))]).string.dropFirst()
    }

    /// "Đã duyệt 3 bình luận." from the `da` (action) and `so` (count) a redirect after an action carries.
    static func notice(done: String?, count: String?) -> String? {
        guard let action = done.flatMap(ModerationAction.init(rawValue:)), let count = count.flatMap({ Int($0) })
        else { return nil }
        switch action {
        case .approve: return "Đã duyệt \(count) bình luận."
        case .reject: return "Đã từ chối \(count) bình luận."
        case .spam: return "Đã đánh dấu \(count) bình luận là spam."
        case .edit: return "Đã lưu nội dung đã sửa."
        case .feature: return "Đã chọn \(count) bình luận nổi bật."
        case .unfeature: return "Đã bỏ nổi bật \(count) bình luận."
        }
    }
}

/// The rule for a moderator's correction: the same limits as a reader's comment.
enum ModerationEdit {
    static func validatedBody(_ text: String) throws -> String {
        let body = VietnameseText.cleanedMultiline(text)
        guard !body.isEmpty else { throw NewsroomError(.commentEmpty, field: "body") }
        guard body.count <= CommentLimits.bodyMaxLength else {
            throw NewsroomError(.commentTooLong, message: Strings.tooLong(body.count, limit: CommentLimits.bodyMaxLength), field: "body")
        }
        return body
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

import Foundation
import Hummingbird
import NewsroomCore

/// The editors' desk: the list of articles with filters, the article form (Markdown with a preview, topics, cover,
/// status and scheduling, comments), and revisions with restore.
struct ArticleDeskController {
    let articles: any ArticleRepository
    let highlights: any HighlightRepository
    let media: MediaStore
    /// The site's moderation mode, which an article may override.
    let siteModeration: ModerationMode
    let now: @Sendable () -> Date
    static let pageSize = 30

    func register(on editors: RouterGroup<NewsroomRequestContext>) {
        editors.get(SiteRoute.articles.pattern, use: list)
        editors.get(SiteRoute.newArticle.pattern, use: newForm)
        editors.post(SiteRoute.newArticle.pattern, use: create)
        editors.get(SiteRoute.pattern(SiteRoute.editArticle), use: editForm)
        editors.post(SiteRoute.pattern(SiteRoute.editArticle), use: update)
        editors.get(SiteRoute.pattern(SiteRoute.revision), use: showRevision)
        editors.post(SiteRoute.pattern(SiteRoute.revision), use: restore)
        editors.post(SiteRoute.uploadPhoto.pattern, use: uploadPhoto)
    }

    /// Stores a photo for an article's body (with its narrower copies) and answers 201 with its Markdown line, which
    /// the form's script puts at the cursor: `{"path", "markdown", "width", "height", "srcset"}`.
    @Sendable func uploadPhoto(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.requireStaff()
        var request = request
        let upload: PhotoUpload
        do {
            upload = try await PhotoUpload(try await MultipartForm.read(&request), media: media)
        } catch let error as NewsroomError {
            // The script reads the error: JSON here, though the route is not under the API.
            return Responses.jsonError(error)
        }
        struct Body: Encodable {
            var path: String
            var markdown: String
            var width: Int
            var height: Int
            var srcset: String?
        }
        return try Responses.json(
            Body(
                path: upload.photo.path, markdown: upload.markdown, width: upload.photo.width, height: upload.photo.height,
                srcset: upload.photo.sourceSet),
            status: .created)
    }

    @Sendable func list(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let filter = DeskArticleFilter(
            status: request.query(.status).flatMap { ArticleStatus(rawValue: $0) },
            category: request.query(.category).flatMap { $0.isEmpty ? nil : $0 },
            author: request.query(.author).flatMap { $0.isEmpty ? nil : $0 })
        // Bounded like every page number a request can carry: `(page - 1) * size` must not overflow.
        let page = min(max(1, request.query(.page).flatMap { Int($0) } ?? 1), 100_000)
        let store = articles
        let found = try await store.desk(filter, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let model = ArticleListPage.Model(
            staff: staff, csrf: context.csrfToken ?? "", filter: filter, page: page, pageSize: Self.pageSize,
            articles: found.articles, total: found.total, categories: try await store.topics(.category),
            authors: try await store.topics(.author), notice: request.query(.saved) != nil ? "Đã lưu bài viết." : nil)
        return Self.noStore(Responses.html(ArticleListPage(model: model).render()))
    }

    @Sendable func newForm(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        return Self.noStore(try await formPage(staff: staff, context: context, article: nil, form: ArticleForm()))
    }

    @Sendable func editForm(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await article(context)
        var notice: String?
        if request.query(.saved) != nil { notice = "Đã lưu bài viết." }
        if let restored = request.query(.restored) { notice = "Đã khôi phục phiên bản #\(restored)." }
        var form = ArticleForm(article)
        form.related = try await highlights.pinnedRelated(to: article.id).map(\.path).joined(separator: "\n")
        return Self.noStore(try await formPage(staff: staff, context: context, article: article, form: form, notice: notice))
    }

    @Sendable func create(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await submit(request, context: context, article: nil)
    }

    @Sendable func update(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await submit(request, context: context, article: try await article(context))
    }

    /// Saves the form, or shows its preview (`action=preview`); a form with an error comes back with 422, the
    /// message next to its field and everything typed kept (an uploaded cover included).
    func submit(_ request: Request, context: NewsroomRequestContext, article: Article?) async throws -> Response {
        let staff = try context.requireStaff()
        var request = request
        let posted = try await MultipartForm.read(&request)
        var form = try ArticleForm(posted)
        func again(_ error: NewsroomError?, preview: Bool = false) async throws -> Response {
            Self.noStore(
                try await formPage(
                    staff: staff, context: context, article: article, form: form, error: error, preview: preview,
                    status: error == nil ? .ok : HTTPResponse.Status(code: error!.status)))
        }
        do {
            if let cover = posted.file("cover") { form.coverImage = try media.store(cover.body) }
            if try posted.text("action") == "upload_photo" {
                // Without the script: the photo is stored and its line shown to copy; nothing is saved.
                form.uploadedPhoto = try await PhotoUpload(posted, media: media).markdown
                return try await again(nil)
            }
        } catch let error as NewsroomError {
            return try await again(error)
        }
        // Neither saved nor previewed: rendering a huge body is the cost the cap is there to avoid.
        if let tooLong = form.bodyTooLong { return try await again(tooLong) }
        if try posted.text("action") == "preview" { return try await again(nil, preview: true) }
        do {
            var draft = try form.draft(now: now(), media: media)
            draft.relatedPinned = form.relatedPinned
            let saved = try await articles.edit(article?.id, draft, by: staff.email, now: now())
            context.logger.info(
                "Lưu bài viết", metadata: ["bai": .stringConvertible(saved.id), "trang-thai": .string(saved.status.rawValue)])
            return Responses.redirect(to: SiteRoute.editArticle(saved.id).path((.saved, "1")), status: .seeOther)
        } catch let error as NewsroomError where [.articleInvalid, .slugTaken].contains(error.code) {
            return try await again(error)
        }
    }

    @Sendable func showRevision(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await article(context)
        let revision = try await revision(context, of: article)
        return Self.noStore(
            Responses.html(
                ArticleRevisionPage(
                    model: .init(staff: staff, csrf: context.csrfToken ?? "", article: article, revision: revision)
                ).render()))
    }

    /// Restores a revision's text, slug, topics and cover; the article keeps its status and publication time, so an
    /// old revision never takes down or re-publishes an article by itself.
    @Sendable func restore(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await article(context)
        let revision = try await revision(context, of: article)
        var draft = revision.draft
        draft.status = article.status
        draft.publishedAt = article.publishedAt
        draft.featured = article.featured
        do {
            _ = try await articles.edit(article.id, draft, by: staff.email, now: now())
        } catch let error as NewsroomError where error.code == .slugTaken {
            draft.slug = article.slug
            _ = try await articles.edit(article.id, draft, by: staff.email, now: now())
        }
        return Responses.redirect(to: SiteRoute.editArticle(article.id).path((.restored, "\(revision.id)")), status: .seeOther)
    }

    func formPage(
        staff: StaffMember, context: NewsroomRequestContext, article: Article?, form: ArticleForm, error: NewsroomError? = nil,
        preview: Bool = false, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let store = articles
        let model = ArticleFormPage.Model(
            staff: staff, csrf: context.csrfToken ?? "", article: article, form: form, error: error,
            preview: preview ? (try? form.draft(now: .distantPast, media: media)) ?? previewDraft(form) : nil, notice: notice,
            revisions: try await article.asyncMap { try await store.revisions(article: $0.id, limit: 50) } ?? [],
            categories: try await store.topics(.category), tags: try await store.topics(.tag),
            authors: try await store.topics(.author), siteModeration: siteModeration,
            related: try await article.asyncMap { try await highlights.related(to: $0.id, limit: 5) } ?? [])
        return Responses.html(ArticleFormPage(model: model).render(), status: status)
    }

    /// What a preview shows of a form that cannot be saved yet.
    func previewDraft(_ form: ArticleForm) -> ArticleDraft {
        ArticleDraft(
            title: form.title.isEmpty ? "(Chưa có tiêu đề)" : form.title, sapo: form.sapo,
            body: ArticleMarkdown.body(form.markdown, media: media),
            coverImage: form.coverImage, markdown: form.markdown)
    }

    func article(_ context: NewsroomRequestContext) async throws -> Article {
        guard let id = context.parameters.get("id").flatMap({ Article.ID($0) }),
            let article = try await articles.article(id: id)
        else { throw NewsroomError(.articleNotFound) }
        return article
    }

    func revision(_ context: NewsroomRequestContext, of article: Article) async throws -> ArticleRevision {
        guard let id = context.parameters.get("revision").flatMap({ ArticleRevision.ID($0) }),
            let revision = try await articles.revision(id: id), revision.articleID == article.id
        else { throw NewsroomError(.notFound) }
        return revision
    }

    static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

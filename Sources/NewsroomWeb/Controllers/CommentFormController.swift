import Foundation
import Hummingbird
import NewsroomCore

/// The comment and like forms, for readers without JavaScript: each answers 303 to where the reader should look
/// next, or re-renders the article with the message and the reader's text kept.
struct CommentFormController {
    let pages: PageController
    let actions: ReaderActions
    let clients: ClientIdentities

    func register(on router: Router<NewsroomRequestContext>) {
        router.post(SiteRoute.postComment.pattern, use: post)
        router.post(SiteRoute.pattern(SiteRoute.likeComment), use: like)
        router.get(SiteRoute.pattern(SiteRoute.reportComment), use: reportForm)
        router.post(SiteRoute.pattern(SiteRoute.reportComment), use: report)
    }

    @Sendable func post(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let fields = try await RequestBody.form(of: request)
        guard let articleID = fields["articleId"].flatMap({ Article.ID($0) }) else { throw NewsroomError(.articleNotFound) }
        let article = try await pages.articles.publishedArticle(articleID)
        let parentID = fields["parentId"].flatMap { Comment.ID($0) }
        let submission = CommentSubmission(
            author: fields["author"] ?? "", email: fields["email"] ?? "", body: fields["body"] ?? "", parentID: parentID,
            website: fields["website"] ?? "")
        let client = clients.identify(request, context)
        do {
            let comment = try await actions.post(
                submission, to: article.id, formToken: fields["formToken"], tokenRequired: true, client: client)
            let location =
                comment.status == .published
                ? comment.permalink(articlePath: article.path)
                : article.path + Query([(.pending, "\(comment.id)")]).string + "#\(comment.anchor)"
            var response = Responses.redirect(to: location, status: .seeOther)
            client.apply(to: &response)
            return response
        } catch let error as NewsroomError where error.code != .articleNotFound {
            let form = ArticlePage.Model.FormState(
                author: submission.author, email: submission.email, body: submission.body, parentID: parentID, error: error)
            let model = try await pages.pageModel(
                article: article, sort: .newest, cursor: nil, expandedThread: nil, replyingTo: parentID, form: form,
                notice: nil)
            var response = Responses.html(ArticlePage(model: model).render(), status: .init(code: error.status))
            if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    @Sendable func reportForm(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        let article = try await pages.articles.publishedArticle(comment.articleID)
        var response = Responses.html(ReportPage(model: .init(comment: comment, article: article)).render())
        response.headers[.init("X-Robots-Tag")!] = "noindex"
        return response
    }

    @Sendable func report(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        let fields = try await RequestBody.form(of: request)
        let article = try await pages.articles.publishedArticle(comment.articleID)
        let client = clients.identify(request, context)
        _ = try await actions.report(comment, reason: fields["reason"].flatMap(ReportReason.init(rawValue:)) ?? .other, client: client)
        var response = Responses.redirect(
            to: article.path + Query([(.reported, "\(comment.id)")]).string + "#\(comment.anchor)", status: .seeOther)
        client.apply(to: &response)
        return response
    }

    @Sendable func like(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let comment = try await actions.publishedComment(context)
        let article = try await pages.articles.publishedArticle(comment.articleID)
        let client = clients.identify(request, context)
        _ = try await actions.like(comment, client: client)
        var response = Responses.redirect(to: comment.permalink(articlePath: article.path), status: .seeOther)
        client.apply(to: &response)
        return response
    }
}

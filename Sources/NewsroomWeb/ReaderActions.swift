import Foundation
import Hummingbird
import NewsroomCore

/// What a reader does to the comments, the same whether it comes from a page's form (`CommentFormController`) or
/// from the JSON API (`APIController`): post a comment, like one, report one. Each action counts for `/metrics` and
/// drops the article's cached pages when what they show changes.
struct ReaderActions: Sendable {
    let services: Services

    /// A reader's comment through the rules (`CommentService.post`). `formToken` is the token of the page the
    /// comment was written on: a form must send a valid one, the API may send none; a comment sent faster than a
    /// person writes waits for a moderator.
    func post(
        _ submission: CommentSubmission, to article: Article.ID, formToken: String?, tokenRequired: Bool, client: ClientIdentity
    ) async throws -> Comment {
        if tokenRequired || !(formToken ?? "").isEmpty {
            guard services.tokens.isValid(formToken ?? "", article: article, at: services.now()) else {
                throw NewsroomError(.csrfInvalid)
            }
        }
        return try await services.post(
            submission, to: article, client: client.fingerprint, heldBecause: services.tooFast(formToken, article: article))
    }

    /// The published comment a route's `{id}` names, or 404 `comment_not_found`.
    func publishedComment(_ context: NewsroomRequestContext) async throws -> Comment {
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }),
            let comment = try await services.store.comments.comment(id: id), comment.status == .published
        else { throw NewsroomError(.commentNotFound) }
        return comment
    }

    /// A like of a published comment: once per browser, at most `likesPerAddress` a day from one address. Its count
    /// after the like; 404 when the comment went in the meantime.
    func like(_ comment: Comment, client: ClientIdentity) async throws -> Int {
        guard let likes = try await services.like(comment, client: client) else { throw NewsroomError(.commentNotFound) }
        return likes
    }

    /// A report of a published comment: once per browser; reports from `reportThreshold` distinct addresses send it
    /// back to the queue. Its reports since its last approval; 404 when the comment went in the meantime.
    func report(_ comment: Comment, reason: ReportReason, client: ClientIdentity) async throws -> Int {
        guard let reports = try await services.report(comment, reason: reason, client: client) else {
            throw NewsroomError(.commentNotFound)
        }
        return reports
    }
}

import Foundation
import Hummingbird
import NewsroomCore

/// What a reader does to the comments, the same whether it comes from a page's form (`CommentFormController`) or
/// from the JSON API (`APIController`): post a comment, like one, report one. Each action counts for `/metrics` and
/// drops the article's cached pages when what they show changes.
struct ReaderActions: Sendable {
    let service: CommentService
    let comments: any CommentRepository
    let standing: any ReaderStandingRepository
    let tokens: FormTokens
    let pageCache: PageCache
    /// A comment sent sooner after its page was served waits for a moderator.
    let minimumFormSeconds: TimeInterval
    /// Likes (and reports) one address may give a day.
    let likesPerAddress: Int
    /// Reports from this many addresses send a comment back to the queue.
    let reportThreshold: Int
    let now: @Sendable () -> Date

    /// A reader's comment through the rules (`CommentService.post`). `formToken` is the token of the page the
    /// comment was written on: a form must send a valid one, the API may send none; a comment sent faster than a
    /// person writes waits for a moderator. Counted by what became of it; the cached page goes when it is published.
    func post(
        _ submission: CommentSubmission, to article: Article.ID, formToken: String?, tokenRequired: Bool, client: ClientIdentity
    ) async throws -> Comment {
        if tokenRequired || !(formToken ?? "").isEmpty {
            guard tokens.isValid(formToken ?? "", article: article, at: now()) else { throw NewsroomError(.csrfInvalid) }
        }
        do {
            let comment = try await service.post(
                submission, to: article, client: client.fingerprint, heldBecause: tooFast(formToken, article: article))
            Telemetry.comment(comment.status == .published ? .published : .held)
            if comment.status == .published { pageCache.invalidate(article: article) }
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

    /// Why a comment sent with this form token should wait for a moderator: sent faster than a person writes.
    private func tooFast(_ token: String?, article: Article.ID) -> String? {
        guard let token, let age = tokens.age(token, article: article, at: now()), age < minimumFormSeconds else { return nil }
        return Strings.sentTooFast
    }

    /// The published comment a route's `{id}` names, or 404 `comment_not_found`.
    func publishedComment(_ context: NewsroomRequestContext) async throws -> Comment {
        guard let id = context.parameters.get("id").flatMap({ Comment.ID($0) }),
            let comment = try await comments.comment(id: id), comment.status == .published
        else { throw NewsroomError(.commentNotFound) }
        return comment
    }

    /// A like of a published comment: once per browser, at most `likesPerAddress` a day from one address. Its count
    /// after the like; 404 when the comment went in the meantime.
    func like(_ comment: Comment, client: ClientIdentity) async throws -> Int {
        let likes = try await comments.like(
            comment: comment.id, client: client.likeKey, address: client.addressKey, perAddress: likesPerAddress, at: now())
        pageCache.invalidate(article: comment.articleID)
        guard let likes else { throw NewsroomError(.commentNotFound) }
        return likes
    }

    /// A report of a published comment: once per browser; reports from `reportThreshold` distinct addresses send it
    /// back to the queue. Its reports since its last approval; 404 when the comment went in the meantime.
    func report(_ comment: Comment, reason: ReportReason, client: ClientIdentity) async throws -> Int {
        let reports = try await standing.report(
            comment: comment.id, client: client.likeKey, address: client.addressKey, perAddress: likesPerAddress, reason: reason,
            threshold: reportThreshold, at: now())
        pageCache.invalidate(article: comment.articleID)
        guard let reports else { throw NewsroomError(.commentNotFound) }
        return reports
    }
}

import Hummingbird
import NewsroomCore

/// Every URL of the site, used both to register a route and to print a link, so a link cannot point at a route
/// that does not exist.
public enum SiteRoute: Sendable, Equatable {
    case home
    case article(slug: String, id: Article.ID)
    case postComment
    case likeComment(Comment.ID)
    case stylesheet
    case script
    case adminScript
    case healthz
    case readyz
    case metrics
    case apiArticle(Article.ID)
    case apiArticleComments(Article.ID)
    case apiArticleEvents(Article.ID)
    case apiReplies(Comment.ID)
    case apiLikes(Comment.ID)
    case apiReports(Comment.ID)
    case reportComment(Comment.ID)

    public var path: String {
        switch self {
        case .home: "/"
        case .article(let slug, let id): Article.path(slug: slug, id: id)
        case .postComment: "/binh-luan"
        case .likeComment(let id): "/binh-luan/\(id)/thich"
        case .stylesheet: "/static/newsroom-\(Assets.stylesheetVersion).css"
        case .script: "/static/newsroom-\(Assets.scriptVersion).js"
        case .adminScript: "/static/desk-\(Assets.adminScriptVersion).js"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .apiArticle(let id): "/api/v1/articles/\(id)"
        case .apiArticleComments(let id): "/api/v1/articles/\(id)/comments"
        case .apiArticleEvents(let id): "/api/v1/articles/\(id)/events"
        case .apiReplies(let id): "/api/v1/comments/\(id)/replies"
        case .apiLikes(let id): "/api/v1/comments/\(id)/likes"
        case .apiReports(let id): "/api/v1/comments/\(id)/reports"
        case .reportComment(let id): "/binh-luan/\(id)/bao-cao"
        }
    }

    /// Route patterns as the router registers them.
    enum Pattern {
        static let home: RouterPath = "/"
        static let article: RouterPath = "/{slugAndID}"
        static let postComment: RouterPath = "/binh-luan"
        static let likeComment: RouterPath = "/binh-luan/{id}/thich"
        static let asset: RouterPath = "/static/{file}"
        static let healthz: RouterPath = "/healthz"
        static let readyz: RouterPath = "/readyz"
        static let metrics: RouterPath = "/metrics"
        static let apiArticle: RouterPath = "/api/v1/articles/{id}"
        static let apiArticleComments: RouterPath = "/api/v1/articles/{id}/comments"
        static let apiArticleEvents: RouterPath = "/api/v1/articles/{id}/events"
        static let apiReplies: RouterPath = "/api/v1/comments/{id}/replies"
        static let apiLikes: RouterPath = "/api/v1/comments/{id}/likes"
        static let apiReports: RouterPath = "/api/v1/comments/{id}/reports"
        static let reportComment: RouterPath = "/binh-luan/{id}/bao-cao"
    }
}

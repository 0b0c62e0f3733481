import Hummingbird
import NewsroomCore

/// Every URL of the site, each written once: a case gives both the pattern the router registers and the links the
/// pages print, so a link cannot point at a route that does not exist. Query parameters are `QueryKey`s.
public enum SiteRoute: Sendable, Equatable {
    // Reader pages and forms.
    case home
    case article(slug: String, id: Article.ID)
    case topic(Topic.Kind, slug: String)
    case search
    case postComment
    case likeComment(Comment.ID)
    case reportComment(Comment.ID)
    // Comment sections embedded in other sites: the host page's script, the frame it opens, and a thread's own page
    // for readers without JavaScript.
    case embedScript
    case embedFrame
    case embedThread
    // Feeds and what crawlers read.
    case feed(FeedFormat, category: String?)
    case sitemap
    case newsSitemap
    case robots
    // Files.
    case asset(String)
    case media(String)
    // Operations.
    case healthz
    case readyz
    case metrics
    // The reader API.
    case openAPI
    case apiSearch
    case apiArticle(Article.ID)
    case apiArticleComments(Article.ID)
    case apiArticleEvents(Article.ID)
    case apiReplies(Comment.ID)
    case apiLikes(Comment.ID)
    case apiReports(Comment.ID)
    // The moderation API.
    case apiModerationComments
    case apiModerationCounts
    case apiModerationLog
    case apiModerationBulk
    case apiModerationComment(Comment.ID)
    case apiModerationBan(Comment.ID)
    case apiModerationAction(Comment.ID, action: String)
    // The staff pages.
    case login
    case logout
    case desk
    case act
    case edit(Comment.ID)
    case log
    case words
    case articles
    case newArticle
    case editArticle(Article.ID)
    case revision(Article.ID, ArticleRevision.ID)
    case uploadPhoto

    /// The feeds' formats, by their file names.
    public enum FeedFormat: String, Sendable, CaseIterable {
        case rss = "rss.xml"
        case atom = "atom.xml"
    }

    /// Where the JSON API lives: errors there are JSON, not pages.
    static let apiPrefix = "/api/"
    /// Where the staff pages live (their cookies' path, and where a login may send one back to).
    static let staffPrefix = "/admin"
    private static let api = apiPrefix + "v1"
    private static let comments = "/comments"
    private static let moderationSegment = "/moderation"
    private static let apiComments = api + comments
    private static let moderation = api + moderationSegment
    private static let moderationAPI = moderation + comments
    private static let moderationDesk = staffPrefix + moderationSegment
    private static let articleDesk = staffPrefix + "/articles"

    /// The path with each parameter written by `slot(name, value)`: its value in a link, `{name}` in the pattern.
    private func written(_ slot: (String, String) -> String) -> String {
        switch self {
        case .home: "/"
        case .article(let slug, let id): "/" + slot("slugAndID", String(Article.path(slug: slug, id: id).dropFirst()))
        case .topic(let kind, let slug): "/\(kind.pathPrefix)/" + slot("slug", slug)
        case .search: "/tim-kiem"
        case .postComment: "/binh-luan"
        case .likeComment(let id): Self.comment(id, under: SiteRoute.postComment.path, slot) + "/thich"
        case .reportComment(let id): Self.comment(id, under: SiteRoute.postComment.path, slot) + "/bao-cao"
        case .embedScript: "/embed.js"
        case .embedFrame: "/nhung"
        case .embedThread: "/nhung/trang"
        case .feed(let format, let category):
            (category.map { SiteRoute.topic(.category, slug: $0).written(slot) } ?? "") + "/" + format.rawValue
        case .sitemap: "/sitemap.xml"
        case .newsSitemap: "/sitemap-news.xml"
        case .robots: "/robots.txt"
        case .asset(let file): "/static/" + slot("file", file)
        case .media(let file): "/media/" + slot("file", file)
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .openAPI: Self.api + "/openapi.json"
        case .apiSearch: Self.api + "/search"
        case .apiArticle(let id): Self.api + "/articles/" + slot("id", "\(id)")
        case .apiArticleComments(let id): SiteRoute.apiArticle(id).written(slot) + Self.comments
        case .apiArticleEvents(let id): SiteRoute.apiArticle(id).written(slot) + "/events"
        case .apiReplies(let id): Self.comment(id, under: Self.apiComments, slot) + "/replies"
        case .apiLikes(let id): Self.comment(id, under: Self.apiComments, slot) + "/likes"
        case .apiReports(let id): Self.comment(id, under: Self.apiComments, slot) + "/reports"
        case .apiModerationComments: Self.moderationAPI
        case .apiModerationCounts: Self.moderation + "/counts"
        case .apiModerationLog: Self.moderation + "/log"
        case .apiModerationBulk: Self.moderationAPI + "/bulk"
        case .apiModerationComment(let id): Self.comment(id, under: Self.moderationAPI, slot)
        case .apiModerationBan(let id): SiteRoute.apiModerationComment(id).written(slot) + "/ban"
        case .apiModerationAction(let id, let action): SiteRoute.apiModerationComment(id).written(slot) + "/" + slot("action", action)
        case .login: Self.staffPrefix + "/login"
        case .logout: Self.staffPrefix + "/logout"
        case .desk: Self.moderationDesk
        case .act: Self.moderationDesk + "/hanh-dong"
        case .edit(let id): Self.comment(id, under: Self.moderationDesk, slot) + "/sua"
        case .log: Self.moderationDesk + "/nhat-ky"
        case .words: Self.moderationDesk + "/tu-khoa"
        case .articles: Self.articleDesk
        case .newArticle: Self.articleDesk + "/moi"
        case .editArticle(let id): Self.articleDesk + "/" + slot("id", "\(id)")
        case .revision(let article, let revision):
            SiteRoute.editArticle(article).written(slot) + "/phien-ban/" + slot("revision", "\(revision)")
        case .uploadPhoto: Self.staffPrefix + "/media"
        }
    }

    /// A comment's path under `base`.
    private static func comment(_ id: Comment.ID, under base: String, _ slot: (String, String) -> String) -> String {
        base + "/" + slot("id", "\(id)")
    }

    /// The link.
    public var path: String { written { _, value in value } }

    /// The link with a query: the pairs whose value is nil are left out, the others percent-encoded.
    func path(_ query: (QueryKey, String?)...) -> String { path + Query(query).string }

    /// The path with `{name}` in place of each parameter, as the router and the scripts read it.
    var template: String { written { name, _ in "{\(name)}" } }

    /// The pattern the router registers, for a route whose parameters (if any) are in its query.
    var pattern: RouterPath { RouterPath(template) }

    /// The pattern of a route with one parameter in its path: `SiteRoute.pattern(SiteRoute.likeComment)`.
    static func pattern<A: RouteParameter>(_ route: (A) -> SiteRoute) -> RouterPath { route(.placeholder).pattern }

    /// The template of a route with one parameter in its path.
    static func template<A: RouteParameter>(_ route: (A) -> SiteRoute) -> String { route(.placeholder).template }

    /// The pattern of a route with two parameters in its path.
    static func pattern<A: RouteParameter, B: RouteParameter>(_ route: (A, B) -> SiteRoute) -> RouterPath {
        route(.placeholder, .placeholder).pattern
    }

    /// The template of a route with two parameters in its path.
    static func template<A: RouteParameter, B: RouteParameter>(_ route: (A, B) -> SiteRoute) -> String {
        route(.placeholder, .placeholder).template
    }

    /// The stylesheet, the page script, the desk script and the embedded frame's script, named by their content.
    static var stylesheet: SiteRoute { .asset(Assets.stylesheetFile) }
    static var script: SiteRoute { .asset(Assets.scriptFile) }
    static var adminScript: SiteRoute { .asset(Assets.adminScriptFile) }
    static var frameScript: SiteRoute { .asset(Assets.frameScriptFile) }
}

extension SiteRoute {
    /// A queue of the desk, narrowed to one article or not, from its start or after a comment.
    static func deskQueue(_ queue: ModerationQueue, article: Article.ID?, after: Cursor? = nil) -> String {
        SiteRoute.desk.path((.queue, queue.slug), (.article, article.map { String($0) }), (.after, after?.description))
    }

    /// A page of the editors' list of articles.
    static func articleList(_ filter: DeskArticleFilter, page: Int) -> String {
        SiteRoute.articles.path(
            (.status, filter.status?.rawValue), (.category, filter.category), (.author, filter.author),
            (.page, page > 1 ? String(page) : nil))
    }
}

extension Topic {
    /// The topic's page.
    var path: String { SiteRoute.topic(kind, slug: slug).path }
}

/// A value a route's path carries; the placeholder only fills a case when its pattern is asked for.
protocol RouteParameter {
    static var placeholder: Self { get }
}

extension Int64: RouteParameter {
    static var placeholder: Int64 { 0 }
}

extension String: RouteParameter {
    static var placeholder: String { "" }
}

import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// Comment sections in other sites' pages. The host page carries
/// `<div data-newsroom-comments data-url="CANONICAL_URL" data-title="TITLE"></div>` and `<script src=".../embed.js"
/// async>`; the script replaces the div with a frame of `/nhung?url=…&title=…`, the same comment section as under an
/// article (counter, replies, likes, sorting, paging, live updates, reports, every rule), isolated from the host
/// page's CSS and scripts, growing with its content. A frame is served only for a page of a site in `--embed-origins`,
/// and only those sites may frame it (CSP `frame-ancestors`); the thread is created on a page's first visit.
/// `/nhung/trang?url=…` sends a reader without JavaScript to the thread's own page here.
struct EmbedController {
    let articles: any ArticleRepository
    let pages: PageController
    let settings: EmbedSettings
    let now: @Sendable () -> Date

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.embedScript.pattern) { _, _ -> Response in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300",
                    .accessControlAllowOrigin: "*",
                ],
                body: .init(byteBuffer: ByteBuffer(string: Assets.embedScript)))
        }
        router.get(SiteRoute.embedFrame.pattern, use: frame)
        router.get(SiteRoute.embedThread.pattern) { request, _ -> Response in
            let article = try await articles.publishedArticle(try await thread(request))
            return Responses.redirect(to: article.path, status: .seeOther)
        }
    }

    /// The thread of the page the request names, created on its first visit; 400 for an address that is not a
    /// page's, 403 for a page of a site not allowed to embed.
    func thread(_ request: Request) async throws -> Article.ID {
        guard let raw = request.query(.url), let url = EmbeddedThread.canonicalURL(raw), let site = EmbeddedThread.origin(of: url)
        else { throw NewsroomError(.invalidField, message: Strings.embedURLInvalid, field: QueryKey.url.rawValue) }
        guard settings.allows(url: url) else { throw NewsroomError(.forbidden, message: Strings.embedNotAllowed) }
        // Another site's path that happens to read like an article's here (`/…-12`) is not that article.
        if let id = try await articles.elsewhere(url: url, ownPaths: false) { return id }
        let title = String(VietnameseText.cleanedLine(request.query(.title) ?? "").prefix(300))
        return try await articles.createThread(EmbeddedThread(url: url, site: site), title: title, now: now())
    }

    @Sendable func frame(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let id = try await thread(request)
        let article = try await articles.publishedArticle(id)
        guard let stamp = try await articles.pageStamp(id: id) else { throw NewsroomError(.articleNotFound) }
        let sort = request.query(.sort).flatMap(CommentSort.init(rawValue:)) ?? .newest
        var model = try await pages.pageModel(
            article: article, sort: sort, cursor: nil, expandedThread: nil, replyingTo: nil, form: .init(), notice: nil)
        model.latestEvent = stamp.latestEvent
        let page = EmbedPage(model: .init(page: model, origins: settings.origins))
        var response = Responses.html(ByteBuffer(bytes: page.render().render()))
        response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.policy(frameAncestors: settings.origins)
        response.headers[SecurityHeadersMiddleware.framedByPolicy] = "1"
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}

import Hummingbird
import NewsroomCore

/// Addresses an article had before it moved in (WordPress's `/?p=ID` and its permalinks) answer 301 to its page
/// here, so old links and search results keep working. Looked up only for a GET that would otherwise be 404, and for
/// the home page when it carries `?p=`.
struct OldAddresses: RouterMiddleware {
    typealias Context = NewsroomRequestContext
    let articles: any ArticleRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        if request.uri.path == "/", let post = request.uri.queryParameters["p"].flatMap({ Int64(String($0)) }),
            let target = try await articles.redirect(from: "/?p=\(post)")
        {
            return Self.moved(to: target)
        }
        do {
            let response = try await next(request, context)
            guard response.status == .notFound, let target = try await target(of: request) else { return response }
            return Self.moved(to: target)
        } catch let error as HTTPError where error.status == .notFound {
            guard let target = try await target(of: request) else { throw error }
            return Self.moved(to: target)
        } catch let error as NewsroomError where error.code == .notFound || error.code == .articleNotFound {
            guard let target = try await target(of: request) else { throw error }
            return Self.moved(to: target)
        }
    }

    private func target(of request: Request) async throws -> String? {
        let path = request.uri.path
        guard !path.hasPrefix(SiteRoute.apiPrefix), path.utf8.count <= 2048 else { return nil }
        return try await articles.redirect(from: ForeignArticle.redirectKey(path: path, query: nil))
    }

    static func moved(to path: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: path, .cacheControl: "public, max-age=3600"])
    }
}

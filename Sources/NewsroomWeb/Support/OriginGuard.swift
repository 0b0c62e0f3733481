import Foundation
import HTTPTypes
import Hummingbird
import NewsroomCore

/// Refuses a state-changing request that a browser says comes from another site (403 `csrf_invalid`): the reader
/// forms without JavaScript, the login form, the JSON API and the staff routes alike. A request without `Origin`
/// comes from a client that is not a page of another site (or from an old browser); the form tokens and the JSON
/// content type still stand in its way.
struct OriginGuard: RouterMiddleware {
    typealias Context = NewsroomRequestContext
    let config: AppConfig

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, request.method != .options, let origin = request.headers[.origin],
            !Self.isSameOrigin(origin, request: request, config: config, peer: context.remoteAddress?.ipAddress)
        {
            throw NewsroomError(.csrfInvalid)
        }
        return try await next(request, context)
    }

    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// The scheme readers use: the public address's, else what a trusted proxy says it received (`X-Forwarded-Proto`:
    /// a TLS proxy in front), else https when cookies are marked secure, else http.
    static func scheme(of request: Request, config: AppConfig, peer: String?) -> String {
        if let peer, config.trustedProxies.contains(where: { $0.contains(peer) }),
            let proto = request.headers[forwardedProto]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased(),
            proto == "http" || proto == "https"
        {
            return proto
        }
        return config.secureCookies ? "https" : "http"
    }

    /// Whether `source` (an `Origin`, or a `Referer` URL) is this site: the same scheme, host and port as the public
    /// address when one is set, else as the address the request was sent to.
    static func isSameOrigin(_ source: String, request: Request, config: AppConfig, peer: String?) -> Bool {
        guard source != "null", let url = URLComponents(string: source), let scheme = url.scheme?.lowercased(),
            let host = url.host?.lowercased()
        else { return false }
        let defaultPort = scheme == "https" ? 443 : 80
        let sent = "\(scheme)://\(host):\(url.port ?? defaultPort)"
        if let publicURL = config.publicURL, let site = URLComponents(string: publicURL), let siteScheme = site.scheme?.lowercased(),
            let siteHost = site.host?.lowercased()
        {
            return sent == "\(siteScheme)://\(siteHost):\(site.port ?? (siteScheme == "https" ? 443 : 80))"
        }
        let requestedScheme = Self.scheme(of: request, config: config, peer: peer)
        guard let authority = request.head.authority?.lowercased(),
            let requested = URLComponents(string: "\(requestedScheme)://\(authority)"), let requestedHost = requested.host
        else { return false }
        return sent == "\(requestedScheme)://\(requestedHost):\(requested.port ?? (requestedScheme == "https" ? 443 : 80))"
    }
}

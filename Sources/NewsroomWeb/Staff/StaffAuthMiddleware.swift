import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NewsroomCore

/// Guards the staff routes (`/admin/…` and `/api/v1/moderation/…`): it reads the session, refuses anyone who is not
/// signed in (401) or whose role may not do what the routes behind it do (403), and refuses a state-changing request
/// from a foreign origin or without the session's CSRF token (403 `csrf_invalid`). Hummingbird-auth has no CSRF
/// protection: this is it.
struct StaffAuthMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext
    let services: Services
    /// Whether a role may use the routes behind this guard.
    var allows: @Sendable (StaffRole) -> Bool = { _ in true }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let session = context.sessions.session,
            let staff = try await services.store.staff.member(id: session.staffID), !staff.disabled
        else {
            if request.uri.path.hasPrefix(SiteRoute.apiPrefix) { throw NewsroomError(.unauthenticated) }
            // A page: the login form, answering 401, that brings the moderator back here.
            return LoginController.loginPage(
                tokens: services.tokens, at: services.now(), next: request.uri.description, message: nil, status: .unauthorized,
                email: "")
        }
        guard allows(staff.role) else { throw NewsroomError(.forbidden) }
        var request = request
        if request.method != .get && request.method != .head {
            try await CSRF.check(&request, session: session, config: services.config, peer: context.remoteAddress?.ipAddress)
        }
        context.staff = staff
        context.csrfToken = session.csrf
        let response = try await next(request, context)
        // Whatever staff changed (a moderation, a saved article) shows on reader pages at once, on this instance.
        if request.method != .get && request.method != .head { services.moderated() }
        return response
    }
}

/// The CSRF check of staff requests: the Origin (or Referer) must be this site, and the session's token must come
/// back in the `X-CSRF-Token` header or the `_csrf` form field. No header at all is a non-browser client, which
/// cannot carry the victim's cookie by accident, and still needs the token.
enum CSRF {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let field = "_csrf"

    static func check(_ request: inout Request, session: StaffSession, config: AppConfig, peer: String?) async throws {
        if let source = request.headers[.origin] ?? request.headers[.referer] {
            guard OriginGuard.isSameOrigin(source, request: request, config: config, peer: peer) else {
                throw NewsroomError(.csrfInvalid)
            }
        }
        var sent = request.headers[header]
        if sent == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            sent = try RequestBody.form(from: try await RequestBody.text(of: &request))[field]
        } else if sent == nil, request.headers[.contentType]?.hasPrefix("multipart/form-data") == true {
            sent = try await MultipartForm.read(&request).text(field)
        }
        guard let sent, constantTimeEqual(sent, session.csrf) else { throw NewsroomError(.csrfInvalid) }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

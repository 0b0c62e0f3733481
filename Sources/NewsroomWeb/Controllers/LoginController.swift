import Foundation
import Hummingbird
import HummingbirdAuth
import NewsroomCore

/// Signing staff in and out. Failed logins are counted in the database per account and per client, so guessing
/// is slowed down on every instance at once.
struct LoginController {
    let services: Services
    /// Failures allowed in `window` before refusing: per account, and per client (a client may mistype several
    /// accounts).
    var accountLimit = 5
    var clientLimit = 20
    var window: TimeInterval = 15 * 60
    static let sessionLifetime: Duration = .seconds(12 * 3600)

    func register(public group: RouterGroup<NewsroomRequestContext>, staff: RouterGroup<NewsroomRequestContext>) {
        group.get("login", use: page)
        group.post("login", use: login)
        staff.post("logout", use: logout)
    }

    @Sendable func page(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        AdminPages.loginPage(
            services: services, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), message: nil,
            status: .ok, email: "")
    }

    @Sendable func login(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        var request = request
        let fields = try RequestBody.form(from: try await RequestBody.text(of: &request))
        let next = Self.safeNext(fields["next"])
        let typed = fields["email"] ?? ""
        func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
            AdminPages.loginPage(services: services, next: next, message: message, status: status, email: typed)
        }
        guard services.tokens.isValid(fields["formToken"] ?? "", article: 0, at: services.now()) else {
            return refuse(Strings.message(for: .csrfInvalid), .forbidden)
        }
        let email = StaffRules.normalizedEmail(typed) ?? typed.lowercased()
        let client = ClientIdentity(
            request: request, context: context, secret: services.config.secret, trustedProxies: services.config.trustedProxies)
        let keys = (account: "tai-khoan:\(email)", client: "may:\(client.fingerprint)")
        let since = services.now().addingTimeInterval(-window)
        let attempts = services.store.loginAttempts
        let accountFailures = try await attempts.failures(key: keys.account, since: since)
        let clientFailures = try await attempts.failures(key: keys.client, since: since)
        if accountFailures >= accountLimit || clientFailures >= clientLimit {
            var response = refuse("Đăng nhập sai quá nhiều lần. Xin thử lại sau 15 phút.", .tooManyRequests)
            response.headers[.retryAfter] = String(Int(window))
            return response
        }
        let credentials = try await services.store.staff.credentials(email: email)
        let password = fields["password"] ?? ""
        let matches = try await services.passwords.verify(password, hash: credentials?.passwordHash)
        guard let member = credentials?.member, matches, !member.disabled else {
            try await attempts.recordFailure(key: keys.account, at: services.now())
            try await attempts.recordFailure(key: keys.client, at: services.now())
            context.logger.notice("Đăng nhập thất bại", metadata: ["tai-khoan": .string(email)])
            return refuse("E-mail hoặc mật khẩu không đúng.", .unauthorized)
        }
        try await attempts.clear(key: keys.account)
        try await services.store.sessions.purge(now: services.now())
        context.sessions.clearSession()
        context.sessions.createSession(StaffSession.new(for: member), expiresIn: Self.sessionLifetime)
        context.logger.info("Đăng nhập", metadata: ["tai-khoan": .string(email)])
        // An editor's place is the articles desk, a moderator's the moderation queue.
        let start = member.role.canModerate || next != Self.safeNext(nil) ? next : AdminRoute.articles(.init(), page: 1).path
        return Responses.redirect(to: start, status: .seeOther)
    }

    @Sendable func logout(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return Responses.redirect(to: AdminRoute.login.path, status: .seeOther)
    }

    /// Only a path of the staff pages: never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin"), !next.hasPrefix("//"), !next.contains("\\") else {
            return AdminRoute.desk(queue: .pending, article: nil).path
        }
        return next
    }
}

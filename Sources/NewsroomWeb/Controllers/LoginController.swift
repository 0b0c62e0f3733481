import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import NewsroomCore

/// Signing staff in and out. Failed logins are counted in the database per account and per client, so guessing
/// is slowed down on every instance at once.
struct LoginController {
    let staff: any StaffRepository
    let attempts: any LoginAttemptRepository
    let sessions: any SessionRepository
    let passwords: Passwords
    let tokens: FormTokens
    let clients: ClientIdentities
    /// The site's key, which signs the device cookie.
    let secret: [UInt8]
    let secureCookies: Bool
    let now: @Sendable () -> Date
    /// Failures allowed in `window` before refusing: per account and client, and per client (a client may mistype
    /// several accounts). Once an account has `accountLimit` failures from anywhere, a client that has failed on it
    /// must wait out the window; one that has not is let through.
    var accountLimit = 5
    var clientLimit = 20
    var window: TimeInterval = 15 * 60
    static let sessionLifetime: Duration = .seconds(12 * 3600)

    func register(public group: RouterGroup<NewsroomRequestContext>, staff: RouterGroup<NewsroomRequestContext>) {
        group.get(SiteRoute.login.pattern, use: page)
        group.post(SiteRoute.login.pattern, use: login)
        staff.post(SiteRoute.logout.pattern, use: logout)
    }

    /// The login page, answering `status`, never cached: its form token is issued here, so the view sees plain values.
    static func loginPage(
        tokens: FormTokens, at now: Date, next: String, message: String?, status: HTTPResponse.Status, email: String
    ) -> Response {
        let token = tokens.issue(article: 0, at: now)
        let model = LoginPage.Model(next: next, message: message, email: email, formToken: token)
        var response = Responses.html(LoginPage(model: model).render(), status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func page(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        Self.loginPage(
            tokens: tokens, at: now(), next: Self.safeNext(request.query(.next)), message: nil,
            status: .ok, email: "")
    }

    @Sendable func login(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let fields = try await RequestBody.form(of: request)
        let next = Self.safeNext(fields["next"])
        let typed = fields["email"] ?? ""
        func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
            Self.loginPage(tokens: tokens, at: now(), next: next, message: message, status: status, email: typed)
        }
        guard tokens.isValid(fields["formToken"] ?? "", article: 0, at: now()) else {
            return refuse(Strings.message(for: .csrfInvalid), .forbidden)
        }
        let email = StaffRules.normalizedEmail(typed) ?? VietnameseText.cleanedLine(typed).lowercased()
        let client = clients.identify(request, context)
        // Per account and client (a stranger's failures slow the stranger), per client (one client guessing many
        // accounts), and per account (an account under attack).
        let keys = ["tai-khoan-may:\(email)|\(client.fingerprint)", "may:\(client.fingerprint)", "tai-khoan:\(email)"]
        // A browser this account signed in from before carries a device cookie for it: never held back, and first in
        // line. The account's own back-off never refuses a client that has not failed on it either.
        let knownDevice = request.cookies[Self.deviceCookie].map { isDevice($0.value, of: email) } ?? false
        let (accountLimit, clientLimit) = (accountLimit, clientLimit)
        // Recorded as a failure before the password is checked, so parallel guesses count each other.
        let attempt = try await attempts.begin(keys: keys, since: now().addingTimeInterval(-window), at: now()) {
            failures in
            let (pair, client, account) = (failures[0], failures[1], failures[2])
            let backingOff = account >= accountLimit && pair > 0
            return !knownDevice && (pair >= accountLimit || client >= clientLimit || backingOff)
        }
        let pairFailures = attempt.failuresBefore[0]
        func tooMany() -> Response {
            var response = refuse("Đăng nhập sai quá nhiều lần. Xin thử lại sau 15 phút.", .tooManyRequests)
            response.headers[.retryAfter] = String(Int(window))
            return response
        }
        guard attempt.recorded else { return tooMany() }
        let credentials = try await staff.credentials(email: email)
        let password = fields["password"] ?? ""
        let priority: Passwords.Priority = knownDevice ? .knownDevice : pairFailures == 0 ? .newClient : .failedBefore
        guard
            let matches = try await passwords.verify(password, hash: credentials?.passwordHash, account: email, priority: priority)
        else {
            // Too many checks already wait for this account (guesses from many addresses): refused without hashing.
            try await attempts.forget(attempt)
            return tooMany()
        }
        guard let member = credentials?.member, matches, !member.disabled else {
            context.logger.notice("Đăng nhập thất bại", metadata: ["tai-khoan": .string(email)])
            return refuse("E-mail hoặc mật khẩu không đúng.", .unauthorized)
        }
        try await attempts.forget(attempt)
        try await attempts.clear(key: keys[0])
        try await sessions.purge(now: now())
        context.sessions.clearSession()
        context.sessions.createSession(StaffSession.new(for: member), expiresIn: Self.sessionLifetime)
        context.logger.info("Đăng nhập", metadata: ["tai-khoan": .string(email)])
        // An editor's place is the articles desk, a moderator's the moderation queue.
        let start = member.role.canModerate || next != Self.safeNext(nil) ? next : SiteRoute.articleList(.init(), page: 1)
        var response = Responses.redirect(to: start, status: .seeOther)
        response.setCookie(
            Cookie(
                name: Self.deviceCookie, value: device(of: email), maxAge: 365 * 24 * 3600, path: SiteRoute.staffPrefix,
                secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Marks a browser that has signed in to an account: its later attempts go first and are never held back.
    static let deviceCookie = "nr_device"

    /// `RANDOM.SIGNATURE`, the signature binding the random part to the account.
    func device(of email: String) -> String {
        Self.signedDevice(ClientIdentity.randomID(), email: email, secret: secret)
    }

    static func signedDevice(_ id: String, email: String, secret: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("nr_device:\(email):\(id)".utf8), using: SymmetricKey(data: secret))
        return "\(id).\(ClientIdentity.hex(mac.prefix(16)))"
    }

    func isDevice(_ value: String, of email: String) -> Bool {
        guard let id = value.split(separator: ".").first, id.utf8.count == 32 else { return false }
        return CSRF.constantTimeEqual(Self.signedDevice(String(id), email: email, secret: secret), value)
    }

    @Sendable func logout(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return Responses.redirect(to: SiteRoute.login.path, status: .seeOther)
    }

    /// Only a path of the staff pages: never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix(SiteRoute.staffPrefix), !next.hasPrefix("//"), !next.contains("\\") else {
            return SiteRoute.deskQueue(.pending, article: nil)
        }
        return next
    }
}

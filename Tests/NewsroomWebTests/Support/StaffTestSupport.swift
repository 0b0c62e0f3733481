import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Synchronization
import Testing

@testable import NewsroomWeb

/// Every log line the application writes during a test, to prove what it never writes.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        var logger = Logger(label: "newsroom-test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }
}

/// The whole application with a captured log, for staff tests.
func withStaffApp<T>(
    moderation: ModerationMode = .pre, log: CapturedLog = CapturedLog(),
    _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> T
) async throws -> T {
    try await TestStore.with { store in
        let config = AppConfig(moderation: moderation, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, bcryptCost: 4)
        let app = Application(router: buildRouter(config, store: store, now: { Date() }), logger: log.logger)
        return try await app.test(.router) { client in try await body(client, store) }
    }
}

let testPassword = "mật-khẩu-rất-dài-2026"

extension Store {
    @discardableResult
    func staffMember(_ email: String = "kiemduyet@toasoan.vn", role: StaffRole = .moderator) async throws -> StaffMember {
        try await StaffAccounts(store: self, bcryptCost: 4).add(email: email, role: role, password: testPassword)
    }
}

/// A signed-in staff browser: its session cookie and the session's CSRF token.
struct StaffBrowser {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    func headers(csrf include: Bool = true, origin: String? = nil, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie]
        if include { fields[CSRF.header] = csrf }
        if let origin { fields[.origin] = origin }
        if json { fields[.contentType] = "application/json" }
        return fields
    }
}

/// Signs in through the login form, as a browser does, and reads the CSRF token from the desk.
func signIn(
    _ client: any TestClientProtocol, email: String = "kiemduyet@toasoan.vn", password: String = testPassword,
    desk: String = "/admin/moderation"
) async throws
    -> StaffBrowser
{
    let token = try await client.execute(uri: "/admin/login", method: .get) { response throws in
        try #require(formToken(in: response.body.text))
    }
    let cookie = try await client.execute(
        uri: "/admin/login", method: .post, headers: formHeaders,
        body: formBody([("formToken", token), ("email", email), ("password", password), ("next", "/admin/moderation")])
    ) { response throws in
        #expect(response.status == .seeOther)
        // The session's cookie (the device cookie comes with it).
        let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("nr_staff=") })
        return String(setCookie.prefix(while: { $0 != ";" }))
    }
    let csrf = try await client.execute(uri: desk, method: .get, headers: [.cookie: cookie]) { response throws in
        #expect(response.status == .ok)
        let html = response.body.text
        let range = try #require(html.range(of: "name=\"csrf-token\" content=\""))
        return String(html[range.upperBound...].prefix(while: { $0 != "\"" }))
    }
    return StaffBrowser(cookie: cookie, csrf: csrf)
}

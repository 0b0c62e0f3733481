import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Who may reach the desk, and what a forged request gets.
@Suite struct StaffAuthTests {
    @Test func withoutASessionTheDeskAndTheModerationAPIAnswer401() async throws {
        try await withStaffApp { client, _ in
            for uri in ["/api/v1/moderation/comments", "/api/v1/moderation/counts", "/api/v1/moderation/log"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(try errorCode(response.body) == "unauthenticated")
                }
            }
            try await client.execute(uri: "/api/v1/moderation/comments/1/approve", method: .post) { #expect($0.status == .unauthorized) }
            for uri in ["/admin/moderation", "/admin/moderation/nhat-ky"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(response.body.text.contains("Đăng nhập bàn làm việc"))
                    #expect(response.body.text.contains("name=\"next\" value=\"\(uri)\""))
                }
            }
            try await client.execute(uri: "/admin/moderation", method: .get, headers: [.cookie: "nr_staff=gia-mao"]) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func anEditorIsSignedInButMayNotModerate() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember("bientap@toasoan.vn", role: .editor)
            let token = try await client.execute(uri: "/admin/login", method: .get) { try #require(formToken(in: $0.body.text)) }
            let cookie = try await client.execute(
                uri: "/admin/login", method: .post, headers: formHeaders,
                body: formBody([("formToken", token), ("email", "bientap@toasoan.vn"), ("password", testPassword)])
            ) { response throws in
                #expect(response.status == .seeOther)
                let session = response.headers[values: .setCookie].first { $0.hasPrefix("nr_staff=") }
                return String(try #require(session).prefix(while: { $0 != ";" }))
            }
            try await client.execute(uri: "/admin/moderation", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/moderation/counts", method: .get, headers: [.cookie: cookie]) { response throws in
                #expect(response.status == .forbidden)
                #expect(try errorCode(response.body) == "forbidden")
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndLax() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let token = try await client.execute(uri: "/admin/login", method: .get) { try #require(formToken(in: $0.body.text)) }
            try await client.execute(
                uri: "/admin/login", method: .post, headers: formHeaders,
                body: formBody([("formToken", token), ("email", "KiemDuyet@ToaSoan.vn "), ("password", testPassword)])
            ) { response throws in
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("nr_staff=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                // The device cookie that lets this browser past a lockout is bound to the account and never readable
                // by a script.
                let device = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("nr_device=") })
                #expect(device.contains("HttpOnly") && device.contains("SameSite=Strict") && device.contains("Path=/admin"))
            }
        }
    }

    @Test func stateChangingCallsNeedTheTokenAndThisOrigin() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id, status: .pending))
            let browser = try await signIn(client)
            let uri = "/api/v1/moderation/comments/\(comment.id)/approve"
            var refused: [HTTPFields] = [browser.headers(csrf: false), browser.headers(origin: "https://ke-gian.example")]
            var wrong = browser
            wrong.csrf = String(repeating: "0", count: browser.csrf.count)
            refused.append(wrong.headers())
            for headers in refused {
                try await client.execute(uri: uri, method: .post, headers: headers) { response throws in
                    #expect(response.status == .forbidden)
                    #expect(try errorCode(response.body) == "csrf_invalid")
                }
            }
            #expect(try await store.comments.comment(id: comment.id)?.status == .pending)
            // The desk's own form without its hidden token is refused the same way.
            try await client.execute(
                uri: "/admin/moderation/hanh-dong", method: .post,
                headers: [.cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: formBody([("one", "approve:\(comment.id)")])
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: uri, method: .post, headers: browser.headers()) { #expect($0.status == .ok) }
            #expect(try await store.comments.comment(id: comment.id)?.status == .published)
        }
    }

    @Test func failedLoginsAreThrottledPerAccount() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            for attempt in 0..<6 {
                let token = try await client.execute(uri: "/admin/login", method: .get) { try #require(formToken(in: $0.body.text)) }
                try await client.execute(
                    uri: "/admin/login", method: .post, headers: formHeaders,
                    body: formBody([("formToken", token), ("email", "kiemduyet@toasoan.vn"), ("password", "sai-mật-khẩu-\(attempt)")])
                ) { response throws in
                    #expect(response.status == (attempt < 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt)")
                }
            }
            // Even the right password waits now.
            let token = try await client.execute(uri: "/admin/login", method: .get) { try #require(formToken(in: $0.body.text)) }
            try await client.execute(
                uri: "/admin/login", method: .post, headers: formHeaders,
                body: formBody([("formToken", token), ("email", "kiemduyet@toasoan.vn"), ("password", testPassword)])
            ) { #expect($0.status == .tooManyRequests) }
        }
    }

    @Test func aDisabledAccountLosesItsSession() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let browser = try await signIn(client)
            #expect(try await store.staff.setDisabled(true, email: "kiemduyet@toasoan.vn"))
            try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func passwordsAndSessionCookiesAreNeverStoredOrLoggedInClear() async throws {
        let log = CapturedLog()
        try await TestStore.withSQLite { store, path in
            let config = AppConfig(moderation: .pre, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, bcryptCost: 4)
            let app = Application(router: buildRouter(config, store: store, now: { Date() }), logger: log.logger)
            try await app.test(.router) { client in
                try await store.staffMember()
                let token = try await client.execute(uri: "/admin/login", method: .get) { try #require(formToken(in: $0.body.text)) }
                try await client.execute(
                    uri: "/admin/login", method: .post, headers: formHeaders,
                    body: formBody([("formToken", token), ("email", "kiemduyet@toasoan.vn"), ("password", "đoán-thử-một-lần")])
                ) { #expect($0.status == .unauthorized) }
                let browser = try await signIn(client)
                let sessionValue = String(browser.cookie.drop(while: { $0 != "=" }).dropFirst())
                let files = [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
                let bytes = files.reduce(Data(), +)
                for secret in [testPassword, "đoán-thử-một-lần", sessionValue] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "found in the database: \(secret)")
                    #expect(!log.all.contains { $0.contains(secret) }, "found in the log: \(secret)")
                }
                let hash = try #require(try await store.staff.credentials(email: "kiemduyet@toasoan.vn")?.passwordHash)
                #expect(hash.hasPrefix("$2"))
                #expect(log.all.contains { $0.contains("Đăng nhập thất bại") })
            }
        }
    }
}

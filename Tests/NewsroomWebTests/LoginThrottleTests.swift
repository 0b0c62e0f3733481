import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// A stranger guessing a moderator's password slows the stranger, not the moderator, and not the site.
@Suite struct LoginThrottleTests {
    /// A connection of its own, so requests run in parallel rather than queued on the test client's one.
    func connection(_ port: Int) -> TestClient {
        let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
        client.connect()
        return client
    }

    func send(
        _ client: TestClient, _ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestClient.Response {
        var headers = headers
        headers[.connection] = "keep-alive"
        return try await client.execute(.init(uri, method: method, authority: "localhost", headers: headers, body: body))
    }

    func login(_ client: TestClient, password: String, from address: String) async throws -> HTTPResponse.Status {
        let page = try await send(client, "/admin/login")
        let token = try #require(formToken(in: String(buffer: page.body ?? ByteBuffer())))
        var headers = formHeaders
        headers[ClientIdentity.forwardedFor] = address
        let body = formBody([("formToken", token), ("email", "kiemduyet@toasoan.vn"), ("password", password)])
        return try await send(client, "/admin/login", method: .post, headers: headers, body: body).head.status
    }

    /// Wrong passwords sent in parallel, `times` in a row on each connection, each from the address `address` gives
    /// for (connection, guess); the statuses of all.
    func guess(
        on connections: [TestClient], times: Int, from address: @escaping @Sendable (Int, Int) -> String
    ) async throws -> [HTTPResponse.Status] {
        try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
            for (index, connection) in connections.enumerated() {
                group.addTask {
                    var statuses: [HTTPResponse.Status] = []
                    for guess in 0..<times {
                        statuses.append(
                            try await self.login(connection, password: "doan-sai-\(index)-\(guess)", from: address(index, guess)))
                    }
                    return statuses
                }
            }
            return try await group.reduce(into: [HTTPResponse.Status]()) { $0 += $1 }
        }
    }

    @Test func aHundredParallelWrongPasswordsNeitherLockOutTheOwnerNorSlowThePages() async throws {
        // Production's cost: the decoy hash and real checks take about a quarter of a second each.
        try await withLiveApp(configure: { $0.bcryptCost = 12 }) { client, store in
            _ = try await store.article()
            _ = try await StaffAccounts(store: store, bcryptCost: 12).add(
                email: "kiemduyet@toasoan.vn", role: .moderator, password: testPassword)
            let port = try #require(client.port)
            let attackers = (0..<20).map { _ in connection(port) }
            let attack = Task {
                try await guess(on: attackers, times: 5) { _, _ in "203.0.113.66" }
            }
            // Pages answer while the guesses are checked (how fast is measured against a real server, alone, by
            // Tests/Security/test_login_flood.py: here the whole suite shares two cores).
            let reader = connection(port)
            for _ in 0..<5 {
                #expect(try await send(reader, "/").head.status == .ok)
                try await Task.sleep(for: .milliseconds(50))
            }
            // The moderator, from another client, signs in during the attack.
            let owner = connection(port)
            let ownerStatus = try await login(owner, password: testPassword, from: "198.51.100.8")
            let statuses = try await attack.value
            #expect(ownerStatus == .seeOther)
            // At most the per-client limit of guesses was checked; the rest were refused before any hashing.
            #expect(statuses.count == 100)
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 95)
            // The stranger stays refused, even with the right password.
            #expect(try await login(attackers[0], password: testPassword, from: "203.0.113.66") == .tooManyRequests)
            for connection in attackers + [reader, owner] { try await connection.shutdown() }
        }
    }

    @Test func guessesFromManyAddressesQueueBehindTheOwnersKnownBrowserAndAreCapped() async throws {
        try await withLiveApp(configure: { $0.bcryptCost = 10 }) { testClient, store in
            _ = try await StaffAccounts(store: store, bcryptCost: 10).add(
                email: "kiemduyet@toasoan.vn", role: .moderator, password: testPassword)
            let port = try #require(testClient.port)
            // The owner signs in once from this browser, which keeps its device cookie.
            let owner = connection(port)
            let page = try await send(owner, "/admin/login")
            let token = try #require(formToken(in: String(buffer: page.body ?? ByteBuffer())))
            var headers = formHeaders
            headers[ClientIdentity.forwardedFor] = "198.51.100.9"
            let first = try await send(
                owner, "/admin/login", method: .post, headers: headers,
                body: formBody([("formToken", token), ("email", "kiemduyet@toasoan.vn"), ("password", testPassword)]))
            #expect(first.head.status == .seeOther)
            let device = try #require(first.head.headerFields[values: .setCookie].first { $0.hasPrefix("nr_device=") })
            let deviceCookie = String(device.prefix { $0 != ";" })
            // Sixty strangers, each from an address of its own (none has failed before), guess at once.
            let attackers = (0..<20).map { _ in connection(port) }
            let attack = Task {
                try await guess(on: attackers, times: 3) { connection, guess in "203.0.113.\(connection * 3 + guess + 1)" }
            }
            try await Task.sleep(for: .milliseconds(300))
            let again = try await send(owner, "/admin/login")
            let secondToken = try #require(formToken(in: String(buffer: again.body ?? ByteBuffer())))
            var ownerHeaders = formHeaders
            ownerHeaders[ClientIdentity.forwardedFor] = "198.51.100.9"
            ownerHeaders[.cookie] = deviceCookie
            let ownerStatus = try await send(
                owner, "/admin/login", method: .post, headers: ownerHeaders,
                body: formBody([("formToken", secondToken), ("email", "kiemduyet@toasoan.vn"), ("password", testPassword)])
            ).head.status
            let ownerDone = ContinuousClock.now
            let statuses = try await attack.value
            let attackDone = ContinuousClock.now
            #expect(ownerStatus == .seeOther)
            #expect(statuses.count == 60)
            // Beyond the line's length, guesses are refused without being checked.
            #expect(statuses.contains(.tooManyRequests))
            // The owner went first, not last.
            #expect(ownerDone < attackDone)
            for connection in attackers + [owner] { try await connection.shutdown() }
        }
    }

    @Test func aClientThatFailedOnAnAccountUnderAttackWaitsButANewOneDoesNot() async throws {
        try await withLiveApp(configure: { $0.bcryptCost = 4 }) { testClient, store in
            _ = try await StaffAccounts(store: store, bcryptCost: 4).add(
                email: "kiemduyet@toasoan.vn", role: .moderator, password: testPassword)
            let client = connection(try #require(testClient.port))
            defer { Task { try await client.shutdown() } }
            // Five strangers, five failures each: the account is under attack.
            for stranger in 1...5 {
                for _ in 0..<5 { _ = try await login(client, password: "sai", from: "203.0.113.\(stranger)") }
            }
            // A reader of the account who mistyped once is asked to wait; one who has not failed is let in.
            #expect(try await login(client, password: "go-nham", from: "198.51.100.1") == .unauthorized)
            #expect(try await login(client, password: testPassword, from: "198.51.100.1") == .tooManyRequests)
            #expect(try await login(client, password: testPassword, from: "198.51.100.2") == .seeOther)
        }
    }

    @Test func aPasswordChangeEndsEverySessionOfTheAccount() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            let browser = try await signIn(client)
            try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) { #expect($0.status == .ok) }
            #expect(
                try await StaffAccounts(store: store, bcryptCost: 4).setPassword("mật-khẩu-mới-2026-rất-dài", email: "kiemduyet@toasoan.vn")
            )
            try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}

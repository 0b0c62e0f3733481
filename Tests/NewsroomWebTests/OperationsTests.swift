import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// What operators and load balancers ask: liveness, readiness and the metrics page.
@Suite struct OperationsTests {
    @Test func healthzAnswersWithoutTouchingTheDatabase() async throws {
        try await withScriptedApp { client, _, database in
            database.failReads(StorageFailure(.unavailable, reason: "database_unreachable", detail: "mất kết nối"))
            database.failWrites(StorageFailure(.unavailable, reason: "database_unreachable", detail: "mất kết nối"))
            let before = database.calls
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.text == "ok\n")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            }
            #expect(database.calls == before)
            // The same database fails readiness.
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .serviceUnavailable) }
        }
    }

    @Test func readyzIsReadyWhileTheDatabaseAnswers() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/readyz", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.headers[.retryAfter] == nil)
                let body = try json(response.body)
                #expect(body["ready"] as? Bool == true)
                #expect(Set(body.keys) == ["ready"])
            }
        }
    }

    @Test func readyzIs503WithTheReasonOnceTheSQLiteFileIsDeleted() async throws {
        try await withSQLiteApp { client, _, path in
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
            try FileManager.default.removeItem(atPath: path)
            try await client.execute(uri: "/readyz", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                let body = try json(response.body)
                #expect(body["ready"] as? Bool == false)
                #expect(body["reason"] as? String == "database_replaced")
                #expect((body["message"] as? String)?.contains(path) == true)
            }
            // Liveness is not readiness: the process is up, and restarting it would not bring the file back.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func readyzGivesTheDatabasesOwnReason() async throws {
        try await withScriptedApp { client, _, database in
            database.failReads(StorageFailure(.unavailable, reason: "database_timeout", detail: "quá hạn"))
            try await client.execute(uri: "/readyz", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(try json(response.body)["reason"] as? String == "database_timeout")
                #expect(try json(response.body)["message"] as? String == "quá hạn")
            }
            database.failReads(nil)
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// The router test client has no peer address: the guard cannot tell who asks, so it does not answer, even to a
    /// header that claims loopback.
    @Test func metricsIs404WithoutAPeerAddress() async throws {
        try await withApp { client, _ in
            for headers: HTTPFields in [[:], [ClientIdentity.forwardedFor: "127.0.0.1"]] {
                try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
                    #expect(response.status == .notFound)
                    #expect(!response.body.text.contains("newsroom_http_requests_total"))
                }
            }
        }
    }

    @Test func metricsIs404FromAnAddressOutsideTheAllowedNetworks() async throws {
        try await withLiveApp(configure: { $0.metricsAllow = [CIDR("10.0.0.0/8")!] }) { client, _ in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!response.body.text.contains("newsroom_"))
            }
        }
        // Loopback is allowed by default, but the reader behind the trusted proxy is not loopback.
        try await withLiveApp { client, _ in
            try await client.execute(uri: "/metrics", method: .get, headers: [ClientIdentity.forwardedFor: "203.0.113.9"]) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func metricsCountsRequestsForAnAllowedAddress() async throws {
        try await withLiveApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            let first = try await Self.metrics(client)
            #expect(first.contains("# TYPE newsroom_http_requests_total counter"))
            let healthz = try #require(Self.count(in: first, route: "/healthz", status: "200"))
            #expect(healthz >= 1)
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/khong-co-trang-nay", method: .get) { #expect($0.status == .notFound) }
            let second = try await Self.metrics(client)
            #expect(try #require(Self.count(in: second, route: "/healthz", status: "200")) >= healthz + 1)
            // Series are per route pattern, never the path asked for.
            #expect(second.contains("route=\"/{slugAndID}\",status=\"404\""))
            #expect(!second.contains("khong-co-trang-nay"))
            #expect(second.contains("newsroom_http_request_duration_seconds"))
            #expect(second.contains("newsroom_last_backup_success"))
        }
        // An allowed network that is not loopback, named through the trusted proxy.
        try await withLiveApp(configure: { $0.metricsAllow = [CIDR("203.0.113.0/24")!] }) { client, _ in
            try await client.execute(uri: "/metrics", method: .get, headers: [ClientIdentity.forwardedFor: "203.0.113.9"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [ClientIdentity.forwardedFor: "198.51.100.1"]) {
                #expect($0.status == .notFound)
            }
        }
    }

    static func metrics(_ client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(response.headers[.cacheControl] == "no-store")
            return response.body.text
        }
    }

    /// The value of `newsroom_http_requests_total` for GET `route` answered `status`.
    static func count(in page: String, route: String, status: String) -> Double? {
        page.split(separator: "\n").first {
            $0.hasPrefix("newsroom_http_requests_total{") && $0.contains("method=\"GET\"") && $0.contains("route=\"\(route)\"")
                && $0.contains("status=\"\(status)\"")
        }.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }
}

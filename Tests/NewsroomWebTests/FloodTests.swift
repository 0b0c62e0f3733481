import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Limits per client, with the client's address read from `X-Forwarded-For` only behind a trusted proxy.
@Suite struct FloodTests {
    @Test func aFloodFromOneClientGets429sWhileAnotherAtANormalPaceGetsNone() async throws {
        try await TestStore.with { store in
            let article = try await store.article()
            let config = AppConfig(
                moderation: .post, commentLimits: [RateLimit(3, per: 30)], trustedProxies: [CIDR("127.0.0.1")!, CIDR("::1")!],
                secret: testSecret)
            let app = Application(router: buildRouter(config, store: store), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                func post(_ body: String, from address: String) async throws -> HTTPResponse.Status {
                    try await client.execute(
                        uri: "/api/v1/articles/\(article.id)/comments", method: .post,
                        headers: [.contentType: "application/json", ClientIdentity.forwardedFor: "\(address), 127.0.0.1"],
                        body: try jsonBody(["author": "Khách", "body": body])
                    ) { $0.status }
                }
                async let flood: [HTTPResponse.Status] = {
                    var statuses: [HTTPResponse.Status] = []
                    for index in 0..<20 { statuses.append(try await post("Tràn ngập số \(index)", from: "203.0.113.5")) }
                    return statuses
                }()
                async let calm: [HTTPResponse.Status] = {
                    var statuses: [HTTPResponse.Status] = []
                    for index in 0..<3 {
                        statuses.append(try await post("Bình luận bình thường số \(index)", from: "198.51.100.7"))
                        try await Task.sleep(for: .milliseconds(700))
                    }
                    return statuses
                }()
                let (flooded, normal) = try await (flood, calm)
                #expect(flooded.filter { $0 == .created }.count == 3)
                #expect(flooded.filter { $0 == .tooManyRequests }.count == 17)
                #expect(normal == [.created, .created, .created])
            }
            let stored = try await store.comments.list(status: nil).map(\.body)
            #expect(stored.filter { $0.hasPrefix("Tràn ngập") }.count == 3)
            #expect(stored.filter { $0.hasPrefix("Bình luận bình thường") }.count == 3)
        }
    }

    @Test func forwardedForCountsOnlyFromATrustedProxy() {
        let trusted = [CIDR("10.0.0.0/8")!, CIDR("fd00::/8")!]
        #expect(ClientIdentity.address(peer: "10.1.2.3", forwardedFor: ["203.0.113.9"], trusted: trusted) == "203.0.113.9")
        #expect(ClientIdentity.address(peer: "192.0.2.1", forwardedFor: ["203.0.113.9"], trusted: trusted) == "192.0.2.1")
        // The client may write anything on the left; the nearest untrusted hop is the one the proxy saw.
        #expect(
            ClientIdentity.address(peer: "10.1.2.3", forwardedFor: ["1.2.3.4, 203.0.113.9, 10.9.9.9"], trusted: trusted) == "203.0.113.9")
        #expect(ClientIdentity.address(peer: "fd00::1", forwardedFor: ["2001:db8::5"], trusted: trusted) == "2001:db8::5")
        #expect(ClientIdentity.address(peer: "10.1.2.3", forwardedFor: ["không-phải-địa-chỉ"], trusted: trusted) == "10.1.2.3")
        #expect(CIDR("10.0.0.0/33") == nil)
        #expect(CIDR.list(parsing: "127.0.0.1, ::1/128") != nil)
        #expect(CIDR.list(parsing: "127.0.0.1, vô nghĩa") == nil)
        #expect(CIDR("127.0.0.0/8")!.contains("::ffff:127.0.0.1"))
    }

    @Test func limitsCountPerEmailToo() async {
        let limiter = RateLimiter(limits: [RateLimit(1, per: 10)])
        #expect(await limiter.acquire(keys: ["client:a", "email:x@y.vn"], now: Fixtures.now) == nil)
        // Another address with the same e-mail waits; a refused attempt is not counted against the new address.
        #expect(await limiter.acquire(keys: ["client:b", "email:x@y.vn"], now: Fixtures.now.addingTimeInterval(1)) == 9)
        #expect(await limiter.acquire(keys: ["client:b"], now: Fixtures.now.addingTimeInterval(2)) == nil)
        #expect(RateLimit.list(parsing: "1/10,10/3600") == [RateLimit(1, per: 10), RateLimit(10, per: 3600)])
        #expect(RateLimit.list(parsing: "off") == [])
        #expect(RateLimit.list(parsing: "mười/giây") == nil)
    }
}

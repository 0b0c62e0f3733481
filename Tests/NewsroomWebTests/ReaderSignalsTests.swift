import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Likes and reports bound to what a reader cannot mint: a cookie the server signed, and the reader's address.
@Suite struct ReaderSignalsTests {
    @Test func fiveHundredLikesWithMadeUpCookiesFromOneAddressCountAsTheLimit() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            var last = 0
            for index in 0..<500 {
                let made = String(format: "%032x", index)
                last = try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/likes", method: .post,
                    headers: [
                        .cookie: "nr_client=\(made)", .contentType: "application/json", ClientIdentity.forwardedFor: "198.51.100.20",
                    ], body: ByteBuffer(string: "{}")
                ) { response throws in
                    #expect(response.status == .ok)
                    return try json(response.body)["likes"] as? Int ?? -1
                }
            }
            // A cookie the server did not sign is none: the address is the client, and liking again counts once.
            #expect(last == 1)
            #expect(try await store.comments.comment(id: comment.id)?.likes == 1)
            // Another address is not held back by the first one's limit.
            try await client.execute(
                uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: reader("khac", address: "198.51.100.21"),
                body: ByteBuffer(string: "{}")
            ) { response throws in #expect(try json(response.body)["likes"] as? Int == 2) }
        }
    }

    @Test func cookiesCollectedFromTheServerStillCountAtMostTheLimitPerAddress() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            // Each cookie was signed by the server (as a page view would give it): 25 "readers" on one address.
            for index in 0..<25 {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: reader("r\(index)", address: "198.51.100.30"),
                    body: ByteBuffer(string: "{}")
                ) { #expect($0.status == .ok) }
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/reports", method: .post, headers: reader("r\(index)", address: "198.51.100.30"),
                    body: try jsonBody(["reason": "spam"])
                ) { #expect($0.status == .ok) }
            }
            let counted = try #require(try await store.comments.comment(id: comment.id))
            #expect(counted.likes == 20)
            #expect(counted.reports == 20)
            #expect(counted.status == .published)
        }
    }

    @Test func aLikeWithoutABodyIsFineAndTheArticlePageGivesTheSignedCookie() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            let cookie = try await client.execute(uri: article.path, method: .get, headers: [ClientIdentity.forwardedFor: "192.0.2.70"]) {
                response throws in
                let setCookie = try #require(response.headers[.setCookie])
                return String(setCookie.prefix { $0 != ";" })
            }
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/likes", method: .post,
                    headers: [.cookie: cookie, ClientIdentity.forwardedFor: "192.0.2.70"]
                ) { response throws in
                    #expect(response.status == .ok)
                    #expect(try json(response.body)["likes"] as? Int == 1)
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            // Without a cookie at all, the address is the client: idempotent as DESIGN.md says.
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: [ClientIdentity.forwardedFor: "192.0.2.71"]
                ) { response throws in #expect(try json(response.body)["likes"] as? Int == 2) }
            }
        }
    }

    @Test func oneMachineIsOneAddressWhateverItsIPv6AddressWithinA64() async throws {
        #expect(ClientIdentity.network("2001:db8:1:2::1") == ClientIdentity.network("2001:db8:1:2:ffff:abcd:1:99"))
        #expect(ClientIdentity.network("2001:db8:1:2::1") != ClientIdentity.network("2001:db8:1:3::1"))
        #expect(ClientIdentity.network("::ffff:203.0.113.5") == ClientIdentity.network("203.0.113.5"))
        #expect(ClientIdentity.network("203.0.113.5") != ClientIdentity.network("203.0.113.6"))
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            for index in 0..<30 {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/likes", method: .post,
                    headers: [.contentType: "application/json", ClientIdentity.forwardedFor: "2001:db8:5:6::\(index + 1)"],
                    body: ByteBuffer(string: "{}")
                ) { #expect($0.status == .ok) }
            }
            #expect(try await store.comments.comment(id: comment.id)?.likes == 1)
        }
    }

    @Test func aTamperedCookieCountsAsNoneAndGetsASignedOne() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            var signed = reader("a")
            try await client.execute(
                uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: signed, body: ByteBuffer(string: "{}")
            ) {
                response throws in
                #expect(try json(response.body)["likes"] as? Int == 1)
                #expect(response.headers[.setCookie] == nil)
            }
            // The same signed cookie again: the same reader, idempotent.
            try await client.execute(
                uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: signed, body: ByteBuffer(string: "{}")
            ) {
                response throws in #expect(try json(response.body)["likes"] as? Int == 1)
            }
            let cookie = try #require(signed[.cookie])
            signed[.cookie] = String(cookie.dropLast()) + (cookie.hasSuffix("0") ? "1" : "0")
            try await client.execute(
                uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: signed, body: ByteBuffer(string: "{}")
            ) {
                response throws in
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.hasPrefix("nr_client="))
                let value = String(setCookie.dropFirst("nr_client=".count).prefix { $0 != ";" })
                #expect(ClientIdentity.verified(value, key: .init(data: testSecret)) != nil)
            }
        }
    }

    @Test func threeReportsFromOneAddressLeaveACommentPublished() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            for name in ["a", "b", "c", "d"] {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/reports", method: .post, headers: reader(name, address: "203.0.113.50"),
                    body: try jsonBody(["reason": "spam"])
                ) { #expect($0.status == .ok) }
            }
            #expect(try await store.comments.comment(id: comment.id)?.status == .published)
            // Made-up cookies from one address do no better.
            for index in 0..<5 {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/reports", method: .post,
                    headers: [
                        .cookie: "nr_client=\(String(format: "%032x", index))", .contentType: "application/json",
                        ClientIdentity.forwardedFor: "203.0.113.50",
                    ], body: try jsonBody(["reason": "spam"])
                ) { #expect($0.status == .ok) }
            }
            #expect(try await store.comments.comment(id: comment.id)?.status == .published)
        }
    }

    @Test func afterApprovalOnlyNewReportsFromDistinctAddressesCount() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            func report(_ name: String, _ address: String) async throws {
                try await client.execute(
                    uri: "/api/v1/comments/\(comment.id)/reports", method: .post, headers: reader(name, address: address),
                    body: try jsonBody(["reason": "xuc-pham"])
                ) { #expect($0.status == .ok) }
            }
            for (name, address) in [("a", "192.0.2.1"), ("b", "192.0.2.2"), ("c", "192.0.2.3")] { try await report(name, address) }
            #expect(try await store.comments.comment(id: comment.id)?.status == .pending)
            let moderator = try await store.staff.add(email: "kiem.duyet@toasoan.vn", role: .moderator, passwordHash: "x", at: Fixtures.now)
            _ = try await store.moderation.apply(.approve, to: [comment.id], by: moderator, at: Fixtures.now)
            // One more report (the attack the issue found) no longer hides it.
            try await report("d", "192.0.2.4")
            let approved = try #require(try await store.comments.comment(id: comment.id))
            #expect(approved.status == .published)
            #expect(approved.reports == 1)
            #expect(approved.reportsBeforeApproval == 3)
            let desk = try #require(try await store.moderation.queue(.reported, article: nil, after: nil, limit: 10).items.first)
            #expect(desk.reason == "Bị báo cáo 1 lần sau khi đã được duyệt (trước đó 3 lần)")
            try await report("e", "192.0.2.5")
            try await report("f", "192.0.2.6")
            #expect(try await store.comments.comment(id: comment.id)?.status == .pending)
        }
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil as String?])
    func theJSONAPIRefusesBodiesThatAreNotJSON(type: String?) async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            var headers = HTTPFields()
            if let type { headers[.contentType] = type }
            let body = ByteBuffer(string: #"{"author":"Khách","body":"Bình luận gửi từ trang khác"}"#)
            for uri in [
                "/api/v1/articles/\(article.id)/comments", "/api/v1/comments/\(comment.id)/likes", "/api/v1/comments/\(comment.id)/reports",
            ] {
                try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response throws in
                    #expect(response.status == .unsupportedMediaType, "\(uri)")
                    #expect(try errorCode(response.body) == "unsupported_media_type")
                }
            }
            #expect(try await store.comments.comment(id: comment.id)?.likes == 0)
            #expect(try await store.comments.list(status: nil).count == 1)
        }
    }

    @Test func behindATrustedTLSProxyTheOriginsSchemeIsTheProxys() async throws {
        try await withLiveApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            func like(origin: String, proto: String?) async throws -> HTTPResponse.Status {
                var headers = reader("a", json: false)
                headers[.origin] = origin
                if let proto { headers[OriginGuard.forwardedProto] = proto }
                return try await client.execute(uri: "/binh-luan/\(comment.id)/thich", method: .post, headers: headers) { $0.status }
            }
            #expect(try await like(origin: "https://localhost", proto: "https") == .seeOther)
            #expect(try await like(origin: "http://localhost", proto: nil) == .seeOther)
            #expect(try await like(origin: "https://localhost", proto: nil) == .forbidden)
            #expect(try await like(origin: "http://localhost", proto: "https") == .forbidden)
            #expect(try await like(origin: "https://evil.example", proto: "https") == .forbidden)
        }
    }

    @Test func formsFromAnotherOriginAreRefused() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            for origin in ["https://evil.example", "null", "https://localhost"] {
                var headers = formHeaders
                headers[.origin] = origin
                try await client.execute(uri: "/binh-luan/\(comment.id)/thich", method: .post, headers: headers, body: ByteBuffer()) {
                    #expect($0.status == .forbidden, "\(origin)")
                }
                try await client.execute(
                    uri: "/admin/login", method: .post, headers: headers, body: formBody([("email", "a@b.vn"), ("password", "x")])
                ) { #expect($0.status == .forbidden, "\(origin)") }
            }
            #expect(try await store.comments.comment(id: comment.id)?.likes == 0)
        }
    }
}

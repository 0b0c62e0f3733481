import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Bounded resources and honest answers: what a client can make the server keep, and how it is told.
@Suite struct HardeningTests {
    @Test func everyPageCarriesTheSecurityHeadersAndHeadWorksWhereGetDoes() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            for uri in ["/", article.path, "/rss.xml", "/sitemap.xml", "/tim-kiem?q=ha+noi", "/khong-co-trang-nay", "/admin/login"] {
                let get = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("object-src 'none'") == true, "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("base-uri 'none'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin", "\(uri)")
                    return response.status
                }
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == get, "HEAD \(uri)")
                    #expect(response.body.readableBytes == 0, "HEAD \(uri)")
                }
            }
        }
    }

    @Test func madeUpCursorsAreAnsweredButNeverCached() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            for index in 0..<30 {
                _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Ý kiến số \(index)"))
            }
            for cursor in ["999999999", "5", "1.2", "-3.7"] {
                try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?cursor=\(cursor)", method: .get) {
                    #expect($0.status == .ok, "\(cursor)")
                }
            }
            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments?cursor=abc", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func hostileNumbersAndNestingAreClientErrors() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            let comments = "/api/v1/articles/\(article.id)/comments"
            let cases: [(String, HTTPRequest.Method, ByteBuffer?, HTTPResponse.Status)] = [
                (comments, .post, ByteBuffer(string: String(repeating: "[", count: 60_000)), .badRequest),
                (comments, .post, ByteBuffer(string: String(repeating: "{\"a\":", count: 10_000)), .badRequest),
                (comments, .post, ByteBuffer(string: #"{"author":"A","body":"B","parentId":99999999999999999999999}"#), .badRequest),
                (comments, .post, ByteBuffer(string: #"{"author":"A","body":"B","parentId":-9223372036854775808}"#), .unprocessableContent),
                (comments + "?limit=99999999999999999999", .get, nil, .badRequest),
                (comments + "?limit=9223372036854775807", .get, nil, .ok),
                (comments + "?cursor=9223372036854775807.9223372036854775807", .get, nil, .ok),
                (comments + "?cursor=-9223372036854775808.0", .get, nil, .ok),
                ("/api/v1/articles/99999999999999999999999/comments", .get, nil, .notFound),
                ("/api/v1/articles/9223372036854775807", .get, nil, .notFound),
                ("/api/v1/search?q=ha&page=99999999999999999999", .get, nil, .badRequest),
                ("/tim-kiem?q=" + String(repeating: "a\u{301}", count: 2000), .get, nil, .ok),
                ("/?trang=9223372036854775807", .get, nil, .notFound),
                ("/api/v1/search?q=nam&from=9223372036854775807-01-01", .get, nil, .badRequest),
                ("/api/v1/search?q=nam&to=2026-02-31", .get, nil, .badRequest),
                ("/api/v1/search?q=nam&from=2026-02-28&to=2026-03-01", .get, nil, .ok),
                ("/api/v1/search?q=nam&page=%FF", .get, nil, .badRequest),
                ("/api/v1/search?q=nam&page=%G1", .get, nil, .badRequest),
                ("/api/v1/search?q=nam&category=%00", .get, nil, .badRequest),
                ("/tim-kiem?q=%00", .get, nil, .badRequest),
                ("/chuyen-muc/%00", .get, nil, .notFound),
                ("/chuyen-muc/a%00b/rss.xml", .get, nil, .notFound),
            ]
            let comment = try await store.comments.insert(Fixtures.comment(article: article.id))
            try await client.execute(
                uri: "/api/v1/comments/\(comment.id)/likes", method: .post, headers: jsonHeaders,
                body: ByteBuffer(repeating: 0x20, count: 100_000)
            ) { response in #expect(response.status == .contentTooLarge) }
            for (uri, method, body, expected) in cases {
                try await client.execute(uri: uri, method: method, headers: jsonHeaders, body: body) { response in
                    #expect(response.status == expected, "\(method) \(uri.prefix(80))")
                }
            }
        }
    }

    @Test func thePageCacheStaysWithinItsBytes() {
        let cache = PageCache(lifetime: 600, recheckInterval: 5, capacity: 10_000, maxBytes: 64 * 1024)
        let stamp = PageStamp(slug: "a", version: 1, updatedAt: Fixtures.now)
        let body = ByteBuffer(repeating: 0x61, count: 10_000)
        for article in 1...1_000 {
            for variant in ["page:newest", "page:top", "json:newest:20"] {
                cache.store(
                    body, for: .init(variant: variant), article: Article.ID(article), stamp: stamp,
                    generation: cache.generation(article: Article.ID(article)), now: Fixtures.now.addingTimeInterval(Double(article)))
                #expect(cache.bytes <= 64 * 1024)
            }
        }
        // The newest renderings are the ones kept.
        #expect(cache.page(.init(variant: "page:top"), article: 1_000, stamp: stamp, now: Fixtures.now.addingTimeInterval(1_000)) != nil)
        #expect(cache.page(.init(variant: "page:top"), article: 1, stamp: stamp, now: Fixtures.now.addingTimeInterval(1_000)) == nil)
        cache.invalidateAll()
        #expect(cache.bytes == 0)
    }

    @Test func eventStreamsAreCappedPerAddressAndInAll() {
        let quota = StreamQuota(maxTotal: 5, maxPerAddress: 2)
        #expect(quota.acquire(address: "a"))
        #expect(quota.acquire(address: "a"))
        #expect(!quota.acquire(address: "a"))
        for address in ["b", "c", "d"] { #expect(quota.acquire(address: address)) }
        #expect(!quota.acquire(address: "e"))
        quota.release(address: "a")
        #expect(quota.acquire(address: "e"))
        #expect(quota.open == 5)
    }

    @Test func theEleventhStreamFromOneAddressIsRefusedWith503() async throws {
        try await withLiveApp(configure: { $0.streamsPerAddress = 1 }) { client, store in
            let article = try await store.article()
            let port = try #require(client.port)
            let first = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10)))
            first.connect()
            // The first stream stays open on its own connection; the second from the same address is refused.
            let open = Task {
                try await first.execute(
                    .init(
                        "/api/v1/articles/\(article.id)/events", method: .get, authority: "localhost",
                        headers: [ClientIdentity.forwardedFor: "203.0.113.9"]))
            }
            try await Task.sleep(for: .milliseconds(300))
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/events", method: .get, headers: [ClientIdentity.forwardedFor: "203.0.113.9"]
            ) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(try errorCode(response.body) == "overloaded")
            }
            open.cancel()
            try? await first.shutdown()
        }
    }

    @Test func aHugePageNumberOnTheEditorsListDoesNotTrap() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember("bientap@toasoan.vn", role: .editor)
            let editor = try await signIn(client, email: "bientap@toasoan.vn", desk: "/admin/articles")
            for page in ["9223372036854775807", "-9223372036854775808", "4611686018427387904"] {
                try await client.execute(uri: "/admin/articles?trang=\(page)", method: .get, headers: editor.headers) {
                    #expect($0.status == .ok, "\(page)")
                }
            }
        }
    }

    @Test func anArticleBodyOverOneMegabyteIsRefusedBeforeRendering() throws {
        var form = ArticleForm()
        form.title = "Bài rất dài"
        form.sapo = "Một sapo."
        form.status = .published
        form.markdown = String(repeating: "Chữ tiếng Việt có dấu. ", count: 50_000)
        #expect(form.markdown.utf8.count > ArticleLimits.maxMarkdownBytes)
        #expect(throws: NewsroomError.self) { try form.draft(now: Fixtures.now) }
        do {
            _ = try form.draft(now: Fixtures.now)
        } catch let error as NewsroomError {
            #expect(error.code == .articleInvalid)
            #expect(error.field == "markdown")
            #expect(error.message.contains("tối đa 1.024 KB"))
        }
    }
}
